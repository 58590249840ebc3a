//! The case generator of the adversarial boundary suite: from a seed, self-contained JS cases
//! (`await C(i, (h) => { ... })`, run by `prelude.js`) that call one entry point of the Buffer
//! system with hostile arguments. Every case builds a target `t` and a source `s` (memory of
//! every kind: Buffers, resizable and growable stores, SharedArrayBuffers, DataViews, typed-array
//! subclasses, views whose own properties lie, detached and out-of-bounds views), then calls the
//! entry point with arguments whose user code (valueOf, toString, Symbol.toPrimitive, getters,
//! Proxy traps, Symbol.species, replaced prototype getters) is counted and may detach, shrink or
//! grow either memory mid-call.

use crate::support::Rng;

/// One generated case: its JS text, and whether node may abort on it (an `fs` call given a view
/// whose own properties lie about its length: Node v20 trusts them and dies on
/// `Assertion failed: Buffer::IsWithinBounds`), so the harness runs it in its own node process.
pub struct Case {
    pub text: String,
    pub may_abort: bool,
    /// Whether an argument hook of the case may detach or shrink the receiver of a method whose
    /// Node native keeps the pointer it took before converting the arguments (`fill` with a
    /// converted value, `{enc}Slice`, `{enc}Write`): where the range Node checked is no longer
    /// the receiver's, Node answers from (or writes into) memory the buffer no longer owns, or
    /// crashes, and nodebuf must throw `ERR_INVALID_STATE` instead (the harness then compares
    /// the hook counts and the canary, not Node's answer).
    pub native_keeps_pointer: bool,
    /// Whether Node may answer with uninitialized pool bytes: `Buffer.from(view)` and
    /// `Buffer.concat` copy a view's real bytes into a pooled Buffer sized by what its
    /// `length` claims, and past a claim longer than those bytes Node's pool holds whatever it
    /// held (zeros while the pool is fresh, old heap bytes later). nodebuf zeroes them: the
    /// harness then accepts a result that equals Node's up to a point and is all zeros from
    /// there (`uninit_tail_matches`; concat's items are all-zero memory, so a gap before a
    /// later item passes too).
    pub uninit_tail: bool,
}

/// Memory a method is called on: always a Buffer (Node's methods call `this.utf8Slice` & co.,
/// and V8 and QuickJS word "is not a function" differently, so plain typed arrays are left out
/// as receivers).
const RECEIVERS: &[&str] = &[
    "Buffer.alloc(16)",
    "Buffer.alloc(0)",
    "Buffer.alloc(7, 0x11)",
    "Buffer.from(rab(16, 64))",
    "Buffer.from(rab(16, 64), 4, 8)",
    "Buffer.from(gsab(16, 64))",
    "Buffer.from(new SharedArrayBuffer(12))",
    "LIE('lie', Buffer.alloc(8), {length: 64, byteLength: 64, byteOffset: 2})",
    "LIE('lie', Buffer.alloc(8), {buffer: new ArrayBuffer(64)})",
    "detached(Buffer.alloc(8))",
    "oob(Buffer.from(rab(16, 64), 4, 8))",
    "new LyingBuf(new ArrayBuffer(8))",
];

/// Memory passed as an argument: any view or store.
const MEMORY: &[&str] = &[
    "Buffer.alloc(16)",
    "Buffer.alloc(0)",
    "Buffer.from(rab(16, 64))",
    "Buffer.from(rab(16, 64), 4, 8)",
    "Buffer.from(gsab(16, 64))",
    "new Uint8Array(16)",
    "new Uint8Array(rab(12, 64))",
    "new Uint16Array(rab(16, 64))",
    "new Int32Array(new SharedArrayBuffer(8))",
    "new Float64Array(2)",
    "new DataView(new ArrayBuffer(16), 2)",
    "new DataView(rab(16, 64))",
    "new DataView(new ArrayBuffer(0))",
    "new LyingU8(8)",
    "new PlainU8(8)",
    "new LyingDV(new ArrayBuffer(8))",
    "LIE('lie', new Uint8Array(8), {length: 64, byteLength: 64, byteOffset: 2})",
    "LIE('lie', new DataView(new ArrayBuffer(8)), {byteLength: 64, byteOffset: 1, buffer: new ArrayBuffer(64)})",
    "LIE('lie', Buffer.alloc(8), {length: 64, buffer: new ArrayBuffer(64)})",
    "detached(Buffer.alloc(8))",
    "detached(new Uint8Array(8))",
    "oob(Buffer.from(rab(16, 64), 4, 8))",
    "oob(new DataView(rab(16, 64), 4, 8))",
    "rab(8, 32)",
    "new ArrayBuffer(8)",
    "gsab(8, 32)",
];

/// What a hook does the first time it runs.
const ACTIONS: &[&str] = &[
    "null",
    "null",
    "() => detach(t)",
    "() => detach(s)",
    "() => shrink(t, 2)",
    "() => shrink(t, 0)",
    "() => shrink(s, 1)",
    "() => grow(t, 40)",
    "() => grow(s, 40)",
];

const ENCODINGS: &[&str] = &[
    "'utf8'",
    "'latin1'",
    "'hex'",
    "'base64'",
    "'base64url'",
    "'ucs2'",
    "'ascii'",
    "'utf16le'",
    "'binary'",
    "'bogus'",
    "undefined",
];

/// Strings to write: each writes MARK (0xa5) bytes in the encodings the generator pairs it with.
const STRINGS: &[&str] = &[
    "'\\xa5\\xa5\\xa5\\xa5\\xa5'",
    "'a5a5a5a5a5a5'",
    "'paWlpaWl'",
    "'\\u{a5a5}\\u{a5a5}\\u{a5a5}'",
    "''",
    "'\\xa5'",
];

const SIZES: &[&str] = &["0", "1", "5", "8", "16", "33", "-1", "NaN", "1.5", "'8'"];

/// Names of the numeric accessors with their byte width (0: takes a byteLength argument).
const NUMERIC: &[(&str, u32)] = &[
    ("UInt8", 1),
    ("Int16LE", 2),
    ("UInt16BE", 2),
    ("Int32BE", 4),
    ("UInt32LE", 4),
    ("FloatLE", 4),
    ("DoubleBE", 8),
    ("BigInt64LE", 8),
    ("BigUInt64BE", 8),
    ("UIntLE", 0),
    ("IntBE", 0),
];

// Every family runs with every shape: views whose own properties or subclass getters lie
// about their geometry, replaced `%TypedArray%.prototype`/`DataView.prototype` getters and
// Proxy lists included. nodebuf makes the reads of `length` (and `buffer`, `byteOffset`,
// `byteLength`) that Node's JS makes, in its order, and resolves memory from the engine's slots
// only; where Node's answer then holds uninitialized pool bytes (`Case::uninit_tail`) or
// memory the receiver lost (`Case::native_keeps_pointer`), the harness says what it compares.
// The exceptions, each for a reason outside nodebuf, are below.

/// The Blob/File families, whose reads resolve on later turns: Node's async_hooks read the
/// `length` of an internal Float64Array (its async-id stack) through `%TypedArray%.prototype`
/// each time a native callback enters JS (`arrayBuffer()`/`text()` pull chunk by chunk), so a
/// replaced `length` getter counts Node's internals there, not the Blob's; not generated.
const BLOB_FAMILIES: &[u64] = &[30, 31];

/// The `fs` families: Node's JS reads a view's `byteLength` as a property there, as nodebuf's
/// does; where a lie exceeds the real bytes Node aborts and nodebuf must throw. Such cases run
/// in a node process each, so views that lie are generated there only now and then.
const FS_FAMILIES: &[u64] = &[38, 39, 40, 41, 42, 43, 44];

struct Gen {
    rng: Rng,
    /// Set while generating arguments that must not detach or shrink the source: a DataView
    /// in an fs call, whose `byteLength` getter Node's JS reads (V8's and QuickJS's errors for
    /// a gone view are worded differently); a lying view in an fs call (Node's empty-buffer
    /// error inspects it through its lying `length`, and nodebuf's inspect does not).
    spare_source: bool,
    /// The operation family of the case being generated (`Gen::op`).
    family: u64,
    /// Set when the case's op may make node abort.
    may_abort: bool,
    /// Memory expressions used by the case that lie about their geometry.
    lying: bool,
    /// Families to generate only (`NODEBUF_BOUNDARY_ONLY=30,31`), to work on one; empty: all.
    only: Vec<u64>,
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
    fn action(&mut self) -> &'static str {
        loop {
            let a = self.pick(ACTIONS);
            if !(self.spare_source && a.contains("(s")) {
                return a;
            }
        }
    }

    /// A number argument: plain, or an object whose conversion runs (counted) user code.
    fn num(&mut self, plain: &str) -> String {
        match self.below(8) {
            0..=3 => plain.to_string(),
            4 | 5 => format!("N('n{}', {plain}, {})", self.below(3), self.action()),
            6 => format!("P('p{}', {plain}, {})", self.below(3), self.action()),
            _ => format!("S('s{}', {plain}, {})", self.below(3), self.action()),
        }
    }
    fn small(&mut self) -> String {
        let v = match self.below(10) {
            0..=6 => self.below(10).to_string(),
            7 => format!("-{}", self.below(3)),
            8 => "NaN".into(),
            _ => "16".into(),
        };
        self.num(&v)
    }
    /// An encoding: plain, or a string object whose `toString` runs user code.
    fn enc(&mut self) -> String {
        let e = self.pick(ENCODINGS);
        if e != "undefined" && self.one_in(4) {
            format!("S('enc', {e}, {})", self.action())
        } else {
            e.to_string()
        }
    }
    fn string(&mut self) -> String {
        let v = self.pick(STRINGS);
        if self.one_in(5) {
            format!("S('str', {v}, {})", self.action())
        } else {
            v.to_string()
        }
    }
    fn memory(&mut self, from: &[&'static str]) -> String {
        let fs = FS_FAMILIES.contains(&self.family);
        let mut m = self.pick(from);
        // Views that lie: rarely for fs calls (a case node may abort on runs in a node process
        // of its own).
        while fs
            && ((m.contains("LIE") || m.contains("Lying")) && !self.one_in(24)
                // V8 and QuickJS word the DataView byteLength getter's error on a gone view
                // differently, and Node's fs JS reads that getter.
                || m.starts_with("oob(new DataView"))
        {
            m = self.pick(from);
        }
        if m.contains("LIE") || m.contains("Lying") {
            self.lying = true;
        }
        m.to_string()
    }
    /// A list of items, plain or behind a counting Proxy.
    fn list(&mut self, items: &str) -> String {
        if self.one_in(3) {
            format!("PX('list', [{items}], {})", self.action())
        } else {
            format!("[{items}]")
        }
    }
    /// An options object, plain, with counted getters, or behind a counting Proxy.
    fn opts(&mut self, fields: &str) -> String {
        match self.below(3) {
            0 => format!("{{{fields}}}"),
            1 => format!("OG('opt', {{{fields}}}, {})", self.action()),
            _ => format!("PX('opt', {{{fields}}}, {})", self.action()),
        }
    }
    fn numeric(&mut self) -> (&'static str, u32) {
        *self.rng.pick(NUMERIC)
    }

    /// The body of one case after `t` and `s` exist: statements ending with a `return`.
    fn op(&mut self) -> String {
        let a = |g: &mut Gen| g.small();
        match self.family {
            // Buffer statics.
            0 => "fillMarked(s); return Buffer.from(s);".to_string(),
            1 => format!("return Buffer.from(bufOf(s), {}, {});", a(self), a(self)),
            2 => format!("return Buffer.from({}, {});", self.string(), self.enc()),
            // A detached or out-of-bounds view as an element converts through %TypedArray%'s
            // join, whose detached-buffer error V8 and QuickJS word differently.
            3 => format!("return Buffer.from({});", self.list("1, 0xa5, N('el', 3, null), (s.length === 0 ? 0 : s)")),
            4 => {
                let size = self.pick(SIZES);
                let fill = match self.below(4) {
                    0 => "s".into(),
                    1 => self.string(),
                    2 => self.num("0xa5"),
                    _ => "undefined".into(),
                };
                format!("return Buffer.alloc({}, {fill}, {});", self.num(size), self.enc())
            }
            5 => {
                let size = self.pick(SIZES);
                format!("return Buffer.allocUnsafe({}).fill(0xa5);", self.num(size))
            }
            // A detached or out-of-bounds DataView: Node's JS reads its byteLength, and V8 and
            // QuickJS word the getter's detached-buffer error differently.
            6 => format!("return Buffer.byteLength(s instanceof DataView && bytesOf(s) === 'gone' ? 'x' : s, {});", self.enc()),
            7 => "return Buffer.compare(t, s);".to_string(),
            8 => {
                let list = self.list("t, s");
                let total = self.pick(&["undefined", "4", "40", "0"]);
                format!("return Buffer.concat({list}, {});", self.num(total))
            }
            9 => format!("return Buffer.copyBytesFrom(s, {}, {});", a(self), a(self)),
            10 => format!("return [Buffer.isBuffer(s), Buffer.isEncoding({})];", self.enc()),
            11 => format!("return Buffer.of({}, 0xa5, {});", a(self), a(self)),
            // Methods.
            12 => {
                                format!("return s.copy ? Buffer.from(marked(16).buffer).copy(t, {}, {}, {}) : t.copy(s, {}, {}, {});", a(self), a(self), a(self), a(self), a(self), a(self))
            }
            13 => format!("return t.compare(s, {}, {}, {}, {});", a(self), a(self), a(self), a(self)),
            14 => "return t.equals(s);".to_string(),
            15 => {
                                let val = match self.below(4) {
                    0 => "s".into(),
                    1 => self.string(),
                    2 => self.num("0xa5"),
                    _ => "fillMarked(s)".into(),
                };
                format!("return t.fill({val}, {}, {}, {});", a(self), a(self), self.enc())
            }
            16 => {
                let m = self.pick(&["indexOf", "lastIndexOf", "includes"]);
                let val = match self.below(3) {
                    0 => "fillMarked(s)".into(),
                    1 => self.string(),
                    _ => self.num("0xa5"),
                };
                format!("fillMarked(t); return t.{m}({val}, {}, {});", a(self), self.enc())
            }
            17 => format!("return [t.write({}, {}, {}, {}), t];", self.string(), a(self), a(self), self.enc()),
            18 => {
                                format!("fillMarked(t); return t.toString({}, {}, {});", self.enc(), a(self), a(self))
            }
            19 => "fillMarked(t); return t.toJSON();".to_string(),
            20 => {
                let m = self.pick(&["slice", "subarray"]);
                format!("fillMarked(t); return t.{m}({}, {});", a(self), a(self))
            }
            21 => {
                let m = self.pick(&["swap16", "swap32", "swap64"]);
                format!("fillMarked(t); return t.{m}();")
            }
            22 | 23 => {
                let (name, width) = self.numeric();
                let bl = (1 + self.below(6)).to_string();
                let extra = if width == 0 { format!(", {}", self.num(&bl)) } else { String::new() };
                format!("fillMarked(t); return t.read{name}({}{extra});", a(self))
            }
            24 | 25 => {
                let (name, width) = self.numeric();
                let bl = (1 + self.below(6)).to_string();
                let extra = if width == 0 { format!(", {}", self.num(&bl)) } else { String::new() };
                let v = if name.starts_with("Big") { "0xa5a5n".to_string() } else { self.num("0xa5") };
                format!("return [t.write{name}({v}, {}{extra}), t];", a(self))
            }
            26 => {
                let m = self.pick(&["latin1Write", "hexWrite", "utf8Write", "asciiWrite", "base64Write", "ucs2Write"]);
                                let string = self.string();
                format!("return [t.{m}({string}, {}, {}), t];", a(self), a(self))
            }
            27 => {
                                let m = self.pick(&["latin1Slice", "hexSlice", "utf8Slice", "asciiSlice", "base64Slice", "ucs2Slice"]);
                format!("fillMarked(t); return t.{m}({}, {});", a(self), a(self))
            }
            // The buffer module.
            28 => {
                let (from, to) = (self.enc(), self.enc());
                format!("fillMarked(s); return transcode(s, {from}, {to});")
            }
            29 => "fillMarked(s); return [isUtf8(s), isAscii(s)];".to_string(),
            30 => {
                let parts = self.list("fillMarked(s), 'x', bufOf(t)");
                let opts = self.opts("type: 'a/b', endings: 'native'");
                format!("const b = new Blob({parts}, {opts}); return b.arrayBuffer();")
            }
            31 => {
                let parts = self.list("fillMarked(s), 'x'");
                let name = self.string();
                let lm = self.num("5");
                let opts = self.opts(&format!("type: 'a/b', lastModified: {lm}"));
                format!("const f = new File({parts}, {name}, {opts}); return f.arrayBuffer().then((ab) => [f.name, f.size, f.lastModified, ab]);")
            }
            32 => format!("return [atob({}), btoa({})];", self.pick(&["'paWl'", "S('a', 'paWl', null)", "'p a W l'", "'!!'"]), self.string()),
            // Encoding API.
            33 => format!("return new TextEncoder().encodeInto({}, t);", self.string()),
            34 => {
                let label = if self.one_in(3) { format!("S('label', 'utf-8', {})", self.action()) } else { "'utf-8'".into() };
                let o = self.opts("fatal: false, ignoreBOM: true");
                let d = self.opts("stream: false");
                format!("fillMarked(s); return new TextDecoder({label}, {o}).decode(s, {d});")
            }
            // Cloning and messaging with transfer lists.
            35 | 36 => {
                let tl = self.list("bufOf(s)");
                let o = self.opts(&format!("transfer: {tl}"));
                format!("fillMarked(s); return structuredClone(s, {o});")
            }
            37 => {
                let tl = self.list("bufOf(s)");
                format!("fillMarked(s); const {{ port1, port2 }} = new MessageChannel(); try {{ port1.postMessage(s, {tl}); const m = receiveMessageOnPort(port2); return m && m.message; }} finally {{ port1.close(); }}")
            }
            // fs calls that take or fill memory.
            38 | 39 => {
                self.may_abort = self.lying;
                format!("return [fs.readSync(FDR, t, {}, {}, 0), t];", a(self), a(self))
            }
            40 => {
                self.may_abort = self.lying;
                let fields = format!("offset: {}, length: {}, position: 0", a(self), a(self));
                let o = self.opts(&fields);
                format!("return [fs.readSync(FDR, s, {o}), s];")
            }
            41 => {
                self.may_abort = self.lying;
                format!("h.file = true; fillMarked(s); return fs.writeSync(FDW, s, {}, {}, 0);", a(self), a(self))
            }
            42 => {
                self.may_abort = self.lying;
                "h.file = true; fillMarked(s); return fs.writeFileSync(OUT, s);".to_string()
            }
            43 => {
                let l = self.list("t, s");
                // Node v20 aborts on a Proxy of an Array here (`Assertion failed: args[1]->IsArray()`).
                self.may_abort = self.lying || l.starts_with("PX");
                format!("return [fs.readvSync(FDR, {l}, 0), t, s];")
            }
            44 => {
                let l = self.list("fillMarked(s), t");
                self.may_abort = self.lying || l.starts_with("PX");
                format!("h.file = true; return fs.writevSync(FDW, {l}, 0);")
            }
            // util.inspect.
            _ => "fillMarked(s); return util.inspect(s);".to_string(),
        }
    }

    /// A replaced prototype getter for the case, or nothing.
    fn swap(&mut self) -> String {
        if !self.one_in(6) {
            return String::new();
        }
        let proto = if self.one_in(3) {
            "DataView.prototype"
        } else {
            "TAProto"
        };
        let key = self.pick(&["byteLength", "byteOffset", "buffer", "length"]);
        let key = if proto == "DataView.prototype" && key == "length" {
            "byteLength"
        } else {
            key
        };
        if key == "length" && BLOB_FAMILIES.contains(&self.family) {
            return String::new();
        }
        // Node's `allocUnsafe` reads the new pool's `.buffer` when its pool runs out: a lie
        // there becomes Node's pool for the rest of the batch.
        if key == "buffer" && self.family == 5 {
            return String::new();
        }
        let mut lie = self.pick(&["undefined", "undefined", "1000", "3"]);
        // `allocUnsafe(n).fill(v)` fills up to the `length` the getter answers: past a shorter
        // one Node shows its pool's uninitialized bytes, which no runtime can reproduce.
        if self.family == 5 && key == "length" && lie == "3" {
            lie = "undefined";
        }
        format!("SWAP({proto}, '{key}', {lie}, {}); ", self.action())
    }

    fn case(&mut self, i: usize) -> Case {
        self.may_abort = false;
        self.lying = false;
        self.family = loop {
            let f = self.below(46);
            if self.only.is_empty() || self.only.contains(&f) {
                break f;
            }
        };
        let t = self.memory(RECEIVERS);
        let s = self.memory(MEMORY);
        self.spare_source =
            FS_FAMILIES.contains(&self.family) && (s.contains("DataView") || s.contains("LIE"));
        let body = self.op();
        let swap = self.swap();
        let text = format!(
            "await C({i}, (h) => {{ const t = {t}; const s = {s}; h.mem = [t, s]; {swap}{body} }});\n"
        );
        let native_keeps_pointer = matches!(self.family, 15 | 26 | 27)
            && (body.contains("detach(t)") || body.contains("shrink(t,"))
            // `buf.compare` with ends: Node compares up to a `length` that lies, past the
            // target's real bytes.
            || self.family == 13 && (self.lying || !swap.is_empty());
        Case {
            text,
            may_abort: self.may_abort,
            native_keeps_pointer,
            uninit_tail: self.family == 0
                || self.family == 8 && (self.lying || swap.contains("'length'")),
        }
    }
}

/// `count` cases from `seed`, numbered from `first`.
pub fn generate(seed: u64, first: usize, count: usize) -> Vec<Case> {
    let mut g = Gen {
        rng: Rng::new(seed),
        spare_source: false,
        family: 0,
        may_abort: false,
        lying: false,
        only: std::env::var("NODEBUF_BOUNDARY_ONLY")
            .unwrap_or_default()
            .split(',')
            .filter_map(|f| f.trim().parse().ok())
            .collect(),
    };
    (first..first + count).map(|i| g.case(i)).collect()
}
