// `for await` closes its iterator as ECMAScript's AsyncIteratorClose says: every way of leaving
// the body (throw, break, return, labelled continue, a failing head destructuring) calls
// `return()` and awaits its result before the loop's completion goes on; a throw keeps its own
// exception whatever `return()` does; a failing `next()`, a rejected next result or a bad
// iterator result leaves without closing. Every iterator shape is crossed with every exit and
// the order of events is printed.
'use strict';

const log = [];
const tick = (label) => Promise.resolve().then(() => log.push(`tick ${label}`));

// Iterator shapes: what next() and return() do.
const shapes = {
  asyncGenerator: () => (async function* gen() {
    try {
      yield [1, 1];
      yield [2, 2];
    } finally {
      log.push('finally start');
      await null;
      log.push('finally end');
    }
  })(),
  returnSlow: () => custom({ ret: () => new Promise((r) => setTimeout(() => { log.push('return settled'); r({ done: true }); }, 2)) }),
  returnSync: () => custom({ ret: () => ({ done: true }) }),
  returnThrows: () => custom({ ret: () => { throw new Error('return threw'); } }),
  returnRejects: () => custom({ ret: () => Promise.reject(new Error('return rejected')) }),
  returnPrimitive: () => custom({ ret: () => 42 }),
  returnMissing: () => custom({ ret: undefined }),
  returnGetterThrows: () => {
    const it = custom({ ret: undefined });
    Object.defineProperty(it, 'return', { get() { log.push('get return'); throw new Error('getter'); } });
    return it;
  },
  nextRejects: () => custom({ next: () => Promise.reject(new Error('next rejected')), ret: () => ({ done: true }) }),
  nextThrows: () => custom({ next: () => { throw new Error('next threw'); }, ret: () => ({ done: true }) }),
  nextPrimitive: () => custom({ next: () => Promise.resolve(7), ret: () => ({ done: true }) }),
  doneGetterThrows: () => custom({
    next: () => Promise.resolve({ get done() { throw new Error('done getter'); }, value: 1 }),
    ret: () => ({ done: true }),
  }),
  exhausted: () => custom({ next: () => Promise.resolve({ done: true, value: undefined }), ret: () => ({ done: true }) }),
};

function custom({ next, ret }) {
  let n = 0;
  const it = {
    [Symbol.asyncIterator]() { return this; },
    next() {
      log.push(`next ${n}`);
      n++;
      return next ? next() : Promise.resolve({ value: [n, n], done: false });
    },
  };
  if (ret !== undefined) {
    it.return = function () {
      log.push(`return called (${arguments.length} args)`);
      return ret();
    };
  }
  return it;
}

// Ways out of the body.
const exits = {
  async throws(it) {
    for await (const x of it) {
      log.push(`body ${x}`);
      throw new Error('body threw');
    }
  },
  async breaks(it) {
    for await (const x of it) {
      log.push(`body ${x}`);
      break;
    }
    log.push('after loop');
  },
  async returns(it) {
    for await (const x of it) {
      log.push(`body ${x}`);
      return 'returned';
    }
    return 'fell through';
  },
  async continuesOuter(it) {
    outer: for (const round of [1, 2]) {
      for await (const x of it) {
        log.push(`body ${round} ${x}`);
        continue outer;
      }
    }
  },
  async throwsInNestedFinally(it) {
    for await (const x of it) {
      try {
        throw new Error('inner');
      } finally {
        log.push(`inner finally ${x}`);
      }
    }
  },
  async headDestructuringFails(it) {
    for await (const { a: { b } } of it) log.push(`body ${b}`);
  },
  async completes(it) {
    let count = 0;
    for await (const x of it) {
      log.push(`body ${x}`);
      if (++count === 3) break;
    }
  },
  async throwsAfterAwait(it) {
    for await (const x of it) {
      await tick('in body');
      throw new Error(`late ${x}`);
    }
  },
};

(async () => {
  for (const [shapeName, make] of Object.entries(shapes)) {
    for (const [exitName, run] of Object.entries(exits)) {
      log.length = 0;
      const side = tick('beside');
      try {
        const value = await run(make());
        log.push(`completed ${String(value)}`);
      } catch (err) {
        // The engine's own TypeErrors (a non-object iterator result, a failed destructuring)
        // are named by class: their texts are the engine-messages work, not this test's.
        log.push(`threw ${err instanceof TypeError ? 'TypeError' : err.message}`);
      }
      await side;
      console.log(`${shapeName} / ${exitName}: ${log.join(' | ')}`);
    }
  }
})();
