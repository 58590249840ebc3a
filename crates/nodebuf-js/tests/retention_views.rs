//! `nodebuf_js::retention`: the engine's per-ArrayBuffer list of views, read through the mirrored
//! private layout, and the sampling hook on `subarray`/`slice`. These cases prove the mirror
//! against the engine's public view of the same objects (offsets, lengths, identity, order),
//! and fail loudly if an engine upgrade makes the mirror unusable (the tracer would then fall
//! back to recording views from JS, correct but 3-4x dearer).

use rquickjs::{Context, Ctx, Function, Object, Runtime, Value};

fn with_buffer<R>(f: impl FnOnce(&Ctx<'_>) -> R) -> R {
    let rt = Runtime::new().expect("runtime");
    let context = Context::full(&rt).expect("context");
    context.with(|ctx| {
        let buffer: Object =
            nodebuf_js::install(&ctx, &nodebuf_js::Options::default()).expect("install");
        let b: Value = buffer.get("Buffer").expect("Buffer");
        ctx.globals().set("Buffer", b).expect("global");
        f(&ctx)
    })
}

fn eval<'js, T: rquickjs::FromJs<'js>>(ctx: &Ctx<'js>, script: &str) -> T {
    match ctx.eval::<T, _>(script) {
        Ok(v) => v,
        Err(_) => panic!("script failed: {:?}", ctx.catch()),
    }
}

/// `[offset, length, isDataView]` of each listed view, and whether each is the same object as
/// the script's `expected[i]`.
fn describe<'js>(ctx: &Ctx<'js>, views: Vec<Value<'js>>) -> String {
    let check: Function = eval(
        ctx,
        "(views) => views.map((v, i) => [v.byteOffset, v.byteLength, v instanceof DataView, \
         v === expected[i]].join(':')).join(' ')",
    );
    check.call((views,)).expect("describe")
}

#[test]
fn the_mirrored_layout_matches_this_engine() {
    with_buffer(|ctx| assert!(nodebuf_js::retention::layout_ok(ctx)));
}

#[test]
fn lists_every_kind_of_view_in_creation_order_and_drops_collected_ones() {
    with_buffer(|ctx| {
        let ab: Value = eval(
            ctx,
            "globalThis.ab = new ArrayBuffer(64); \
             globalThis.expected = [new Uint8Array(ab, 1, 3), new DataView(ab, 8, 5), \
               Buffer.from(ab, 16, 4), new Float64Array(ab, 24, 2), new Uint8Array(ab, 2, 2).subarray(1)]; \
             new Uint16Array(ab, 40, 2); /* dropped at once: refcounted */ ab",
        );
        let views = nodebuf_js::retention::array_buffer_views(ctx, &ab).expect("list");
        assert_eq!(
            describe(ctx, views),
            "1:3:false:true 8:5:true:true 16:4:false:true 24:16:false:true 3:1:false:true"
        );
        // The Uint8Array(ab, 2, 2) that subarray came from was released with its statement;
        // dropping more views removes them from the list.
        let _: Value = eval(ctx, "expected.splice(1, 2); undefined");
        let views = nodebuf_js::retention::array_buffer_views(ctx, &ab).expect("list");
        assert_eq!(
            describe(ctx, views),
            "1:3:false:true 24:16:false:true 3:1:false:true"
        );
    });
}

#[test]
fn lists_views_of_shared_array_buffers_and_refuses_other_values() {
    with_buffer(|ctx| {
        let sab: Value = eval(
            ctx,
            "globalThis.sab = new SharedArrayBuffer(16); \
             globalThis.expected = [new Int32Array(sab, 4, 2)]; sab",
        );
        let views = nodebuf_js::retention::array_buffer_views(ctx, &sab).expect("list");
        assert_eq!(describe(ctx, views), "4:8:false:true");
        for other in ["new Uint8Array(4)", "({})", "7", "'ab'"] {
            let v: Value = eval(ctx, other);
            assert!(
                nodebuf_js::retention::array_buffer_views(ctx, &v).is_none(),
                "{other}"
            );
        }
    });
}

#[test]
fn the_sampler_sees_first_views_each_new_store_and_one_in_1024_of_each_api() {
    with_buffer(|ctx| {
        let sampler: Function = eval(
            ctx,
            "globalThis.seen = []; (view, api) => { seen.push([api, view.byteOffset].join(':')); }",
        );
        assert!(nodebuf_js::retention::set_view_sampler(ctx, Some(sampler)));
        let seen: String = eval(
            ctx,
            "const a = Buffer.alloc(100000), b = Buffer.alloc(100000); \
             for (let i = 0; i < 2100; i++) a.slice(i, i + 1); \
             b.subarray(7); a.subarray(9); a.subarray(10); \
             seen.slice(30).join(' ')",
        );
        // slice: views 0..31 exact, then 1024 and 2048; subarray: first views (b is new, then
        // a is new again after b).
        assert_eq!(seen, "1:30 1:31 1:1024 1:2048 0:7 0:9 0:10");
        // allocUnsafe (api 2): its first Buffers, each on the pool's slab or a store of its own.
        let pooled: String = eval(
            ctx,
            "seen.length = 0; const p = Buffer.allocUnsafe(10), q = Buffer.allocUnsafe(10); \
             const big = Buffer.allocUnsafe(100000); \
             [seen.length, seen[0].startsWith('2:'), p.buffer === q.buffer, seen[2]].join()",
        );
        assert_eq!(pooled, "3,true,true,2:0");
        assert!(nodebuf_js::retention::set_view_sampler(ctx, None));
        let after: usize = eval(
            ctx,
            "const n = seen.length; Buffer.alloc(10).slice(1); seen.length - n",
        );
        assert_eq!(after, 0);
    });
}

#[test]
fn a_throwing_sampler_throws_from_the_call() {
    with_buffer(|ctx| {
        let sampler: Function = eval(ctx, "() => { throw new RangeError('from sampler'); }");
        assert!(nodebuf_js::retention::set_view_sampler(ctx, Some(sampler)));
        let caught: String = eval(
            ctx,
            "try { Buffer.alloc(4).slice(1); 'no' } catch (e) { e.message }",
        );
        assert_eq!(caught, "from sampler");
    });
}

#[test]
fn a_new_store_at_a_collected_stores_addresses_still_reaches_the_sampler() {
    with_buffer(|ctx| {
        let sampler: Function = eval(
            ctx,
            "globalThis.seen = 0; (view, api) => { if (api === 2) seen++; }",
        );
        assert!(nodebuf_js::retention::set_view_sampler(ctx, Some(sampler)));
        // Each Buffer owns a new store and is released at once (the allocator tends to hand
        // the next one the same addresses): past the first 32 calls, each still counts as new.
        let seen: u32 = eval(
            ctx,
            "for (let i = 0; i < 200; i++) Buffer.allocUnsafe(i % 2 ? 100000 : 2097152); seen",
        );
        assert_eq!(seen, 200);
    });
}
