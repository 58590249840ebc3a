// Errors print their `[cause]` nested under them and AggregateError its `[errors]`, each
// error's frames shortened by the run it shares with its cause's stack ("... N lines matching
// cause stack trace ..."), through util.inspect and as an uncaught error. The errors are made
// deeper than Error.stackTraceLimit in seeded chains of four functions, so every frame is the
// script's own (the runtime's frames below differ from Node's and would change the counts).
const util = require('util');

let seed = Number(process.env.NODEBUF_SEED || 777) >>> 0;
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}

// Walks `path` (function indices) down, then takes `state.bottom`; on the way back up, a
// level with an entry in `state.kinds` makes an error of that kind caused by the value so far.
function walk(path, level, state) {
  if (level === path.length) return state.bottom();
  const next = [f0, f1, f2, f3][path[level]];
  const below = next(path, level + 1, state);
  const kind = state.kinds[level];
  return kind === undefined ? below : makeError(kind, `e${state.c}.${level}`, below);
}
function f0(path, level, state) {
  return walk(path, level, state);
}
function f1(path, level, state) {
  const value = walk(path, level, state);
  return value;
}
function f2(path, level, state) { return walk(path, level, state); }
function f3(path, level, state) {
  return (() => walk(path, level, state))();
}

function makeError(kind, message, cause) {
  const options = cause === undefined ? undefined : { cause };
  switch (kind) {
    case 0: return new Error(message, options);
    case 1: return new TypeError(message, options);
    case 2: return new AggregateError([new Error(`${message}/a`), new RangeError(`${message}/b`)], message, options);
    default: {
      class AppError extends Error {}
      return new AppError(message, options);
    }
  }
}

function randomChain(c) {
  const depth = 14 + rand(14);
  const path = Array.from({ length: depth }, () => rand(4));
  const kinds = {};
  const count = 1 + rand(3);
  for (let k = 0; k < count; k++) kinds[11 + rand(depth - 11)] = rand(4);
  const state = {
    c,
    kinds,
    bottom() {
      switch (rand(4)) {
        case 0: return undefined;
        case 1: return `root ${c}`;
        case 2: return { code: c };
        default: return new Error(`bottom ${c}`);
      }
    },
  };
  return walk(path, 0, state);
}

const cases = Number(process.env.NODEBUF_DIFF_CASES || 300) >> 2;
let last;
for (let c = 0; c < cases; c++) {
  Error.stackTraceLimit = 10;
  const err = randomChain(c);
  last = err;
  const opts = rand(4) === 0 ? { depth: rand(3) } : rand(4) === 0 ? { compact: false } : {};
  const shown = rand(3) === 0 ? { wrapped: err } : err;
  console.log(c, JSON.stringify(opts), util.inspect(shown, opts));
}

// A cause made in another branch shares only the frames below the fork.
Error.stackTraceLimit = 10;
function fork(n, which) {
  if (n > 0) return fork(n - 1, which);
  return which === 'a' ? branchA(6) : branchB(6);
}
function branchA(n) { return n > 0 ? branchA(n - 1) : new Error('from a'); }
function branchB(n) { return n > 0 ? branchB(n - 1) : new Error('from b', { cause: deep(20) }); }
function deep(n) { return n > 0 ? deep(n - 1) : fork(2, 'a'); }
console.log(deep(20));
console.log(util.inspect(new Error('outer', { cause: deep(20) })));
// A cause whose getter throws, and a non-error cause.
const hostile = deep(20);
Object.defineProperty(hostile, 'cause', { get() { throw new Error('no'); }, enumerable: false });
console.log(Object.keys(util.inspect(hostile)).length > 0);
throw last;
