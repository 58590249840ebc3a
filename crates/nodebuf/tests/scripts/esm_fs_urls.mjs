// fs from an ES module with file: URLs (fs and fs/promises), in a private temporary directory.
import fs from 'node:fs';
import { readFile, writeFile, stat, mkdir, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
const dir = pathToFileURL(`${tmpdir()}/nodebuf-esm-fs-${process.pid}/`);
await mkdir(dir, { recursive: true });
const file = new URL('data%20file.txt', dir);
await writeFile(file, 'via url');
console.log(await readFile(file, 'utf8'), (await stat(file)).size, await readdir(dir));
fs.appendFileSync(file, '!'); console.log(fs.readFileSync(file, 'latin1'), fs.existsSync(file));
fs.renameSync?.(file, new URL('renamed.txt', dir)); console.log(await readdir(dir));
const fd = fs.openSync(new URL('renamed.txt', dir), 'r'); console.log(typeof fd); fs.closeSync(fd);
await rm(dir, { recursive: true }); console.log(fs.existsSync(dir));
try { fs.readFileSync(new URL('file://remote/x')); } catch (e) { console.log(e.code, e.message); }
