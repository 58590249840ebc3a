// perf_hooks.monitorEventLoopDelay: an unref'd timer every `resolution` ms records each
// interval's real length in nanoseconds while enabled; a blocked loop shows as a long one.
const ph = require('perf_hooks');

const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};

const m = ph.monitorEventLoopDelay({ resolution: 20 });
console.log(m, Object.getPrototypeOf(m).constructor.name, Object.getOwnPropertyNames(Object.getPrototypeOf(m)), Object.keys(m));
show('enable', () => m.enable());
show('enable again', () => m.enable());
// The sampling timer is unref'd: it is no resource that keeps the process alive.
show('resources', () => process.getActiveResourcesInfo());
setTimeout(() => {
  const t = Date.now();
  while (Date.now() - t < 100);
}, 50);
setTimeout(() => {
  show('disable', () => m.disable());
  show('disable again', () => m.disable());
  console.log(m.count >= 5, m.min > 0, m.max >= 100e6, m.max < 1e9, m.exceeds, m.percentile(100) === m.max);
  const count = m.count;
  setTimeout(() => console.log('no samples while disabled', m.count === count), 60);
}, 300);
show('resolution 0', () => ph.monitorEventLoopDelay({ resolution: 0 }));
show('resolution 1.5', () => ph.monitorEventLoopDelay({ resolution: 1.5 }));
show('resolution string', () => ph.monitorEventLoopDelay({ resolution: 'x' }));
show('options 1', () => ph.monitorEventLoopDelay(1));
show('disable on {}', () => Object.getPrototypeOf(m).disable.call({}));
