// Buffer.from(object) reads `value.valueOf` twice and calls it, as Node's JS does; nodebuf skips
// those steps only when the read reaches Object.prototype.valueOf unobserved (engine patch 0075).
const log = [];
const ov = Object.prototype.valueOf;
Object.defineProperty(Array.prototype, 'valueOf', { get() { log.push('get'); return ov; }, configurable: true });
console.log(Buffer.from([1, 2, 3]), log.join(','));
log.length = 0;
console.log(Buffer.from(new Uint8Array([4, 5])), log.join(','));
delete Array.prototype.valueOf;
Object.defineProperty(Uint8Array.prototype, 'valueOf', { get() { log.push('get u8'); return ov; }, configurable: true });
console.log(Buffer.from(new Uint8Array([4, 5])), log.join(','));
delete Uint8Array.prototype.valueOf;
const a = [7, 8]; a.valueOf = function () { log.push('own'); return this; };
console.log(Buffer.from(a), log.join(','));
console.log(Buffer.from([9]), Buffer.from(new Uint8Array(2)));
