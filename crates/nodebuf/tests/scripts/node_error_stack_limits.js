// Node's own errors (ERR_*) under numeric Error.stackTraceLimit values: whether they keep any of
// this script's frames, their first line, own keys, and that the limit reads back unchanged
// after each (Node's NodeError takes no frames while it constructs the error, then captures
// them once). How many frames each runtime's own code takes first differs (Node's module
// loader vs nodebuf's), so only whether the script's frames show is compared.
'use strict';
function deep(n) {
  if (n === 0) return Buffer.from({});
  return deep(n - 1);
}
const mine = (e) => String(e.stack).split('\n').some((l) => l.includes(__filename));
for (const limit of [0, 1, 3, 10, -1, Infinity]) {
  Error.stackTraceLimit = limit;
  try {
    deep(12);
  } catch (e) {
    console.log(String(limit), e.name, e.code, mine(e), String(e.stack).split('\n')[0], Object.keys(e),
      Object.getOwnPropertyNames(e).join(','), String(Error.stackTraceLimit));
  }
}
Error.stackTraceLimit = 10;
for (const attempt of [() => Buffer.alloc(2).readUInt8(5), () => Buffer.alloc(4).write('x', 9), () => Buffer.concat(1)]) {
  try {
    attempt();
  } catch (e) {
    console.log(e.code, e.message, mine(e), Object.getOwnPropertyNames(e).join(','), e instanceof RangeError, e instanceof TypeError);
  }
}
