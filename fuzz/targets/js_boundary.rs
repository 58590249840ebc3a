//! The JS boundary's fuzz target, shared by `fuzz/fuzz_targets/js_boundary.rs` (cargo-fuzz,
//! nightly) and `crates/nodebuf-js/tests/fuzz_boundary.rs` (seeded random inputs under stable,
//! in CI).
//!
//! The input bytes choose a short program of Buffer calls (statics, methods, the `buffer`
//! module's helpers) with hostile arguments: objects whose `valueOf`/`toString` detach or
//! shrink the buffers being worked on, Proxies, resizable and detached buffers, DataViews,
//! BigInts, Symbols, huge and negative numbers. The program runs in a bare rquickjs context with
//! nodebuf-js installed (and a memory budget, so sizes cannot exhaust the machine). JS errors are
//! expected; what must never happen is a Rust panic, an abort or a crash. Every call's outcome
//! is folded into a checksum that also reads back every buffer, so a write into memory a
//! buffer no longer owns would be read by the next case and show up under a memory checker.

use std::cell::RefCell;

use nodebuf_js::{Budget, Options};
use rquickjs::{Context, Runtime};

/// Argument expressions (`$A` in the call templates).
const VALUES: &[&str] = &[
    "0",
    "1",
    "-1",
    "3",
    "1.5",
    "NaN",
    "Infinity",
    "-0",
    "2 ** 31",
    "2 ** 32 + 1",
    "2 ** 53",
    "'utf8'",
    "'hex'",
    "'base64'",
    "'latin1'",
    "'ucs2'",
    "''",
    "'abc'",
    "'\\ud800x\\u00e9'",
    "null",
    "undefined",
    "{}",
    "[]",
    "[1, 2, 300]",
    "Symbol()",
    "10n",
    "-1n",
    "B[0]",
    "B[1]",
    "B[2]",
    "B[3]",
    "ab",
    "rab",
    "new DataView(ab)",
    "new DataView(rab, 1)",
    "new Uint16Array(rab)",
    "new Float64Array(2)",
    "detach",
    "shrink",
    "grow",
    "thrower",
    "proxy",
    "({ length: 3, 0: 65, 1: 66 })",
    "({ type: 'Buffer', data: [1, 2] })",
    "({ valueOf() { return 2; } })",
    "({ [Symbol.toPrimitive]() { return 'hex'; } })",
];

/// Calls (`$T` is a target buffer, `$A` an argument).
const CALLS: &[&str] = &[
    "Buffer.from($A, $A, $A)",
    "Buffer.alloc($A, $A, $A)",
    "Buffer.allocUnsafe($A)",
    "Buffer.allocUnsafeSlow($A)",
    "Buffer.concat([$A, $A], $A)",
    "Buffer.concat($A)",
    "Buffer.byteLength($A, $A)",
    "Buffer.compare($A, $A)",
    "Buffer.copyBytesFrom($A, $A, $A)",
    "Buffer.isEncoding($A)",
    "$T.fill($A, $A, $A, $A)",
    "$T.write($A, $A, $A, $A)",
    "$T.toString($A, $A, $A)",
    "$T.indexOf($A, $A, $A)",
    "$T.lastIndexOf($A, $A, $A)",
    "$T.includes($A, $A)",
    "$T.copy($A, $A, $A, $A)",
    "$T.equals($A)",
    "$T.compare($A, $A, $A, $A, $A)",
    "$T.subarray($A, $A)",
    "$T.slice($A, $A)",
    "$T.swap16()",
    "$T.swap64()",
    "$T.toJSON()",
    "$T.readUInt32LE($A)",
    "$T.readIntBE($A, $A)",
    "$T.readBigInt64LE($A)",
    "$T.readDoubleBE($A)",
    "$T.writeUInt16BE($A, $A)",
    "$T.writeIntLE($A, $A, $A)",
    "$T.writeBigUInt64BE($A, $A)",
    "$T.writeFloatLE($A, $A)",
    "$T.latin1Slice($A, $A)",
    "$T.hexWrite($A, $A, $A)",
    "$T.ucs2Write($A, $A, $A)",
    "$T.base64Slice($A, $A)",
    "buffer.transcode($A, $A, $A)",
    "buffer.isUtf8($A)",
    "buffer.isAscii($A)",
    "buffer.btoa($A)",
    "buffer.atob($A)",
    "new buffer.Blob([$A, $A]).size",
];

const SETUP: &str = r#"
const ab = new ArrayBuffer(64);
const rab = new ArrayBuffer(32, { maxByteLength: 64 });
const B = [Buffer.from(ab, 8, 16), Buffer.from(rab), Buffer.alloc(10, 'xy'), Buffer.from('hello world')];
const detach = { valueOf() { if (!ab.detached) ab.transfer(); return 1; }, toString() { if (!ab.detached) ab.transfer(); return 'hex'; } };
const shrink = { valueOf() { rab.resize(0); return 4; } };
const grow = { valueOf() { rab.resize(64); return 4; } };
const thrower = { valueOf() { throw new Error('valueOf'); }, toString() { throw new Error('toString'); } };
const proxy = new Proxy([1, 2, 3], { get(t, k) { if (k === 'length') { rab.resize(1); } return Reflect.get(t, k); } });
let sum = 0;
const fold = (v) => {
  if (typeof v === 'number') sum = (sum + (v | 0)) | 0;
  else if (typeof v === 'string') sum = (sum + v.length) | 0;
  else if (v instanceof Uint8Array && !v.buffer.detached) { for (let i = 0; i < v.length && i < 64; i++) sum = (sum + v[i]) | 0; }
};
"#;

/// The program `data` describes: three bytes per call (template, target, argument seed).
pub fn program(data: &[u8]) -> String {
    let mut js = String::from("(() => {\n");
    js.push_str(SETUP);
    for chunk in data.chunks(3).take(24) {
        let call = CALLS[usize::from(chunk[0]) % CALLS.len()];
        let target = chunk.get(1).copied().unwrap_or(0) % 4;
        let mut seed = u32::from(chunk.get(2).copied().unwrap_or(0)).wrapping_mul(2_654_435_761);
        let mut text = call.replace("$T", &format!("B[{target}]"));
        while let Some(at) = text.find("$A") {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let value = VALUES[(seed >> 8) as usize % VALUES.len()];
            text.replace_range(at..at + 2, value);
        }
        js.push_str(&format!(
            "try {{ fold({text}); }} catch (e) {{ fold(String(e && e.code)); }}\n"
        ));
    }
    js.push_str("for (const b of B) fold(b);\nreturn sum;\n})()");
    js
}

struct Engine {
    _runtime: Runtime,
    context: Context,
}

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

fn engine() -> Engine {
    let runtime = Runtime::new().expect("runtime");
    runtime.set_memory_limit(256 << 20);
    runtime.set_max_stack_size(1 << 20);
    let context = Context::full(&runtime).expect("context");
    context.with(|ctx| {
        let options = Options {
            memory_budget: Some(Budget::new(64 << 20)),
            ..Options::default()
        };
        let exports = nodebuf_js::install(&ctx, &options).expect("install");
        let b: rquickjs::Value = exports.get("Buffer").expect("Buffer");
        ctx.globals().set("Buffer", b).expect("Buffer global");
        ctx.globals().set("buffer", exports).expect("buffer global");
    });
    Engine {
        _runtime: runtime,
        context,
    }
}

/// Runs the program `data` describes in this thread's context (made on first use); panics
/// only if nodebuf panics. Returns the program's checksum, or `None` when it threw.
pub fn check(data: &[u8]) -> Option<i32> {
    let js = program(data);
    ENGINE.with(|slot| {
        let mut slot = slot.borrow_mut();
        let engine = slot.get_or_insert_with(engine);
        engine
            .context
            .with(|ctx| match ctx.eval::<i32, _>(js.as_str()) {
                Ok(sum) => Some(sum),
                Err(_) => {
                    let _ = ctx.catch();
                    None
                }
            })
    })
}
