// Runs bench/suite.js under nodebuf, node and (when installed) bun and deno, alternating the
// runtimes round by round so background load hits them alike, and prints each case's median
// time per call and its ratio to node (lower is better; < 1 = faster than node). Writes an SVG
// chart of the ratios. Timings are reported, never asserted.
//
// Usage: node bench/report.js [--rounds N] [--svg FILE] [--filter TEXT]
//   runtimes: NODEBUF (default target/release/nodebuf), NODE (node), BUN, DENO (when unset:
//   found on PATH, else in the npm packages `bun`/`deno` installed under this repository or
//   under JSRT_DIR, i.e. node_modules/@oven/bun-<platform>/bin/bun and
//   node_modules/@deno/<platform>/deno; skipped when absent). NODEBUF_BASE: a second nodebuf
//   binary (say, a build of the branch point) run as `nodebuf-base` in the same alternation, to
//   compare two builds in one run.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const rounds = Number(opt('--rounds', 3));
const svgFile = opt('--svg', path.join(root, 'bench', 'report.svg'));
const filter = opt('--filter', '');

function which(cmd) {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`]).toString().trim() || null;
  } catch {
    return null;
  }
}
// The binary an npm package (`npm i bun deno`) unpacked for this platform, if any.
function fromNpm(scope, rel) {
  for (const dir of [root, process.env.JSRT_DIR].filter(Boolean)) {
    const base = path.join(dir, 'node_modules', scope);
    let entries = [];
    try {
      entries = fs.readdirSync(base);
    } catch {
      continue;
    }
    for (const pkg of entries.filter((e) => e.includes(process.platform))) {
      const bin = path.join(base, pkg, rel);
      if (fs.existsSync(bin)) return bin;
    }
  }
  return null;
}
const suite = path.join(__dirname, 'suite.js');
const runtimes = [
  ['nodebuf', process.env.NODEBUF || path.join(root, 'target/release/nodebuf'), [suite]],
  ['nodebuf-base', process.env.NODEBUF_BASE, [suite]],
  ['node', process.env.NODE || process.execPath, [suite]],
  ['bun', process.env.BUN || which('bun') || fromNpm('@oven', 'bin/bun'), [suite]],
  ['deno', process.env.DENO || which('deno') || fromNpm('@deno', 'deno'),
    ['run', '-A', '--unstable-detect-cjs', suite]],
].filter(([, bin]) => bin && fs.existsSync(bin));

const samples = {}; // runtime -> case -> [ns]
const order = [];
for (let r = 0; r < rounds; r++) {
  for (const [name, bin, pre] of runtimes) {
    const out = execFileSync(bin, [...pre, filter], { maxBuffer: 1 << 24 }).toString();
    for (const line of out.trim().split('\n')) {
      const [c, ns] = line.split('\t');
      if (!order.includes(c)) order.push(c);
      ((samples[name] ??= {})[c] ??= []).push(Number(ns));
    }
    process.stderr.write(`round ${r + 1}/${rounds}: ${name} done\n`);
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const names = runtimes.map(([n]) => n);
const med = {};
for (const n of names) for (const c of order) (med[n] ??= {})[c] = median(samples[n][c] || [NaN]);

const fmt = (ns) =>
  ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} us` : `${ns.toFixed(0)} ns`;
const others = names.filter((n) => n !== 'node');
console.log(`medians of ${rounds} alternating rounds; ratio = time / node's time (lower is better)\n`);
console.log(
  '| case | node | ' + others.map((n) => `${n} | ${n}/node`).join(' | ') + ' |\n|---|---|' +
    others.map(() => '---|---|').join(''),
);
for (const c of order) {
  const base = med.node[c];
  const cells = others.map((n) => `${fmt(med[n][c])} | ${(med[n][c] / base).toFixed(2)}`);
  console.log(`| ${c} | ${fmt(base)} | ${cells.join(' | ')} |`);
}

// SVG: one row per case, a bar per runtime on a log2 scale of the ratio, 1.0 marked.
const colors = { nodebuf: '#2b7bb9', 'nodebuf-base': '#9bbbd9', bun: '#d9822b', deno: '#3a9a5b' };
const rowH = 8 + others.length * 10, left = 230, width = 520, top = 40;
const lo = -4, hi = 4; // log2 ratio range: 1/16 .. 16
const x = (ratio) => left + ((Math.min(hi, Math.max(lo, Math.log2(ratio))) - lo) / (hi - lo)) * width;
let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 60}" height="${top + order.length * rowH + 30}" font-family="sans-serif" font-size="11">\n`;
svg += `<text x="10" y="16" font-size="13">Buffer work, time relative to Node (log scale; left of 1x = faster)</text>\n`;
others.forEach((n, i) => {
  svg += `<rect x="${left + i * 90}" y="24" width="10" height="10" fill="${colors[n] || '#888'}"/><text x="${left + 14 + i * 90}" y="33">${n}</text>\n`;
});
for (const t of [1 / 16, 1 / 4, 1, 4, 16]) {
  svg += `<line x1="${x(t)}" y1="${top}" x2="${x(t)}" y2="${top + order.length * rowH}" stroke="${t === 1 ? '#000' : '#ddd'}"/>`;
  svg += `<text x="${x(t) - 8}" y="${top + order.length * rowH + 14}">${t >= 1 ? t : '1/' + 1 / t}x</text>\n`;
}
order.forEach((c, row) => {
  const y = top + row * rowH;
  svg += `<text x="${left - 6}" y="${y + rowH / 2 + 4}" text-anchor="end">${c.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text>\n`;
  others.forEach((n, i) => {
    const ratio = med[n][c] / med.node[c];
    const x0 = x(1), x1 = x(ratio);
    svg += `<rect x="${Math.min(x0, x1)}" y="${y + 4 + i * 10}" width="${Math.max(1, Math.abs(x1 - x0))}" height="8" fill="${colors[n] || '#888'}"><title>${n}: ${ratio.toFixed(2)}x</title></rect>`;
    svg += `<text x="${Math.max(x0, x1) + 3}" y="${y + 11 + i * 10}" font-size="8">${ratio.toFixed(2)}</text>\n`;
  });
});
svg += '</svg>\n';
fs.writeFileSync(svgFile, svg);
console.log(`\nchart: ${path.relative(process.cwd(), svgFile)}`);
