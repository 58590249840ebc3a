// structuredClone shares the postMessage serializer: errors, transfer, SharedArrayBuffers (a new
// object over the same memory), ports, and the same argument errors.
const e = structuredClone(new Error('x', {cause: 5}));
console.log(e.cause, Object.getOwnPropertyNames(e));
const ab = new ArrayBuffer(4);
const c = structuredClone({ ab, u: new Uint8Array(ab) }, { transfer: [ab] });
console.log(ab.byteLength, c.ab.byteLength, c.u.buffer === c.ab);
try { structuredClone(); } catch (err) { console.log(err.name, err.code, err.message); }
try { structuredClone(1, { transfer: [{}] }); } catch (err) { console.log(err.name, err.code, err.message); }
try { structuredClone(1, { transfer: 5 }); } catch (err) { console.log(err.name, err.code, err.message); }
try { structuredClone(1, 5); } catch (err) { console.log(err.name, err.code, err.message); }
try { structuredClone(() => 1); } catch (err) { console.log(err.name, err.code, err.message); }
const s = new SharedArrayBuffer(2);
console.log(structuredClone(s) === s, structuredClone([s, s]).every((x) => x === s));
const { port1 } = new MessageChannel();
try { structuredClone(port1); } catch (err) { console.log(err.name, err.code, err.message); }
const p2 = structuredClone(port1, { transfer: [port1] });
console.log(p2.constructor.name, p2 === port1);
p2.close();
const shared = new SharedArrayBuffer(4);
const again = structuredClone(shared);
new Uint8Array(again)[1] = 3;
console.log(new Uint8Array(shared)[1], again.byteLength);
