//! An embedder's memory budget (`Options::memory_budget`): a script that allocates Buffers in a
//! loop gets Node's `RangeError: Array buffer allocation failed` once the budget is spent,
//! catches it, frees, and carries on; the budget never goes past its limit and gets every
//! byte back when the stores are freed.

use nodebuf_js::{Budget, Options};
use rquickjs::{Context, Object, Runtime, Value};

const LIMIT: usize = 1 << 20;

#[test]
fn a_script_allocating_in_a_loop_survives_a_small_budget() {
    let budget = Budget::new(LIMIT);
    let rt = Runtime::new().expect("runtime");
    let context = Context::full(&rt).expect("context");
    let report = context.with(|ctx| {
        let options = Options {
            memory_budget: Some(budget.clone()),
            ..Options::default()
        };
        let buffer: Object = nodebuf_js::install(&ctx, &options).expect("install");
        let b: Value = buffer.get("Buffer").expect("Buffer");
        ctx.globals().set("Buffer", b).expect("global");
        // Every size path: unpooled alloc (zeroed and filled), allocUnsafe, pooled from(), concat,
        // and SharedArrayBuffer-free views of them.
        let script = r#"
            const kept = [];
            let refused = 0, made = 0, texts = new Set();
            for (let i = 0; i < 400; i++) {
              try {
                const size = 1000 + (i * 7919) % 90000;
                const b = i % 4 === 0 ? Buffer.alloc(size, 'ab')
                        : i % 4 === 1 ? Buffer.allocUnsafe(size)
                        : i % 4 === 2 ? Buffer.from('x'.repeat(size))
                        : Buffer.concat([Buffer.alloc(size >> 1), Buffer.alloc(size >> 1)]);
                kept.push(b);
                made++;
              } catch (e) {
                refused++;
                texts.add(`${e.name}: ${e.message} ${e.code} ${e instanceof RangeError}`);
                kept.length = 0;
              }
            }
            kept.length = 0;
            let huge;
            try { Buffer.alloc(LIMIT + 1); } catch (e) { huge = e.message; }
            [made, refused, [...texts].join(';'), huge, Buffer.from('still here').toString()].join('|')
        "#
        .replace("LIMIT", &LIMIT.to_string());
        ctx.eval::<String, _>(script).unwrap_or_else(|_| {
            panic!("script failed: {:?}", ctx.catch());
        })
    });
    let parts: Vec<&str> = report.split('|').collect();
    let (made, refused): (usize, usize) = (parts[0].parse().unwrap(), parts[1].parse().unwrap());
    assert!(made > 100 && refused > 10, "made {made}, refused {refused}");
    assert_eq!(
        parts[2],
        "RangeError: Array buffer allocation failed undefined true"
    );
    assert_eq!(parts[3], "Array buffer allocation failed");
    assert_eq!(parts[4], "still here");
    assert!(budget.used() <= LIMIT);
    drop(context);
    drop(rt);
    // Every freed store gave its bytes back; the thread's current pool slab (8 KiB) stays with
    // the thread for the next context, as Node's pool stays with its isolate.
    assert!(
        budget.used() <= 8192,
        "{} bytes still counted",
        budget.used()
    );
}

#[test]
fn limits_are_the_engines() {
    let rt = Runtime::new().expect("runtime");
    let context = Context::full(&rt).expect("context");
    let out = context.with(|ctx| {
        let buffer: Object = nodebuf_js::install(&ctx, &Options::default()).expect("install");
        ctx.globals().set("buffer", buffer).expect("global");
        ctx.eval::<String, _>(
            r#"const { Buffer, kMaxLength, kStringMaxLength, constants } = buffer; const out = [kMaxLength, kStringMaxLength, constants.MAX_LENGTH === kMaxLength, constants.MAX_STRING_LENGTH === kStringMaxLength];
               for (const f of [() => Buffer.alloc(kMaxLength + 1), () => Buffer.allocUnsafe(2 ** 32), () => Buffer.allocUnsafeSlow(kMaxLength + 1)])
                 { try { f(); out.push('no error'); } catch (e) { out.push(`${e.code} ${e.message}`); } }
               out.join('\n')"#,
        )
        .unwrap_or_else(|_| panic!("script failed: {:?}", ctx.catch()))
    });
    assert_eq!(
        out,
        "2147483647\n1073741823\ntrue\ntrue\n\
         ERR_OUT_OF_RANGE The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received 2147483648\n\
         ERR_OUT_OF_RANGE The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received 4294967296\n\
         ERR_OUT_OF_RANGE The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received 2147483648"
    );
}
