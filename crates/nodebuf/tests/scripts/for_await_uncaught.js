// An exception thrown in a `for await` body that nothing catches is reported at its own `throw`
// after the iterator was closed (the engine's closing handler rethrows it unchanged).
'use strict';

async function* numbers() {
  try {
    yield 1;
  } finally {
    console.log('closed');
  }
}

(async () => {
  for await (const n of numbers()) {
    throw new RangeError(`bad ${n}`);
  }
})();
