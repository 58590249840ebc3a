//! The program generator: from a seed, a JS program of random Buffer operations over a few live
//! Buffers and views (`prelude.js`). Each operation prints one line (`<i> ok <value>` or
//! `<i> err <error>`), and every `DUMP_EVERY` operations every live buffer is dumped, so effects
//! through aliases are compared too. The same text runs under `node` and `nodebuf`.

use std::fmt::Write as _;

use crate::support::{js_number_literal, js_string_literal, Rng};

/// Operations between two dumps of every live buffer.
pub const DUMP_EVERY: usize = 8;

/// A generated program and the source text of each operation (index = the line's `<i>`).
pub struct Program {
    pub text: String,
    pub ops: Vec<String>,
}

/// Number of buffer slots `B[0..SLOTS]` in the prelude.
const SLOTS: u64 = 8;

const ENCODINGS: &[&str] = &[
    "'utf8'",
    "'utf-8'",
    "'UTF8'",
    "'Utf-8'",
    "'ucs2'",
    "'ucs-2'",
    "'UCS2'",
    "'utf16le'",
    "'utf-16le'",
    "'UTF-16LE'",
    "'latin1'",
    "'binary'",
    "'BINARY'",
    "'Latin1'",
    "'ascii'",
    "'ASCII'",
    "'base64'",
    "'BASE64'",
    "'base64url'",
    "'Base64URL'",
    "'hex'",
    "'HEX'",
];

const BAD_ENCODINGS: &[&str] = &[
    "''",
    "'utf 8'",
    "'foo'",
    "'utf16'",
    "'latin-1'",
    "'utf8 '",
    "undefined",
    "null",
    "1",
    "{}",
    "true",
    "Symbol('e')",
    "1n",
    "{toString(){return 'hex'}}",
    "new String('hex')",
];

/// Values of every type, for any argument position.
const ANY: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "7",
    "-1",
    "-2",
    "-0",
    "NaN",
    "Infinity",
    "-Infinity",
    "1.5",
    "-1.5",
    "0.5",
    "2.9999",
    "2**32+1",
    "2**53",
    "-(2**31)",
    "1e21",
    "'1'",
    "''",
    "' 3 '",
    "'abc'",
    "'0x10'",
    "'-1'",
    "'hex'",
    "'utf8'",
    "true",
    "false",
    "null",
    "undefined",
    "[]",
    "[2]",
    "[1,2]",
    "{}",
    "{valueOf(){return 2}}",
    "{valueOf(){return '4'}}",
    "{[Symbol.toPrimitive](){return 1}}",
    "{toString(){return 'ab'}}",
    "{valueOf(){throw new RangeError('from valueOf')}}",
    "{toString(){throw new Error('from toString')}}",
    "{[Symbol.toPrimitive](){return 2n}}",
    "Symbol('s')",
    "1n",
    "-1n",
    "0n",
    "2n**64n",
    "()=>1",
    "function named(){}",
    "new Map()",
    "Object.create(null)",
    // No Date: `Buffer.from(date)` encodes `String(date)`, and QuickJS's Date text lacks V8's
    // time zone name.
    "/re/g",
    "new Number(3)",
    "new String('ab')",
    "B[0]",
    "B[1]",
    "u16",
    "f64",
    "dv",
    "ab",
    "sab",
    "u8ab",
    "i32s",
    "new Uint8Array([1,2,3])",
    "Buffer.from('abc')",
    "{length: 3, 0: 1, 1: 2, 2: 3}",
];

/// Offsets past every buffer that would be valid sizes: only in offset positions, never where
/// a size is read (`Buffer(2**32)` allocates 4 GiB in Node, and QuickJS refuses ArrayBuffers of
/// 2 GiB and more).
const HUGE_OFFSETS: &[&str] = &["2**31", "2**32", "4294967295", "2**31-1", "2**32-1"];

/// Sizes: small valid ones mostly, the pool threshold, and invalid ones. Never a valid huge size
/// (`alloc(2**32)` would really allocate 4 GiB in Node).
const BAD_SIZES: &[&str] = &[
    "-1",
    "-0",
    "NaN",
    "Infinity",
    "-Infinity",
    "1.5",
    "2**32+1",
    "2**53",
    "1e21",
    "'1'",
    "'4'",
    "null",
    "undefined",
    "{}",
    "[]",
    "[3]",
    "Symbol('z')",
    "1n",
    "true",
    "{valueOf(){return 3}}",
    "-(2**31)",
];

const CHARS: &[&str] = &[
    "a", "b", "z", "0", "9", "A", "Z", "=", "+", "/", "-", "_", " ", "\n", "\t", "\u{0}", "\u{7f}",
    "\u{80}", "é", "ÿ", "\u{100}", "€", "😀", "\u{feff}", "\u{ffff}", "%", "'", "\"", "\\", "ß",
    "\u{7ff}", "\u{800}", "中",
];

const LONE: &[u16] = &[0xd800, 0xdbff, 0xdc00, 0xdfff, 0xd83d];

const HEX_CHARS: &[u8] = b"0123456789abcdefABCDEF0123456789abcdefxg ";
const B64_CHARS: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_==  \n*.";

const NUM_TYPES: &[(&str, u32, Kind)] = &[
    ("UInt8", 1, Kind::Unsigned),
    ("Int8", 1, Kind::Signed),
    ("UInt16LE", 2, Kind::Unsigned),
    ("UInt16BE", 2, Kind::Unsigned),
    ("Int16LE", 2, Kind::Signed),
    ("Int16BE", 2, Kind::Signed),
    ("UInt32LE", 4, Kind::Unsigned),
    ("UInt32BE", 4, Kind::Unsigned),
    ("Int32LE", 4, Kind::Signed),
    ("Int32BE", 4, Kind::Signed),
    ("UIntLE", 0, Kind::Unsigned),
    ("UIntBE", 0, Kind::Unsigned),
    ("IntLE", 0, Kind::Signed),
    ("IntBE", 0, Kind::Signed),
    ("FloatLE", 4, Kind::Float),
    ("FloatBE", 4, Kind::Float),
    ("DoubleLE", 8, Kind::Float),
    ("DoubleBE", 8, Kind::Float),
    ("BigInt64LE", 8, Kind::BigSigned),
    ("BigInt64BE", 8, Kind::BigSigned),
    ("BigUInt64LE", 8, Kind::BigUnsigned),
    ("BigUInt64BE", 8, Kind::BigUnsigned),
];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Unsigned,
    Signed,
    Float,
    BigSigned,
    BigUnsigned,
}

const ENC_HELPERS: &[&str] = &[
    "ascii",
    "base64",
    "base64url",
    "latin1",
    "hex",
    "ucs2",
    "utf8",
];

struct Gen {
    rng: Rng,
}

impl Gen {
    fn below(&mut self, n: u64) -> u64 {
        self.rng.below(n)
    }
    fn one_in(&mut self, n: u64) -> bool {
        self.rng.one_in(n)
    }
    fn pick(&mut self, items: &[&'static str]) -> &'static str {
        let s: &&str = self.rng.pick(items);
        s
    }
    fn slot(&mut self) -> u64 {
        self.below(SLOTS)
    }
    fn buf(&mut self) -> String {
        format!("B[{}]", self.slot())
    }
    fn any(&mut self) -> String {
        self.pick(ANY).to_string()
    }

    /// A small integer offset, sometimes relative to a live length, sometimes anything.
    fn offset(&mut self) -> String {
        match self.below(12) {
            0..=5 => self.below(12).to_string(),
            6 => format!("-{}", self.below(5)),
            7 => format!("B[{}].length - {}", self.slot(), self.below(9)),
            8 => self.below(40).to_string(),
            9 => self.pick(HUGE_OFFSETS).into(),
            _ => self.any(),
        }
    }

    /// An offset for the engine's own Uint8Array methods: no BigInt (QuickJS words ToNumber of
    /// a BigInt like BigInt mixing, and the runner rewords it to V8's mixing text).
    fn engine_offset(&mut self) -> String {
        loop {
            let o = self.offset();
            let bigint = o
                .as_bytes()
                .windows(2)
                .any(|w| w[0].is_ascii_digit() && w[1] == b'n');
            if !bigint {
                return o;
            }
        }
    }

    fn size(&mut self) -> String {
        match self.below(14) {
            0..=7 => self.below(24).to_string(),
            8 => self
                .pick(&["4095", "4096", "4097", "2048", "8191", "8192", "5000"])
                .into(),
            9 => self.below(300).to_string(),
            _ => self.pick(BAD_SIZES).into(),
        }
    }

    fn encoding(&mut self) -> String {
        if self.one_in(6) {
            self.pick(BAD_ENCODINGS).into()
        } else {
            self.pick(ENCODINGS).into()
        }
    }

    fn string(&mut self) -> String {
        match self.below(10) {
            0 => self.charset_string(HEX_CHARS),
            1 => self.charset_string(B64_CHARS),
            _ => {
                let max = if self.one_in(10) { 40 } else { 10 };
                let n = self.below(max);
                let mut units: Vec<u16> = Vec::new();
                for _ in 0..n {
                    if self.one_in(12) {
                        units.push(*self.rng.pick(LONE));
                    } else {
                        units.extend(self.pick(CHARS).encode_utf16());
                    }
                }
                js_string_literal(&units)
            }
        }
    }

    fn charset_string(&mut self, set: &[u8]) -> String {
        let n = self.below(16);
        let units: Vec<u16> = (0..n).map(|_| u16::from(*self.rng.pick(set))).collect();
        js_string_literal(&units)
    }

    /// Something Buffer-like: live buffers, views of the shared memory, fresh ones.
    fn bufferish(&mut self) -> String {
        match self.below(12) {
            0..=5 => self.buf(),
            6 => self
                .pick(&["u16", "f64", "dv", "u8ab", "u8sab", "i32s"])
                .into(),
            7 => format!("Buffer.from({})", self.string()),
            8 => format!("new Uint8Array([{}])", self.byte_list()),
            9 => format!(
                "{}.subarray({}, {})",
                self.buf(),
                self.offset(),
                self.offset()
            ),
            _ => self.any(),
        }
    }

    fn byte_list(&mut self) -> String {
        let n = self.below(8);
        (0..n)
            .map(|_| self.below(256).to_string())
            .collect::<Vec<_>>()
            .join(",")
    }

    fn element(&mut self) -> String {
        match self.below(6) {
            0..=2 => self.below(256).to_string(),
            3 => self
                .pick(&[
                    "-1", "256", "257", "1.5", "-0", "NaN", "Infinity", "1e10", "-129",
                ])
                .into(),
            _ => self
                .pick(&[
                    "'7'",
                    "'x'",
                    "null",
                    "undefined",
                    "{}",
                    "true",
                    "[5]",
                    "{valueOf(){return 9}}",
                    "'0x1f'",
                    "2**32+3",
                ])
                .into(),
        }
    }

    fn elements(&mut self) -> String {
        let n = self.below(7);
        (0..n)
            .map(|_| self.element())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Trailing arguments `args`, cut to a random arity (missing args are part of the API).
    fn args(&mut self, args: Vec<String>) -> String {
        let keep = if self.one_in(3) {
            self.below(args.len() as u64 + 1) as usize
        } else {
            args.len()
        };
        args[..keep].join(", ")
    }

    fn number_value(&mut self, kind: Kind, width: u32) -> String {
        let bits = if width == 0 {
            8 * (1 + self.below(6)) as u32
        } else {
            8 * width
        };
        match self.below(10) {
            0..=4 => match kind {
                Kind::Unsigned => {
                    let max = if bits >= 53 {
                        u64::MAX >> 11
                    } else {
                        (1u64 << bits) - 1
                    };
                    (self.rng.next_u64() % (max + 1)).to_string()
                }
                Kind::Signed => {
                    let half = 1i64 << (bits.min(53) - 1);
                    let v = (self.rng.next_u64() % (2 * half as u64)) as i64 - half;
                    v.to_string()
                }
                Kind::Float => {
                    let choices = [
                        js_number_literal(f64::from_bits(self.rng.next_u64())),
                        js_number_literal(f64::from(f32::from_bits(self.rng.next_u64() as u32))),
                        format!("{}", self.below(2000) as f64 / 8.0 - 100.0),
                        self.pick(&["1e-45", "3.4e38", "3.5e38", "1e-310", "5e-324", "-0", "NaN"])
                            .into(),
                    ];
                    choices[self.below(4) as usize].clone()
                }
                Kind::BigSigned => {
                    format!("{}n", self.rng.next_u64() as i64)
                }
                Kind::BigUnsigned => format!("{}n", self.rng.next_u64()),
            },
            5 => self
                .pick(&[
                    "2n**63n",
                    "-(2n**63n)",
                    "-(2n**63n)-1n",
                    "2n**64n",
                    "2n**64n-1n",
                    "-1n",
                    "0n",
                ])
                .into(),
            6 => {
                let edge = if bits >= 48 { 48 } else { bits };
                self.pick(&["", "-"]).to_string()
                    + &format!(
                        "(2**{} + {})",
                        edge - self.below(2) as u32,
                        self.below(3) as i64 - 1
                    )
            }
            _ => self.any(),
        }
    }

    fn num_name(&mut self, write: bool) -> (String, u32, Kind) {
        let (name, width, kind) = *self.rng.pick(NUM_TYPES);
        let name = if self.one_in(2) {
            name.replace("UInt", "Uint")
        } else {
            name.into()
        };
        (
            format!("{}{}", if write { "write" } else { "read" }, name),
            width,
            kind,
        )
    }

    fn byte_length_arg(&mut self) -> String {
        if self.one_in(4) {
            self.any()
        } else {
            self.below(8).to_string()
        }
    }

    /// One operation: the expression and an optional slot its Buffer result replaces.
    fn op(&mut self) -> (String, Option<u64>) {
        let to_slot = if self.one_in(3) {
            Some(self.slot())
        } else {
            None
        };
        let e = match self.below(62) {
            60 | 61 => self.foreign_receiver(),
            0 | 1 => {
                let a = vec![self.size(), self.alloc_fill(), self.encoding()];
                format!("Buffer.alloc({})", self.args(a))
            }
            2 => {
                let f = self.pick(&["allocUnsafe", "allocUnsafeSlow", "allocUnsafe"]);
                let size = match self.below(8) {
                    // Fractional pooled sizes: Node's pool offset keeps the fraction.
                    0 => self
                        .pick(&["0.5", "1.5", "7.5", "0.25", "8.75", "4095.5"])
                        .into(),
                    _ => self.size(),
                };
                format!("Z(Buffer.{f}({size}))")
            }
            3 => format!("Z(SlowBuffer({}))", self.size()),
            4..=6 => {
                let a = vec![self.string(), self.encoding()];
                format!("Buffer.from({})", self.args(a))
            }
            7 | 8 => format!("Buffer.from({})", self.source_for_from()),
            9 => {
                let a = vec![
                    self.pick(&["ab", "sab", "ab", "new ArrayBuffer(8)"]).into(),
                    self.offset(),
                    self.offset(),
                ];
                format!("Buffer.from({})", self.args(a))
            }
            10 => {
                let k = self.slot();
                format!("Buffer.from(B[{k}].buffer, B[{k}].byteOffset, B[{k}].length)")
            }
            11 => format!("Buffer.of({})", self.elements()),
            12 | 13 => self.concat(),
            14 => format!("Buffer.compare({}, {})", self.bufferish(), self.bufferish()),
            15 => {
                let v = match self.below(3) {
                    0 => self.bufferish(),
                    _ => self.string(),
                };
                let a = vec![v, self.encoding()];
                format!("Buffer.byteLength({})", self.args(a))
            }
            16 => {
                let x = if self.one_in(2) {
                    self.encoding()
                } else {
                    self.any()
                };
                format!("Buffer.isEncoding({x})")
            }
            17 => format!("Buffer.isBuffer({})", self.bufferish()),
            18 => {
                let view = self
                    .pick(&[
                        "u16",
                        "f64",
                        "i32s",
                        "u8ab",
                        "B[0]",
                        "dv",
                        "new Float32Array([1.5, -2, 300])",
                        "new BigInt64Array(2)",
                        "[1,2]",
                        "{}",
                        "ab",
                    ])
                    .to_string();
                let a = vec![view, self.offset(), self.offset()];
                format!("Buffer.copyBytesFrom({})", self.args(a))
            }
            19..=21 => {
                let a = vec![self.encoding(), self.offset(), self.offset()];
                let m = if self.one_in(8) {
                    "toLocaleString"
                } else {
                    "toString"
                };
                format!("{}.{m}({})", self.buf(), self.args(a))
            }
            22 | 23 => self.write(),
            24 | 25 => self.fill(),
            26..=28 => self.index_of(),
            29 => format!("{}.equals({})", self.buf(), self.bufferish()),
            30 => {
                let a = vec![
                    self.bufferish(),
                    self.offset(),
                    self.offset(),
                    self.offset(),
                    self.offset(),
                ];
                format!("{}.compare({})", self.buf(), self.args(a))
            }
            31 | 32 => {
                let a = vec![
                    self.bufferish(),
                    self.offset(),
                    self.offset(),
                    self.offset(),
                ];
                format!("{}.copy({})", self.buf(), self.args(a))
            }
            33 => format!("{}.swap{}()", self.buf(), self.pick(&["16", "32", "64"])),
            34 => match self.below(3) {
                0 => format!("{}.toJSON()", self.buf()),
                1 => format!("JSON.stringify({})", self.buf()),
                _ => format!("JSON.stringify({{a: {}, b: [{}]}})", self.buf(), self.buf()),
            },
            35 | 36 => {
                let a = vec![self.offset(), self.offset()];
                let m = self.pick(&["slice", "subarray"]);
                format!("{}.{m}({})", self.buf(), self.args(a))
            }
            37 | 38 => {
                let enc = self.pick(ENC_HELPERS);
                if self.one_in(2) {
                    let a = vec![self.offset(), self.offset()];
                    format!("{}.{enc}Slice({})", self.buf(), self.args(a))
                } else {
                    let a = vec![self.string(), self.offset(), self.offset()];
                    format!("{}.{enc}Write({})", self.buf(), self.args(a))
                }
            }
            39 => {
                let a = vec![self.bufferish(), self.encoding(), self.encoding()];
                format!("transcode({})", self.args(a))
            }
            40 => format!(
                "{}({})",
                self.pick(&["isUtf8", "isAscii"]),
                self.bufferish()
            ),
            41 => {
                let x = match self.below(4) {
                    0 => self.any(),
                    1 => self.charset_string(B64_CHARS),
                    _ => self.string(),
                };
                format!(
                    "{}({x})",
                    self.pick(&["atob", "btoa", "bufmod.atob", "bufmod.btoa"])
                )
            }
            42 => match self.below(8) {
                0 => format!("util.inspect({})", self.buf()),
                1 => format!("util.inspect([{}])", self.buf()),
                2 => format!(
                    "util.inspect(Object.assign(Buffer.from({}), {{x: 1, y: 'z'}}))",
                    self.string()
                ),
                3 => format!("util.inspect({}, {{showHidden: true}})", self.buf()),
                4 => format!(
                    "util.format('%s|%j|%d|%i', {b}, {b}, {b}, {b})",
                    b = self.buf()
                ),
                5 => format!(
                    "util.inspect({{ b: {}, n: [{}] }}, {{ depth: 0 }})",
                    self.buf(),
                    self.buf()
                ),
                6 => format!("{}.inspect()", self.buf()),
                _ => format!(
                    "util.inspect({}, {{ compact: false, breakLength: 20 }})",
                    self.buf()
                ),
            },
            43 => match self.below(4) {
                0 => format!("String({})", self.buf()),
                1 => format!("`${{{}}}`", self.buf()),
                2 => format!("{} + ''", self.buf()),
                _ => format!("{} + 1", self.buf()),
            },
            44 => match self.below(4) {
                0 => format!("[...{}]", self.buf()),
                1 => format!("Array.from({}.entries())", self.buf()),
                2 => format!("[...{}.keys()]", self.buf()),
                _ => format!("[...{}.values()]", self.buf()),
            },
            // Not a string poolSize: Node aborts (a C++ assertion) when it next makes a pool.
            45 => {
                let n = self.pick(&[
                    "8192", "8192", "1024", "64", "100", "17", "16384", "4096", "0", "1", "8", "9",
                    "16", "2.5",
                ]);
                format!("(Buffer.poolSize = {n}, Buffer.poolSize)")
            }
            46 | 47 => self.view_write(),
            48 => self.array_method(),
            49..=52 => self.read_num(),
            53..=56 => self.write_num(),
            57 => self.shape(),
            58 => {
                let k = self.slot();
                match self.below(5) {
                    0 => format!("B[{k}].parent === B[{k}].buffer"),
                    1 => format!("B[{k}].offset"),
                    2 => format!("[B[{k}].length, B[{k}].byteLength, B[{k}].byteOffset]"),
                    3 => format!("B[{k}].buffer === B[{}].buffer", self.slot()),
                    _ => format!("B[{k}] instanceof Buffer"),
                }
            }
            _ => {
                let a = vec![self.alloc_fill(), self.encoding(), self.offset()];
                match self.below(3) {
                    0 => format!("new Buffer({})", self.size()),
                    1 => format!("Buffer({})", self.args(a)),
                    _ => format!(
                        "(bufmod.INSPECT_MAX_BYTES = {}, util.inspect({}))",
                        self.pick(&["50", "2", "0", "1", "100"]),
                        self.buf()
                    ),
                }
            }
        };
        (e, to_slot)
    }

    /// A Buffer method called on a plain Uint8Array (over the shared ArrayBuffer, the
    /// SharedArrayBuffer, or a fresh one): Node's methods take any Uint8Array `this`. Not
    /// `toString`/`toLocaleString`/`write`/`inspect`: Node's call `this.utf8Slice` and friends,
    /// which a plain Uint8Array lacks ("is not a function", a V8 text naming the callee).
    fn foreign_receiver(&mut self) -> String {
        let call = loop {
            let c = match self.below(9) {
                0 | 1 => self.read_num(),
                2 | 3 => self.write_num(),
                4 => self.fill(),
                5 => self.index_of(),
                6 => format!(
                    "B[0].copy({}, {}, {})",
                    self.bufferish(),
                    self.offset(),
                    self.offset()
                ),
                7 => {
                    let enc = self.pick(ENC_HELPERS);
                    format!("B[0].{enc}Slice({}, {})", self.offset(), self.offset())
                }
                _ => match self.below(6) {
                    0 => format!("B[0].equals({})", self.bufferish()),
                    1 => format!("B[0].compare({})", self.bufferish()),
                    2 => format!("B[0].swap{}()", self.pick(&["16", "32", "64"])),
                    3 => "B[0].toJSON()".into(),
                    4 => format!("B[0].slice({}, {})", self.offset(), self.offset()),
                    _ => format!("B[0].subarray({}, {})", self.offset(), self.offset()),
                },
            };
            // The UTF-16 search guard reads the receiver's slot; keep plain calls only. Node's
            // `includes` calls `this.indexOf` (a plain Uint8Array's own), and its variable-width
            // accessors call `this.readUInt8`/... for 1, 2 and 4 bytes: skip those.
            let dispatches = c.contains(".includes(")
                || ["IntLE(", "IntBE(", "intLE(", "intBE("]
                    .iter()
                    .any(|m| c.contains(m));
            if c.starts_with("B[") && !c.contains(" ? ") && !dispatches {
                break c;
            }
        };
        let receiver = self.pick(&[
            "u8ab",
            "u8sab",
            "new Uint8Array(ab, 4, 20)",
            "new Uint8Array([1, 2, 3, 250, 0])",
        ]);
        // `B[k].name(args)` -> `Buffer.prototype.name.call(receiver, args)`
        let dot = call.find("].").expect("a method call on a slot") + 2;
        let paren = call[dot..].find('(').expect("a call") + dot;
        let name = &call[dot..paren];
        let args = &call[paren + 1..call.len() - 1];
        let sep = if args.is_empty() { "" } else { ", " };
        format!("Buffer.prototype.{name}.call({receiver}{sep}{args})")
    }

    fn alloc_fill(&mut self) -> String {
        match self.below(5) {
            0 => self.below(300).to_string(),
            1 => self.string(),
            2 => self.bufferish(),
            _ => self.any(),
        }
    }

    fn source_for_from(&mut self) -> String {
        match self.below(14) {
            0 | 1 => format!("[{}]", self.elements()),
            2 => format!(
                "{{length: {}, 0: {}, 1: {}}}",
                self.pick(&[
                    "2",
                    "3",
                    "0",
                    "'2'",
                    "-1",
                    "NaN",
                    "1.5",
                    "0.5",
                    "undefined",
                    "null"
                ]),
                self.element(),
                self.element()
            ),
            3 => format!("{{type: 'Buffer', data: [{}]}}", self.elements()),
            4 => self
                .pick(&[
                    "{type: 'Buffer', data: 'ab'}",
                    "{type: 'Buffer'}",
                    "{type: 'buffer', data: [1]}",
                    "{data: [1, 2]}",
                ])
                .into(),
            5 => format!(
                "new {}([{}])",
                self.pick(&[
                    "Uint16Array",
                    "Float64Array",
                    "Int8Array",
                    "Float32Array",
                    "Uint8ClampedArray",
                    "Int32Array"
                ]),
                self.elements()
            ),
            6 => self.bufferish(),
            7 => format!("{{valueOf() {{ return {}; }}}}", self.string()),
            8 => format!("{{valueOf() {{ return {}; }}}}", self.buf()),
            9 => format!("{{[Symbol.toPrimitive]() {{ return {}; }}}}", self.string()),
            10 => format!("new String({})", self.string()),
            11 => "new BigInt64Array([1n, -1n])".into(),
            _ => self.any(),
        }
    }

    fn concat(&mut self) -> String {
        let list = if self.one_in(8) {
            self.any()
        } else {
            let n = self.below(5);
            let items: Vec<String> = (0..n).map(|_| self.bufferish()).collect();
            format!("[{}]", items.join(", "))
        };
        let total = match self.below(4) {
            0 => Some(self.size()),
            1 => Some(self.below(40).to_string()),
            _ => None,
        };
        match total {
            Some(t) => format!("Buffer.concat({list}, {t})"),
            None => format!("Buffer.concat({list})"),
        }
    }

    fn write(&mut self) -> String {
        let b = self.buf();
        let s = if self.one_in(10) {
            self.any()
        } else {
            self.string()
        };
        let a = match self.below(4) {
            0 => vec![s, self.encoding()],
            1 => vec![s, self.offset(), self.encoding()],
            _ => vec![s, self.offset(), self.offset(), self.encoding()],
        };
        format!("{b}.write({})", self.args(a))
    }

    fn fill(&mut self) -> String {
        let b = self.buf();
        let v = match self.below(5) {
            0 => self.below(300).to_string(),
            1 | 2 => self.string(),
            3 => self.bufferish(),
            _ => self.any(),
        };
        let a = match self.below(4) {
            0 => vec![v, self.encoding()],
            1 => vec![v, self.offset(), self.encoding()],
            _ => vec![v, self.offset(), self.offset(), self.encoding()],
        };
        format!("{b}.fill({})", self.args(a))
    }

    fn index_of(&mut self) -> String {
        let b = self.buf();
        let m = self.pick(&["indexOf", "lastIndexOf", "includes"]);
        let v = match self.below(6) {
            0 => self.below(300).to_string(),
            1 | 2 => self.string(),
            3 => self.bufferish(),
            4 => format!(
                "{}.subarray({}, {})",
                self.buf(),
                self.below(6),
                self.below(10)
            ),
            _ => self.any(),
        };
        let a = match self.below(3) {
            0 => vec![v, self.encoding()],
            _ => vec![v, self.offset(), self.encoding()],
        };
        let call = format!("{b}.{m}({})", self.args(a));
        // Node v20 can loop forever searching a UTF-16 needle in a Buffer at an odd byteOffset
        // (`p.subarray(11, 20)` holding a space, `.includes(' 3 ', 'ucs2')`): skip those.
        let lower = call.to_ascii_lowercase();
        if ["ucs2", "ucs-2", "utf16le", "utf-16le"]
            .iter()
            .any(|e| lower.contains(e))
        {
            format!("{b}.byteOffset % 2 ? 'odd offset' : {call}")
        } else {
            call
        }
    }

    fn view_write(&mut self) -> String {
        let i = self.below(20);
        match self.below(8) {
            0 => format!("(u16[{}] = {}, u16[{}])", i, self.below(70000), i),
            1 => format!(
                "(f64[{}] = {}, f64[{}])",
                i % 5,
                js_number_literal(f64::from_bits(self.rng.next_u64())),
                i % 5
            ),
            2 => format!(
                // In bounds: V8's and QuickJS's DataView range errors are worded differently
                // (not Buffer code).
                "(dv.set{}({}, {}, {}), dv.getUint32({}, true))",
                self.pick(&["Uint8", "Int16", "Uint32", "Float32", "Float64"]),
                self.below(33),
                self.below(100000),
                self.pick(&["true", "false"]),
                self.below(37)
            ),
            3 => format!(
                "(i32s[{}] = {}, i32s[{}])",
                i % 9,
                self.rng.next_u64() as i32,
                i % 9
            ),
            4 => format!(
                "({}[{}] = {}, {})",
                self.buf(),
                i,
                self.element(),
                self.buf()
            ),
            5 => {
                // In bounds: out-of-range `set` is an engine RangeError worded differently by
                // V8 and QuickJS.
                let b = self.buf();
                let n = self.below(6);
                let list: Vec<String> = (0..n).map(|_| self.below(256).to_string()).collect();
                let off = self.below(6);
                format!(
                    "{b}.length >= {n} + {off} ? {b}.set([{}], {off}) : 'short'",
                    list.join(",")
                )
            }
            6 => format!("Atomics.add(i32s, {}, {})", i % 8, self.below(1000)),
            _ => format!("(u8ab[{}] = {}, u8ab[{}])", i, self.below(256), i),
        }
    }

    fn array_method(&mut self) -> String {
        let b = self.buf();
        match self.below(9) {
            0 => format!("{b}.map((x) => x ^ {})", self.below(256)),
            1 => format!("{b}.filter((x) => x & 1)"),
            2 => format!(
                "Uint8Array.prototype.slice.call({b}, {}, {})",
                self.engine_offset(),
                self.engine_offset()
            ),
            3 => format!("{b}.reverse()"),
            4 => format!("{b}.at({})", self.engine_offset()),
            5 => format!("{b}.join('-')"),
            6 => format!("{b}.sort()"),
            7 => format!("{b}.reduce((a, x) => a + x, 0)"),
            _ => format!("new Uint8Array({b}.buffer, {b}.byteOffset, {b}.length).subarray(1)"),
        }
    }

    fn read_num(&mut self) -> String {
        let b = self.buf();
        let (name, width, _) = self.num_name(false);
        let a = if width == 0 {
            vec![self.offset(), self.byte_length_arg()]
        } else {
            vec![self.offset()]
        };
        format!("{b}.{name}({})", self.args(a))
    }

    fn write_num(&mut self) -> String {
        let b = self.buf();
        let (name, width, kind) = self.num_name(true);
        let v = self.number_value(kind, width);
        let a = if width == 0 {
            vec![v, self.offset(), self.byte_length_arg()]
        } else {
            vec![v, self.offset()]
        };
        format!("{b}.{name}({})", self.args(a))
    }

    fn shape(&mut self) -> String {
        let statics = [
            "from",
            "of",
            "alloc",
            "allocUnsafe",
            "allocUnsafeSlow",
            "concat",
            "compare",
            "byteLength",
            "isBuffer",
            "isEncoding",
            "copyBytesFrom",
        ];
        let methods = [
            "toString",
            "write",
            "fill",
            "indexOf",
            "lastIndexOf",
            "includes",
            "equals",
            "compare",
            "copy",
            "swap16",
            "swap32",
            "swap64",
            "toJSON",
            "slice",
            "subarray",
            "readUInt8",
            "readUint8",
            "writeIntLE",
            "readBigUInt64LE",
            "readBigUint64LE",
            "utf8Slice",
            "hexWrite",
            "inspect",
            "toLocaleString",
            "asciiSlice",
            "latin1Write",
        ];
        match self.below(8) {
            6 => "Object.keys(Buffer.prototype).join()".into(),
            7 => "Reflect.ownKeys(Buffer.prototype).map((k) => { const d = Object.getOwnPropertyDescriptor(Buffer.prototype, k); \
                  return String(k) + (typeof d.value === 'function' ? ':' + d.value.name + '/' + d.value.length : '') + \
                  (d.enumerable ? 'e' : '') + (d.writable ? 'w' : '') + (d.configurable ? 'c' : '') + (d.get ? 'g' : ''); }).join()"
                .into(),
            0 => {
                let s = self.rng.pick(&statics);
                format!("[typeof Buffer.{s}, Buffer.{s}.name, Buffer.{s}.length]")
            }
            1 => {
                let m = self.rng.pick(&methods);
                format!("[typeof Buffer.prototype.{m}, Buffer.prototype.{m}.name, Buffer.prototype.{m}.length]")
            }
            2 => "Object.keys(Buffer)".into(),
            3 => "[Buffer.name, Buffer.length, Object.getPrototypeOf(Buffer) === Uint8Array, Buffer.prototype.constructor === Buffer, Buffer[Symbol.species] === Buffer]".into(),
            4 => "[Buffer.prototype.readUint32LE === Buffer.prototype.readUInt32LE, Buffer.prototype.toLocaleString === Buffer.prototype.toString, bufmod.kMaxLength, bufmod.kStringMaxLength, bufmod.constants.MAX_LENGTH]".into(),
            _ => format!("Object.getOwnPropertyNames({}).length", self.pick(&["B[0]", "Buffer", "bufmod"])),
        }
    }
}

/// The program for `seed` with `ops` operations.
pub fn generate(seed: u64, ops: usize) -> Program {
    let mut g = Gen {
        rng: Rng::new(seed),
    };
    let mut text = String::from(include_str!("prelude.js"));
    let mut list = Vec::with_capacity(ops);
    let _ = writeln!(text, "// seed {seed}");
    for i in 0..ops {
        let (expr, slot) = g.op();
        match slot {
            Some(s) => {
                let _ = writeln!(text, "T({i}, () => ({expr}), {s});");
            }
            None => {
                let _ = writeln!(text, "T({i}, () => ({expr}));");
            }
        }
        if (i + 1) % DUMP_EVERY == 0 {
            let _ = writeln!(text, "D({i});");
        }
        list.push(expr);
    }
    let _ = writeln!(text, "D({});", ops);
    Program { text, ops: list }
}
