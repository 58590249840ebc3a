// The ring-buffer bug: views that overlap by mistake.
//
// A receiver keeps the last few frames as views of one 16-byte ring instead of copying them.
// Each frame is 6 bytes; the frame that reaches the end of the ring should wrap around to the
// start, but this code clamps it to the end instead: frame 3 covers bytes 10-15 and so shares
// bytes 10-11 with frame 2 (bytes 6-11). Writing frame 3 silently corrupts frame 2.
//
// Run it with `nodebuf --trace-overlap examples/ring_buffer_overlap.js` to have the runtime
// name both lines that made the overlapping views (the output below is the same either way;
// the warning goes to stderr).
'use strict';

const RING = 16;
const FRAME = 6;
const ring = Buffer.alloc(RING);
let head = 0;

function nextFrame() {
  const start = head;
  head += FRAME;
  if (start + FRAME > RING) {
    head = 0;
    return ring.subarray(RING - FRAME, RING); // bug: should wrap to the start, not overlap
  }
  return ring.subarray(start, start + FRAME);
}

const frames = [];
for (const text of ['frame1', 'frame2', 'frame3']) {
  const frame = nextFrame();
  frame.write(text);
  frames.push(frame);
}
for (const [i, frame] of frames.entries()) {
  console.log(`frame ${i + 1}: bytes ${frame.byteOffset}-${frame.byteOffset + frame.length - 1} = ${JSON.stringify(frame.toString())}`);
}
console.log('frame 2 was overwritten:', frames[1].toString() !== 'frame2');

// A nested view (a field inside a frame) and an exact duplicate are normal, never reported.
const kind = frames[0].subarray(0, 5);
const again = ring.subarray(0, FRAME);
console.log(kind.toString(), again.equals(frames[0]));
