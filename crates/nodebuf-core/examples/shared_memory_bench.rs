//! Rough throughput of the shared-memory paths (run with `--release`):
//! `cargo run --release -p nodebuf-core --example shared_memory_bench`.

use std::hint::black_box;
use std::time::Instant;

use nodebuf_core::atomics;
use nodebuf_core::memory::shared::SharedArrayBuffer;
use nodebuf_core::typed_array::{Int32Array, Uint8Array};

fn time<F: FnMut()>(label: &str, iters: u32, bytes: usize, mut f: F) {
    f();
    let start = Instant::now();
    for _ in 0..iters {
        f();
    }
    let per = start.elapsed() / iters;
    if bytes > 0 {
        let gbps = bytes as f64 / per.as_secs_f64() / 1e9;
        println!("{label:<40} {per:>10.2?}  {gbps:6.2} GB/s");
    } else {
        println!("{label:<40} {per:>10.2?}");
    }
}

fn main() {
    const MIB: usize = 1 << 20;
    let a = SharedArrayBuffer::new(MIB).unwrap();
    let b = SharedArrayBuffer::new(MIB).unwrap();
    let mut private = vec![7u8; MIB];
    let mut other = vec![0u8; MIB];

    time("memcpy 1 MiB (reference)", 500, MIB, || {
        black_box(&mut other).copy_from_slice(black_box(&private));
    });
    time("write_from 1 MiB", 500, MIB, || {
        a.write_from(0, black_box(&private)).unwrap();
    });
    time("read_into 1 MiB", 500, MIB, || {
        a.read_into(0, black_box(&mut private)).unwrap();
    });
    time("copy_from shared->shared 1 MiB", 500, MIB, || {
        b.copy_from(&a, 0, 0, MIB).unwrap();
    });
    time("copy_from overlapping (+1) 1 MiB", 500, MIB, || {
        a.copy_from(&a, 0, 1, MIB - 1).unwrap();
    });
    let bytes = Uint8Array::new(a.clone(), 0, None).unwrap();
    time("Uint8Array.fill 1 MiB", 500, MIB, || {
        bytes.fill(3.0, None, None)
    });

    let ints = Int32Array::new(a.clone(), 0, None).unwrap();
    let n = ints.length();
    time("Int32Array set+get x 262144", 20, 0, || {
        for i in 0..n {
            ints.set(i, i as f64);
            black_box(ints.get(i));
        }
    });
    time("Atomics.add x 262144", 20, 0, || {
        for i in 0..n {
            black_box(atomics::add(&ints, i, 1.0).unwrap());
        }
    });
    time("Atomics.notify (no waiters) x 262144", 5, 0, || {
        for i in 0..n {
            black_box(atomics::notify(&ints, i, 1).unwrap());
        }
    });
}
