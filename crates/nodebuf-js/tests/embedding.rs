//! The binding in a bare rquickjs context (no runner): each case exercises one of the raw
//! engine paths (`unsafe` blocks) with an observable result checked against Node's behaviour.

use rquickjs::{Context, Object, Runtime, Value};

fn eval(script: &str) -> String {
    let rt = Runtime::new().expect("runtime");
    let context = Context::full(&rt).expect("context");
    context.with(|ctx| {
        let buffer: Object =
            nodebuf_js::install(&ctx, &nodebuf_js::Options::default()).expect("install");
        let b: Value = buffer.get("Buffer").expect("Buffer");
        ctx.globals().set("Buffer", b).expect("global");
        ctx.globals().set("buffer", buffer).expect("global");
        match ctx.eval::<String, _>(script) {
            Ok(s) => s,
            Err(_) => {
                let caught = ctx.catch();
                panic!("script failed: {caught:?}")
            }
        }
    })
}

#[test]
fn pooled_buffers_share_one_array_buffer_with_nodes_offsets() {
    assert_eq!(
        eval("const a = Buffer.allocUnsafe(1), b = Buffer.allocUnsafe(3), c = Buffer.from('abc'); [a.buffer === b.buffer && b.buffer === c.buffer, a.byteOffset, b.byteOffset, c.byteOffset, a.buffer.byteLength].join()"),
        "true,8,16,24,8192"
    );
}

#[test]
fn large_stores_are_handed_over_and_written_through() {
    assert_eq!(
        eval("const b = Buffer.alloc(100000, 'ab'); const v = new Uint8Array(b.buffer); v[99999] = 0x7a; [b.byteOffset, b.buffer.byteLength, b.toString('latin1', 99998)].join()"),
        "0,100000,az"
    );
}

#[test]
fn released_secrets_never_reach_a_new_unsafe_buffer_of_any_size() {
    // Heap-backed (64 KiB, 1 MiB) and mapped stores (5 MiB + 1 with transparent huge pages,
    // 40 MiB either way): fill each with a secret, drop it, allocate the same size again.
    assert_eq!(
        eval("let leaks = 0; for (const n of [65536, 1 << 20, (5 << 20) + 1, (40 << 20) + 7]) { for (let round = 0; round < 4; round++) { let b = round & 1 ? Buffer.allocUnsafeSlow(n) : Buffer.allocUnsafe(n); for (let i = 0; i < n; i += 4093) if (b[i] !== 0) leaks++; if (b[n - 1] !== 0) leaks++; b.fill(0xa5); b = null; } } String(leaks)"),
        "0"
    );
}

#[test]
fn strings_cross_in_every_shape() {
    // ASCII (borrowed), latin1 and wide strings in; ASCII, latin1 and UTF-16 results out, lone
    // surrogates kept where Node keeps them.
    assert_eq!(
        eval("[Buffer.from('hi').toString('hex'), Buffer.from('\\u00e9').toString('hex'), Buffer.from('\\ud800x', 'utf16le').toString('hex'), Buffer.from([0xe9]).toString('latin1') === '\\u00e9', Buffer.from([0x00, 0xd8]).toString('utf16le').charCodeAt(0), Buffer.from('\\ud800').toString('hex')].join()"),
        "6869,c3a9,00d87800,true,55296,efbfbd"
    );
}

#[test]
fn views_of_every_kind_are_read_in_place() {
    assert_eq!(
        eval("const ab = new ArrayBuffer(8); new Uint8Array(ab).set([1,2,3,4,5,6,7,8]); [Buffer.byteLength(new DataView(ab, 2, 3)), Buffer.from(new Uint16Array(ab, 2, 2)).toString('hex'), Buffer.from(ab, 6).toString('hex'), typeof SharedArrayBuffer === 'function' ? Buffer.byteLength(new SharedArrayBuffer(5)) : 5, Buffer.alloc(4).fill(new DataView(ab, 1, 2)).toString('hex')].join()"),
        "3,0305,0708,5,02030203"
    );
}

#[test]
fn overlapping_sources_and_targets_behave_like_memmove() {
    assert_eq!(
        eval("const b = Buffer.from('abcdef'); b.copy(b, 2, 0, 4); const f = Buffer.from('abcdef'); f.fill(f.subarray(0, 2)); const w = Buffer.from('abcdef'); const whole = new Uint8Array(Buffer.allocUnsafe(1).buffer); const c = Buffer.from(whole.subarray(0, 3)); [b.toString(), f.toString(), c.length, w.equals(w), w.compare(w.subarray(1))].join()"),
        "ababcd,ababab,3,true,-1"
    );
}

#[test]
fn errors_are_node_shaped() {
    assert_eq!(
        eval("let out = []; for (const f of [() => Buffer.alloc(1).readUInt8(1), () => Buffer.from(new Map()), () => Buffer.alloc(2).write(5), () => Buffer.prototype.indexOf.call({}, 1), () => Buffer.prototype.equals.call({}, Buffer.alloc(1))]) { try { f(); } catch (e) { out.push(String(e)); } } out.join('|')"),
        "RangeError [ERR_OUT_OF_RANGE]: The value of \"offset\" is out of range. It must be >= 0 and <= 0. Received 1|TypeError [ERR_INVALID_ARG_TYPE]: The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received an instance of Map|TypeError: argument must be a string|TypeError [ERR_INVALID_ARG_TYPE]: The \"buffer\" argument must be an instance of Buffer, TypedArray, or DataView. Received an instance of Object|TypeError: Method get TypedArray.prototype.byteLength called on incompatible receiver #<Object>"
    );
}

#[test]
fn numeric_fast_paths_and_native_paths_agree() {
    assert_eq!(
        eval("const b = Buffer.from([1,2,3,4,0x80,0,0,0]); [b.readUInt32LE(0), b.readUInt32BE(0), b.readInt32LE(4), b.readUInt8(4), b.readInt8(4), b.readUInt16LE(1), b.readDoubleBE(0) > 0, b.writeUInt32LE(0xdeadbeef, 4), b.toString('hex'), b.readBigUInt64LE(0)].join()"),
        "67305985,16909060,128,128,-128,770,true,8,01020304efbeadde,16045690981164712449"
    );
}

#[test]
fn raw_natives_outlive_a_reinstall_and_stay_per_context() {
    // The raw natives hold a pointer to their install's state: a second install on the same
    // context must leave the first one's functions working (same pool, same answers), and two
    // contexts of one runtime keep separate states.
    let rt = Runtime::new().expect("runtime");
    let first = Context::full(&rt).expect("context");
    let second = Context::full(&rt).expect("context");
    let run = |context: &Context, script: &str| -> String {
        context.with(|ctx| {
            let buffer: Object =
                nodebuf_js::install(&ctx, &nodebuf_js::Options::default()).expect("install");
            ctx.globals()
                .set("Fresh", buffer.get::<_, Value>("Buffer").expect("Buffer"))
                .expect("global");
            if !ctx.globals().contains_key("Old").expect("globals") {
                ctx.globals()
                    .set("Old", buffer.get::<_, Value>("Buffer").expect("Buffer"))
                    .expect("global");
            }
            match ctx.eval::<String, _>(script) {
                Ok(s) => s,
                Err(_) => panic!("script failed: {:?}", ctx.catch()),
            }
        })
    };
    let script = "const a = Old.allocUnsafe(4), b = Fresh.allocUnsafe(4); a.writeUInt32LE(0x01020304); \
        [a.readUInt32LE(0), b.readUInt32LE(0), Old.from('hi').toString('hex'), Fresh.from(a).subarray(1, 3).toString('hex'), \
        a.indexOf(3), Fresh.alloc(2, 1).equals(Old.alloc(2, 1)), Old === Fresh].join()";
    assert_eq!(run(&first, "'' + Old.from('x').length"), "1");
    assert_eq!(run(&first, script), "16909060,0,6869,0302,1,true,false");
    assert_eq!(run(&second, "'' + Old.from('x').length"), "1");
    assert_eq!(run(&second, script), "16909060,0,6869,0302,1,true,false");
}

/// `new f(1)` as node answers it: `indexOf` and `toString` refuse the new object, `readUInt8`
/// reads its element 1 (absent: Node's bounds error, a RangeError).
#[test]
fn raw_natives_run_as_constructors_like_nodes_plain_functions() {
    assert_eq!(
        eval("const out = []; for (const f of [Buffer.prototype.indexOf, Buffer.prototype.readUInt8, Buffer.prototype.toString]) { try { new f(1); out.push('none'); } catch (e) { out.push(e.name); } } out.push(new Buffer.from('ab').length, typeof Buffer.prototype.equals.prototype, Buffer.prototype.equals.prototype.constructor === Buffer.prototype.equals); out.join()"),
        "TypeError,RangeError,TypeError,2,object,true"
    );
}
