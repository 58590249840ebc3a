'use strict';
// A 16-byte ring of 6-byte frames whose wrap-around is clamped instead of wrapping: the last
// frame [10, 16) overlaps the previous one [6, 12). Nested views, exact duplicates and pool
// neighbours are normal and must not be reported.
const ring = Buffer.alloc(16);
const frames = [];
function frameAt(start) {
  return ring.subarray(start, start + 6);
}
function wrapFrame() {
  return ring.subarray(10, 16);
}
frames.push(frameAt(0));
frames.push(frameAt(6));
frames.push(wrapFrame());
frames.push(wrapFrame());
frames.push(frames[0].subarray(1, 3));
frames.push(frameAt(0));
const a = Buffer.allocUnsafe(10);
const b = Buffer.allocUnsafe(10);
const c = Buffer.from('pool neighbour');
console.log(frames.length, a.buffer === b.buffer, b.buffer === c.buffer, c.length);
