// URL.createObjectURL registers a Blob that buffer.resolveObjectURL finds until revoked.
const { Blob, resolveObjectURL } = require('buffer');

const blob = new Blob(['object url']);
const url = URL.createObjectURL(blob);
console.log(url.length, url.startsWith('blob:nodedata:'), resolveObjectURL(url) === blob, resolveObjectURL(url));
console.log(resolveObjectURL(`${url}x`), resolveObjectURL('blob:other:1'), resolveObjectURL('nope'));
try { URL.createObjectURL('x'); } catch (err) { console.log(err.code, err.message); }
URL.revokeObjectURL(url);
console.log(resolveObjectURL(url), resolveObjectURL.name);
URL.revokeObjectURL(1);
try { URL.revokeObjectURL(); } catch (err) { console.log(err.code, err.message); }
resolveObjectURL(URL.createObjectURL(new Blob(['a', 'b']))).text().then((text) => console.log(text));
