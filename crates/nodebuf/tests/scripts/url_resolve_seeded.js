// Seeded (from, to) pairs for the legacy `url.resolve` / `url.resolveObject`: URLs and
// relative references built from fragments (special and non-special schemes, scheme-only and
// protocol-relative forms, hosts with and without slashes, credentials, ports, paths full of
// `.` and `..`, queries, hashes, empty strings). Every result string and resolved object must
// equal Node's. NODEBUF_SEED / NODEBUF_DIFF_CASES change the seed and the pair count.
'use strict';
const url = require('url');

let seed = Number(process.env.NODEBUF_SEED || 20261206) >>> 0;
const cases = Number(process.env.NODEBUF_DIFF_CASES || 3000);
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const pick = (list) => list[rand(list.length)];

const schemes = ['', '', '', 'http:', 'https:', 'HTTP:', 'file:', 'ftp:', 'ws:', 'mailto:', 'foo:', 'javascript:',
  'git+ssh:', 'urn:'];
const slashes = ['//', '//', '', '', '/', '///'];
const auths = ['', '', '', 'user@', 'user:pass@', 'a@b@', ':@'];
const hosts = ['', 'example.com', 'h', 'A.B', '127.0.0.1', '[::1]', 'host.', 'x-y_z', 'a b', 'h%41', 'ü.de'];
const ports = ['', '', '', ':80', ':8080', ':'];
const segments = ['a', 'b', 'c', '.', '..', '', '...', 'a.b', 'x;y', '%2e', 'ü', 'a\\b', 'sp ace', '@'];
const queries = ['', '', '', '?', '?q', '?a=1&b=2', '?x=..'];
const hashes = ['', '', '', '#', '#f', '#a/b', '#..'];

function randomPath() {
  const count = rand(5);
  const parts = [];
  for (let i = 0; i < count; i++) parts.push(pick(segments));
  const lead = pick(['', '/', '/', './', '../', '../../']);
  return lead + parts.join('/') + pick(['', '', '/']);
}

function randomUrl() {
  switch (rand(6)) {
    case 0: // just a path (possibly empty), query, hash
      return randomPath() + pick(queries) + pick(hashes);
    case 1: // query- or hash-only
      return pick(['', '?y', '#g', '?', '#', '?a#b']);
    case 2: // scheme with no host marker
      return pick(schemes) + randomPath() + pick(queries) + pick(hashes);
    case 3: // scheme-only or scheme with a bare host (mailto:a@b)
      return pick(schemes) + pick(auths) + pick(hosts);
    default: // full authority form, possibly protocol-relative
      return pick(schemes) + pick(slashes) + pick(auths) + pick(hosts) + pick(ports) +
        randomPath() + pick(queries) + pick(hashes);
  }
}

function describe(fn) {
  try {
    return fn();
  } catch (err) {
    return `${err.name} ${err.code}`;
  }
}

for (let i = 0; i < cases; i++) {
  const from = randomUrl();
  const to = randomUrl();
  const resolved = describe(() => url.resolve(from, to));
  const object = describe(() => JSON.stringify(url.resolveObject(from, to)));
  console.log(JSON.stringify([from, to, resolved, object]));
}
