// The newer builtins from ES modules: default and named exports of `node:` and bare
// specifiers (diagnostics_channel, punycode, constants, sys with its warning), and util's
// new exports as named imports.
import dc, { channel, tracingChannel, Channel } from 'node:diagnostics_channel';
import punycode, { toASCII, ucs2 } from 'punycode';
import constants, { SIGTERM, O_RDONLY, ENOENT } from 'node:constants';
import sys from 'sys';
import util, { parseArgs, parseEnv, styleText, MIMEType, MIMEParams, transferableAbortSignal } from 'node:util';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
console.log(dc === require('diagnostics_channel'), channel === dc.channel, typeof tracingChannel, Channel.name);
console.log(punycode === require('punycode'), toASCII('mañana.com'), ucs2.decode('ab'));
console.log(constants === require('constants'), SIGTERM, O_RDONLY, ENOENT);
console.log(sys === util, typeof parseArgs, typeof parseEnv, typeof styleText, MIMEType.name, MIMEParams.name, typeof transferableAbortSignal);
console.log(parseArgs({ args: ['-x'], strict: false }).values.x, parseEnv('A=1').A, String(new MIMEType('A/B')));
const ns = await import('node:diagnostics_channel');
console.log(Object.keys(ns).sort());
