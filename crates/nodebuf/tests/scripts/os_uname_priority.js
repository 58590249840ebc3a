// os.machine/version/release/type (uname), totalmem, getPriority/setPriority (real system
// calls: Node's validation, ERR_SYSTEM_ERROR with its info), os.constants.priority.
const os = require('os');

const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message, Object.keys(e), e.info, e.errno, e.syscall);
  }
};

for (const name of ['machine', 'version', 'release', 'type', 'totalmem', 'freemem', 'getPriority', 'setPriority']) {
  console.log(name, os[name].name, os[name].length, 'prototype' in os[name]);
}
console.log(os.machine(), os.version(), os.release(), os.type(), os.totalmem() > 0, typeof os.freemem());
console.log(os.constants.priority, Object.getPrototypeOf(os.constants.priority));

const before = os.getPriority();
show('get', () => os.getPriority() === os.getPriority(0) && os.getPriority(0) === os.getPriority(process.pid));
show('set own 5', () => os.setPriority(5));
show('get after', () => os.getPriority());
show('set pid 6', () => os.setPriority(process.pid, 6));
show('get pid', () => os.getPriority(process.pid));
show('set back', () => os.setPriority(0, before));
show('get pid string', () => os.getPriority('1'));
show('get pid 1.5', () => os.getPriority(1.5));
show('get pid 2**31', () => os.getPriority(2 ** 31));
show('get no such pid', () => os.getPriority(999999999));
show('set none', () => os.setPriority());
show('set 20', () => os.setPriority(20));
show('set -21', () => os.setPriority(-21));
show('set string priority', () => os.setPriority(0, '1'));
show('set pid 1.5', () => os.setPriority(1.5, 1));
show('set no such pid', () => os.setPriority(999999999, 1));
try {
  os.getPriority(999999999);
} catch (e) {
  console.log(String(e));
  const d = Object.getOwnPropertyDescriptors(e);
  console.log(Object.keys(d), d.info.writable, d.info.enumerable, typeof d.errno.get, d.errno.enumerable, d.name.enumerable);
  e.errno = -99;
  console.log(e.info.errno, e.errno);
}
