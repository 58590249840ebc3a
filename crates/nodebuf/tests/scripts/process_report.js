// process.report: Node's sections and header fields with the system's real values (compared
// with what the runtime reports elsewhere), the JavaScript stack section, user limits, shared
// objects, writeReport's file and messages, the settings and validation.
const fs = require('fs');
const os = require('os');
const path = require('path');

const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};

const r = process.report;
console.log(Object.keys(r), r.directory, r.filename, r.compact, r.excludeNetwork, r.signal, r.reportOnFatalError,
  r.reportOnSignal, r.reportOnUncaughtException);
const report = r.getReport();
console.log(Object.keys(report));
const h = report.header;
console.log(h.reportVersion, h.event, h.trigger, h.filename, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(h.dumpEventTime),
  Math.abs(Number(h.dumpEventTimeStamp) - Date.now()) < 60000, h.processId === process.pid, h.threadId, h.cwd === process.cwd());
console.log(h.nodejsVersion, /^\d+\.\d+$/.test(h.glibcVersionRuntime), h.wordSize, h.arch, h.platform, h.componentVersions.node,
  h.release.name, h.osName === os.type(), h.osRelease === os.release(), h.osVersion === os.version(), h.osMachine === os.machine(),
  h.host === os.hostname(), h.cpus.length === os.availableParallelism());
console.log(h.cpus.every((c) => typeof c.model === 'string' && ['speed', 'user', 'nice', 'sys', 'idle', 'irq'].every((k) => Number.isInteger(c[k]))));
console.log(report.javascriptStack.message, report.javascriptStack.errorProperties, Array.isArray(report.javascriptStack.stack));
const e = new Error('boom');
e.extra = 1;
const withError = r.getReport(e);
console.log(withError.javascriptStack.message, withError.javascriptStack.errorProperties, withError.javascriptStack.stack[0].startsWith('at '));
const usage = report.resourceUsage;
console.log(usage.total_memory === os.totalmem(), usage.constrained_memory === process.constrainedMemory(), usage.rss > 0,
  usage.maxRss > 0, usage.userCpuSeconds >= 0, Object.keys(usage.pageFaults), Object.keys(usage.fsActivity));
console.log(Object.keys(report.uvthreadResourceUsage));
console.log(Object.keys(report.userLimits));
console.log(Object.values(report.userLimits).every((l) => ['soft', 'hard'].every((k) => l[k] === 'unlimited' || Number.isInteger(l[k]))));
console.log(report.environmentVariables.PATH === process.env.PATH, Array.isArray(report.workers));
console.log(report.sharedObjects.some((name) => name.includes('libc.so')), report.sharedObjects.includes('linux-vdso.so.1'));
show('getReport(1)', () => r.getReport(1));
show('writeReport(1)', () => r.writeReport(1));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodebuf-report-'));
r.directory = dir;
console.log(r.directory === dir);
const name = r.writeReport('mine.json');
const written = JSON.parse(fs.readFileSync(path.join(dir, 'mine.json'), 'utf8'));
console.log(name, written.header.trigger, written.header.filename, Object.keys(written).length);
// (The default name holds the pid, which stderr would show: a set filename instead.)
r.filename = 'named.json';
const generated = r.writeReport(e);
console.log(generated, JSON.parse(fs.readFileSync(path.join(dir, generated), 'utf8')).javascriptStack.message);
fs.rmSync(dir, { recursive: true });
