// args: one --two three
console.log(process.argv.slice(2), process.argv.length, require('path').basename(process.argv[1]));
console.log(typeof process.argv[0], typeof process.argv0, process.argv0.length > 0, process.execArgv);
console.log(process.platform, process.arch === require('os').arch(), typeof process.pid, process.pid > 0, typeof process.ppid);
console.log(process.version, process.versions.node, process.release.name, process.title);
console.log(process.cwd() === __dirname, typeof process.env.PATH, process.env.NODEBUF_TEST, process.env.NOPE_NOT_SET);
const t = process.hrtime();
console.log(Array.isArray(t), t.length, typeof process.hrtime.bigint(), process.hrtime(t).length);
const mem = process.memoryUsage();
console.log(Object.keys(mem), Object.values(mem).every((v) => typeof v === 'number' && v >= 0), typeof process.memoryUsage.rss());
console.log(typeof process.uptime(), typeof process.nextTick, typeof process.emitWarning, typeof process.on, process.exitCode);
console.log(process instanceof require('events'), typeof process.stdout.write, process.stdout.fd, process.stderr.fd);
console.log(typeof performance.now(), performance.now() >= 0, typeof queueMicrotask, typeof structuredClone);
console.log(typeof setTimeout(() => {}, 0).ref, typeof setImmediate(() => {}).unref);
