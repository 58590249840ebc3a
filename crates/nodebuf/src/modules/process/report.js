// process.report: a diagnostic report in Node's layout (reportVersion 4) from what the runtime
// can know: the header (time, ids, command line, versions, uname, CPUs, host), the JavaScript
// stack of the error given or of the call, the engine's heap totals, resource usage of the
// process and of this thread, the environment, the resource limits and the shared objects.
// Sections whose data only V8 or libuv have (native stack frames, heap spaces, libuv handles)
// are present and empty.
'use strict';

const { codes } = require('internal/errors');
const fs = require('fs');
const os = require('os');
const path = require('path');

const startedAt = Date.now() - process.uptime() * 1000;
let sequence = 0;

// `directory`, `filename`, ... : the settings Node's accessors keep.
const settings = {
  directory: '',
  filename: '',
  compact: false,
  excludeNetwork: false,
  signal: 'SIGUSR2',
  reportOnFatalError: false,
  reportOnSignal: false,
  reportOnUncaughtException: false,
};

const two = (n) => String(n).padStart(2, '0');

// Per-CPU model, speed (MHz) and times (ms) from /proc, as libuv reads them.
function cpus() {
  let models = [];
  let stat = [];
  try {
    models = fs.readFileSync('/proc/cpuinfo', 'latin1').split('\n')
      .filter((line) => line.startsWith('model name')).map((line) => line.slice(line.indexOf(':') + 2));
    stat = fs.readFileSync('/proc/stat', 'latin1').split('\n').filter((line) => /^cpu\d/.test(line));
  } catch {
    return [];
  }
  return stat.map((line, i) => {
    const [user, nice, sys, idle, , irq] = line.split(/\s+/).slice(1).map(Number);
    let speed = 0;
    try {
      speed = Math.floor(Number(fs.readFileSync(`/sys/devices/system/cpu/cpu${i}/cpufreq/scaling_cur_freq`, 'latin1')) / 1000);
    } catch {
      // No frequency to read: 0, as libuv reports.
    }
    // (/proc/stat counts in 1/100 s.)
    return { model: models[i] ?? '', speed, user: user * 10, nice: nice * 10, sys: sys * 10, idle: idle * 10, irq: irq * 10 };
  });
}

function header(trigger, filename, now) {
  const date = new Date(now);
  const time = `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}Z`;
  return {
    reportVersion: 4,
    event: 'JavaScript API',
    trigger,
    filename,
    dumpEventTime: time,
    dumpEventTimeStamp: String(now),
    processId: process.pid,
    threadId: native.worker === undefined ? 0 : require('worker_threads').threadId,
    cwd: process.cwd(),
    commandLine: [process.argv0, ...process.execArgv, ...process.argv.slice(1)],
    nodejsVersion: process.version,
    glibcVersionRuntime: native.report.glibcVersion(),
    wordSize: 64,
    arch: process.arch,
    platform: process.platform,
    componentVersions: { ...process.versions },
    release: { ...process.release },
    osName: os.type(),
    osRelease: os.release(),
    osVersion: os.version(),
    osMachine: os.machine(),
    cpus: cpus(),
    // (os.networkInterfaces() has nothing to list here.)
    networkInterfaces: [],
    host: os.hostname(),
  };
}

// The stack section: the error's own (message, frames, extra properties as strings) or the
// call's, as Node's synthetic ERR_SYNTHETIC error.
function javascriptStack(error) {
  let source = error;
  if (source === undefined) {
    source = new Error('JavaScript Callstack');
    source.code = 'ERR_SYNTHETIC';
    Error.captureStackTrace(source, getReport);
  }
  const lines = typeof source.stack === 'string' ? source.stack.split('\n') : [];
  const frames = lines.filter((line) => /^\s+at /.test(line)).map((line) => line.trim());
  const errorProperties = {};
  for (const key of Object.keys(source)) errorProperties[key] = String(source[key]);
  const message = error === undefined ? 'Error [ERR_SYNTHETIC]: JavaScript Callstack' : lines.find((l) => !/^\s+at /.test(l)) ?? String(source);
  return { message, stack: frames.length > 0 ? frames : ['Unavailable.'], errorProperties };
}

function usage(thread) {
  const [user, kernel, maxRssKiB, minor, major, reads, writes] = native.report.rusage(thread);
  const uptime = Math.max((Date.now() - startedAt) / 1000, 1e-6);
  const percent = (seconds) => Math.round((seconds / uptime) * 100 * 1e4) / 1e4;
  const section = {
    userCpuSeconds: user,
    kernelCpuSeconds: kernel,
    cpuConsumptionPercent: percent(user + kernel),
    userCpuConsumptionPercent: percent(user),
    kernelCpuConsumptionPercent: percent(kernel),
  };
  if (thread) return { ...section, fsActivity: { reads, writes } };
  return {
    free_memory: os.freemem(),
    total_memory: os.totalmem(),
    rss: process.memoryUsage.rss(),
    constrained_memory: process.constrainedMemory(),
    available_memory: process.availableMemory(),
    ...section,
    maxRss: maxRssKiB * 1024,
    pageFaults: { IORequired: major, IONotRequired: minor },
    fsActivity: { reads, writes },
  };
}

const kLimitNames = ['core_file_size_blocks', 'data_seg_size_kbytes', 'file_size_blocks', 'max_locked_memory_bytes',
  'max_memory_size_kbytes', 'open_files', 'stack_size_bytes', 'cpu_time_seconds', 'max_user_processes',
  'virtual_memory_kbytes'];

function userLimits() {
  const limits = native.report.rlimits();
  const shown = (value) => (value === -1 ? 'unlimited' : value);
  const out = {};
  kLimitNames.forEach((name, i) => {
    out[name] = { soft: shown(limits[i][0]), hard: shown(limits[i][1]) };
  });
  return out;
}

function build(error, trigger, filename) {
  const memory = process.memoryUsage();
  return {
    header: header(trigger, filename, Date.now()),
    javascriptStack: javascriptStack(error),
    javascriptHeap: {
      totalMemory: memory.heapTotal,
      usedMemory: memory.heapUsed,
      externalMemory: memory.external,
      heapSpaces: {},
    },
    nativeStack: [],
    resourceUsage: usage(false),
    uvthreadResourceUsage: usage(true),
    libuv: [],
    workers: [],
    environmentVariables: { ...process.env },
    userLimits: userLimits(),
    sharedObjects: native.report.sharedObjects(),
  };
}

function validateError(err) {
  if (err !== undefined && (err === null || typeof err !== 'object')) throw codes.ERR_INVALID_ARG_TYPE('err', 'Object', err);
}

function getReport(err) {
  validateError(err);
  return build(err, 'GetReport', null);
}

// Node's default name: report.<date>.<time>.<pid>.<thread>.<sequence>.json
function defaultName() {
  const d = new Date();
  const date = `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}`;
  const time = `${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
  sequence++;
  return `report.${date}.${time}.${process.pid}.0.${String(sequence).padStart(3, '0')}.json`;
}

function writeReport(file, err) {
  if (typeof file === 'object' && file !== null) {
    err = file;
    file = undefined;
  } else if (file !== undefined && typeof file !== 'string') {
    throw codes.ERR_INVALID_ARG_TYPE('file', 'string', file);
  }
  validateError(err);
  const name = file ?? (settings.filename || defaultName());
  const target = name === 'stdout' || name === 'stderr' ? name : path.resolve(settings.directory || process.cwd(), name);
  const text = JSON.stringify(build(err, 'API', name), null, settings.compact ? 0 : 2);
  if (target === 'stdout') native.writeOut(`${text}\n`);
  else if (target === 'stderr') native.writeErr(`${text}\n`);
  else {
    native.writeErr(`\nWriting Node.js report to file: ${name}\n`);
    fs.writeFileSync(target, `${text}\n`);
    native.writeErr('Node.js report completed\n');
  }
  return name;
}

const report = {
  writeReport,
  getReport,
};
for (const key of Object.keys(settings)) {
  Object.defineProperty(report, key, {
    get() { return settings[key]; },
    set(value) { settings[key] = value; },
    enumerable: true,
    configurable: true,
  });
}

module.exports = report;
