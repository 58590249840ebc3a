// execSync / execFileSync / spawnSync: Buffers or strings, stderr echoed unless stdio is given,
// Node's error shape (status, signal, output, pid, stdout, stderr; ENOENT with errno/syscall/path).
const cp = require('child_process');
console.log(cp.execSync('echo hi'), cp.execSync('echo hi; echo err >&2', { encoding: 'utf8' }), cp.execFileSync('echo', ['a b'], { encoding: 'utf8' }));
try { cp.execSync('echo out; echo bad >&2; exit 3', { stdio: 'pipe' }); } catch (e) { console.log(Object.keys(e), e.message, e.status, e.signal, String(e.stdout), String(e.stderr), e.output, e.pid > 0); }
try { cp.execFileSync('nonexistent-cmd-x', ['a']); } catch (e) { console.log(Object.keys(e), e.message, e.code, e.errno, e.syscall, e.path, e.spawnargs, e.error === e); }
try { cp.execFileSync('sh', ['-c', 'exit 2'], { stdio: 'pipe' }); } catch (e) { console.log(e.message, e.status); }
try { cp.execSync('kill -TERM $$'); } catch (e) { console.log(e.message, e.status, e.signal); }
console.log(cp.execSync('cat', { input: 'piped' }).toString(), cp.execSync('echo $FOO', { env: { FOO: 'bar', PATH: process.env.PATH } }).toString());
console.log(cp.execSync('pwd', { cwd: '/', encoding: 'latin1' }), cp.execSync('echo inherited', { stdio: 'inherit' }));
console.log(cp.execFileSync(process.execPath, ['-e', 'process.stdout.write(String(1 + 1))']).toString());
const spawned = cp.spawnSync("sh", ["-c", "echo x; exit 4"], { encoding: "utf8" });
console.log(typeof spawned.pid, { ...spawned, pid: 0 });
