// The retention tracer: records every view made from JS over an existing store (slice, subarray,
// Buffer.from(arrayBuffer), typed arrays and DataViews over a buffer, pool slices) with the site
// of the user's call, and reports which live stores those views keep alive.
//
// One file serves both runtimes: the nodebuf runner loads it as `nodebuf:retention` when
// --trace-retention / --trace-overlap is given, and Node loads it through the preload
// `trace-retention.js` next to this file. It only wraps public APIs (the same ones in both
// runtimes), so the two report the same stores, counts and sites.
//
// Cost model. Counts and bytes are exact. Where the runtime can list a store's live views
// (`options.views`: the nodebuf runner reads the engine's own per-buffer list), they are counted
// when a report is made and a view costs nothing to count; the runner's Buffer#subarray/slice
// natives hand the tracer only the views whose site it samples. Elsewhere (Node's preload, or
// with overlap checking on) every view is counted when made and uncounted when the engine
// collects it (a FinalizationRegistry). Creation sites need a stack capture (1.5-10 µs), so the
// first EXACT_SITES views made by each API get their own site and later ones are sampled one in
// SAMPLE_EVERY; an unsampled view is counted at the latest sampled site of the same API (listed
// views: at the site of the nearest earlier sampled view of its store, the first view of each
// store being always sampled). With overlap checking on, every view gets its own site (warnings
// must name the right line).
'use strict';

const EXACT_SITES = 32;
const SAMPLE_EVERY = 1024;
const MIB = 1024 * 1024;
// Allocation sites are captured for stores at least this large (or the threshold, if smaller):
// small stores are never reported, and capturing their sites would cost every small allocation.
const ALLOC_SITE_FLOOR = 64 * 1024;
// Overlap checking compares a new view with at most this many distinct live ranges near it.
const MAX_RANGES_CHECKED = 4096;

/**
 * Installs the tracer into the calling realm (wrapping Buffer and typed-array APIs on
 * `globals`) and returns its API: `report(options)`, `snapshot()`, `diff(a, b)`.
 * options: { Buffer, globals, threshold, overlap: 'off' | 'warn' | 'throw', runtime, thread,
 *            isInternalFile(file), fixColumn(file, line, column), emitWarning(message, type, code),
 *            cwd, views: { viewsOf(arrayBuffer), setViewSampler(fn), viewHasBuffer(view) }
 *            (optional, the runner's) }
 */
function install(options) {
  const g = options.globals;
  const Buffer = options.Buffer;
  const ReflectApply = Reflect.apply;
  const ReflectConstruct = Reflect.construct;
  const MapCtor = Map;
  const WeakMapCtor = WeakMap;
  const WeakRefCtor = WeakRef;
  const ErrorCtor = Error;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ArrayIsArray = Array.isArray;
  const MathMin = Math.min;
  const TypedArray = ObjectGetPrototypeOf(g.Uint8Array);
  const FunctionPrototypeCall = Function.prototype.call;
  // fn(thisArg, ...args) without a property lookup or an argument array per call.
  const uncurry = (fn) => FunctionPrototypeCall.bind(fn);
  const getter = (proto, name) => uncurry(ObjectGetOwnPropertyDescriptor(proto, name).get);
  const taBuffer = getter(TypedArray.prototype, 'buffer');
  const taOffset = getter(TypedArray.prototype, 'byteOffset');
  const taLength = getter(TypedArray.prototype, 'byteLength');
  const dvBuffer = getter(g.DataView.prototype, 'buffer');
  const dvOffset = getter(g.DataView.prototype, 'byteOffset');
  const dvLength = getter(g.DataView.prototype, 'byteLength');
  const abLength = getter(g.ArrayBuffer.prototype, 'byteLength');
  const sabLength = g.SharedArrayBuffer !== undefined ?
    getter(g.SharedArrayBuffer.prototype, 'byteLength') : undefined;
  // Brand checks that never throw (a thrown error would cost a stack trace per call).
  const ArrayBufferIsView = g.ArrayBuffer.isView;
  const ObjectPrototypeToString = uncurry(Object.prototype.toString);
  const taTag = uncurry(ObjectGetOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get);
  const isArrayBuffer = (v) => typeof v === 'object' && v !== null && !ArrayBufferIsView(v) &&
    ObjectPrototypeToString(v) === '[object ArrayBuffer]';
  const isSharedArrayBuffer = (v) => sabLength !== undefined && typeof v === 'object' && v !== null &&
    !ArrayBufferIsView(v) && ObjectPrototypeToString(v) === '[object SharedArrayBuffer]';
  const isTypedArray = (v) => taTag(v) !== undefined;
  const storeLength = (ab) => (isArrayBuffer(ab) ? abLength(ab) : sabLength(ab));

  const threshold = options.threshold;
  const overlapMode = options.overlap || 'off';
  const everySite = overlapMode !== 'off';
  const allocFloor = MathMin(threshold, ALLOC_SITE_FLOOR);
  // Listed mode: views are counted from the engine's list of each store's views at report time
  // (exact, free per view); only sampled views are remembered, with their site. The runner's
  // subarray/slice natives call `sampleNativeView` for those (their other views cost a counter).
  const listed = overlapMode === 'off' && options.views !== undefined &&
    options.views.setViewSampler(sampleNativeView) === true;
  const viewSites = new WeakMapCtor(); // sampled view -> site (listed mode)

  // --- records ---------------------------------------------------------------------------
  let nextStoreId = 1;
  const stores = new WeakMapCtor(); // ArrayBuffer -> record
  const live = new Set(); // records of stores not yet collected
  const sites = new MapCtor(); // "file:line:col (api)" -> interned site
  let depth = 0; // > 0 while a wrapper runs: inner wrapped calls are not views of the user's

  // A view's record is released with the view: the registry's held value is a number (entry
  // index * 2**33 + length), far cheaper for the engine than an object per view. Entries of a
  // collected store are reused once their last view is gone, so records stay bounded.
  const SLOT = 2 ** 33;
  const entryTable = [];
  const freeEntries = [];
  function newEntry(rec, site) {
    const index = freeEntries.length > 0 ? freeEntries.pop() : entryTable.length;
    const entry = { index, site, views: 0, bytes: 0, rec };
    entryTable[index] = entry;
    rec.entries.set(site, entry);
    return entry;
  }
  function freeEntry(entry) {
    entryTable[entry.index] = undefined;
    freeEntries.push(entry.index);
    entry.index = -1; // a per-API cache holding it must look again
  }
  function releaseView(entry, len) {
    entry.views--;
    entry.bytes -= len;
    const rec = entry.rec;
    rec.views--;
    rec.bytes -= len;
    if (entry.views === 0 && rec.dead) freeEntry(entry);
  }
  const released = new FinalizationRegistry((held) => {
    if (typeof held === 'number') {
      const index = Math.floor(held / SLOT);
      releaseView(entryTable[index], held - index * SLOT);
    } else if (held.store !== undefined) {
      const rec = held.store;
      rec.dead = true;
      live.delete(rec);
      for (const entry of rec.entries.values()) if (entry.views === 0) freeEntry(entry);
    } else {
      releaseView(held.entry, held.len);
      held.range.count--;
      if (held.range.count === 0) forgetRange(held.entry.rec, held.range);
    }
  });

  function newStore(ab, owner, site) {
    const rec = {
      id: nextStoreId++,
      ref: new WeakRefCtor(ab),
      size: storeLength(ab),
      shared: isSharedArrayBuffer(ab),
      owner: owner === null ? null : new WeakRefCtor(owner),
      allocatedAt: site,
      views: 0,
      bytes: 0,
      entries: new MapCtor(), // site -> { index, site, views, bytes, rec }
      dead: false,
      ranges: everySite ? new MapCtor() : undefined,
      sorted: everySite ? [] : undefined,
      maxLen: 0,
      deadRanges: 0,
    };
    stores.set(ab, rec);
    live.add(rec);
    released.register(ab, { store: rec });
    return rec;
  }

  // --- sites -----------------------------------------------------------------------------
  const structured = (error, frames) => frames;
  function userFrame() {
    const prevPrepare = ErrorCtor.prepareStackTrace;
    const prevLimit = ErrorCtor.stackTraceLimit;
    ErrorCtor.prepareStackTrace = structured;
    ErrorCtor.stackTraceLimit = 16;
    const holder = {};
    let frames;
    try {
      ErrorCtor.captureStackTrace(holder);
      frames = holder.stack;
    } finally {
      ErrorCtor.prepareStackTrace = prevPrepare;
      ErrorCtor.stackTraceLimit = prevLimit;
    }
    if (!ArrayIsArray(frames)) return 'unknown';
    for (const frame of frames) {
      const file = frame.getFileName();
      if (typeof file !== 'string' || file === '' || options.isInternalFile(file)) continue;
      const line = frame.getLineNumber();
      if (!(line > 0)) continue;
      return `${relative(file)}:${line}:${options.fixColumn(file, line, frame.getColumnNumber())}`;
    }
    return 'unknown';
  }
  function relative(file) {
    const cwd = options.cwd;
    if (typeof cwd === 'string' && file.startsWith(cwd + '/')) return file.slice(cwd.length + 1);
    return file;
  }
  function intern(where, api) {
    const key = `${where} (${api})`;
    let site = sites.get(key);
    if (site === undefined) {
      site = { key, where, api };
      sites.set(key, site);
    }
    return site;
  }

  // Per API: how many views it made and the latest sampled site.
  const apis = new MapCtor();
  function apiState(api) {
    let state = apis.get(api);
    if (state === undefined) {
      state = { api, count: 0, site: undefined, pool: undefined, entry: undefined };
      apis.set(api, state);
      if (!api.startsWith('new ') || api.endsWith('Array')) {
        state.pool = { api: `${api}, pool`, count: 0, site: undefined, pool: undefined, entry: undefined };
        apis.set(state.pool.api, state.pool);
      }
    }
    return state;
  }
  let sampled = false; // true once a view was counted at a site it did not capture itself
  const viewHasBuffer = options.views !== undefined ? options.views.viewHasBuffer : undefined;

  // --- views -----------------------------------------------------------------------------
  function note(view, state, isDataView, ctor, due) {
    // A view on the engine's heap (a user's subarray may return one) belongs to no store.
    if (viewHasBuffer !== undefined && !viewHasBuffer(view)) return;
    const ab = isDataView ? dvBuffer(view) : taBuffer(view);
    if (listed) {
      let fresh = false;
      if (stores.get(ab) === undefined) {
        newStore(ab, null, undefined);
        fresh = true;
      }
      const n = state.count++;
      if (due === true || fresh || n < EXACT_SITES || n % SAMPLE_EVERY === 0 || state.site === undefined) {
        state.site = intern(userFrame(), state.api);
        viewSites.set(view, state.site);
      }
      return;
    }
    const len = isDataView ? dvLength(view) : taLength(view);
    let rec = stores.get(ab);
    if (rec === undefined) rec = newStore(ab, null, undefined);
    // The site (inlined siteFor: this runs once per view).
    const n = state.count++;
    if (everySite || n < EXACT_SITES || n % SAMPLE_EVERY === 0 || state.site === undefined) {
      state.site = intern(userFrame(), state.api);
    } else {
      sampled = true;
    }
    const site = state.site;
    // Consecutive views from one site into one store (a loop) reuse the entry found last time.
    let entry = state.entry;
    if (entry === undefined || entry.rec !== rec || entry.site !== site || entry.index === -1) {
      entry = rec.entries.get(site);
      if (entry === undefined) entry = newEntry(rec, site);
      state.entry = entry;
    }
    entry.views++;
    entry.bytes += len;
    rec.views++;
    rec.bytes += len;
    if (rec.ranges !== undefined) {
      const offset = isDataView ? dvOffset(view) : taOffset(view);
      const range = checkOverlap(rec, offset, len, site, ctor);
      released.register(view, { entry, len, range });
    } else {
      released.register(view, entry.index * SLOT + len);
    }
  }

  // Listed mode: a view made by the runner's subarray (api 0) or slice (1) native, or a Buffer
  // made by its allocUnsafe (2), that is due for a site (the first ones, one in SAMPLE_EVERY,
  // and each store's first). The natives count the others.
  function sampleNativeView(view, api) {
    if (api === 2) {
      // Inside a wrapped API the Buffer is that API's (as the wrappers' depth guard says).
      if (depth === 0) noteAllocation(view, allocUnsafeState, true, undefined, true);
      return;
    }
    // A user's own `subarray`, called by slice, may return a DataView: that one is its
    // constructor's view (as in the other mode).
    if (!isTypedArray(view)) return;
    const ab = taBuffer(view);
    if (stores.get(ab) === undefined) newStore(ab, null, undefined);
    const state = api === 1 ? sliceState : subarrayState;
    state.site = intern(userFrame(), state.api);
    viewSites.set(view, state.site);
  }

  // A new Buffer, typed array (isView) or (Shared)ArrayBuffer: a pool slice is a view like any
  // other; a large new store gets its allocation site and owner.
  function noteAllocation(result, state, isView, ctor, due) {
    // A small typed array the engine keeps on its heap (V8 and nodebuf alike) has no store, and
    // asking for its buffer would make one: skip it where the runtime can tell.
    if (isView && viewHasBuffer !== undefined && !viewHasBuffer(result)) return;
    if (!isView) {
      if (stores.get(result) === undefined && storeLength(result) >= allocFloor) {
        newStore(result, result, intern(userFrame(), state.api));
      }
      return;
    }
    const ab = taBuffer(result);
    const rec = stores.get(ab);
    const size = rec !== undefined ? rec.size : storeLength(ab);
    if (taLength(result) < size) {
      note(result, state.pool, false, ctor, due);
      return;
    }
    if (rec === undefined && size >= allocFloor) newStore(ab, result, intern(userFrame(), state.api));
  }

  // --- overlap ---------------------------------------------------------------------------
  const warnedPairs = new Set();
  // Per store: distinct live ranges by key, and the same ranges sorted by start, so a new view
  // is compared only with ranges that start within the longest range's length before it.
  function lowerBound(sorted, start) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  function checkOverlap(rec, start, len, site, ctor) {
    const end = start + len;
    const key = `${start}:${end}`;
    let range = rec.ranges.get(key);
    if (range !== undefined) { range.count++; return range; }
    const sorted = rec.sorted;
    if (len > 0) {
      let checked = 0;
      for (let i = lowerBound(sorted, start - rec.maxLen); i < sorted.length; i++) {
        const other = sorted[i];
        if (other.start >= end || ++checked > MAX_RANGES_CHECKED) break;
        if (other.dead) continue;
        const partial = other.start < end && start < other.end &&
          !(other.start <= start && end <= other.end) && !(start <= other.start && other.end <= end);
        if (partial) reportOverlap(rec, other, start, end, site, ctor);
      }
    }
    range = { key, start, end, count: 1, site, dead: false };
    rec.ranges.set(key, range);
    sorted.splice(lowerBound(sorted, start), 0, range);
    if (len > rec.maxLen) rec.maxLen = len;
    return range;
  }
  // Released ranges are marked and swept when they are half of the sorted list (removing each
  // one from the middle of a long array would cost O(n) per collected view).
  function forgetRange(rec, range) {
    rec.ranges.delete(range.key);
    range.dead = true;
    if (++rec.deadRanges * 2 > rec.sorted.length) {
      rec.sorted = rec.sorted.filter((r) => !r.dead);
      rec.deadRanges = 0;
    }
  }
  function reportOverlap(rec, other, start, end, site, ctor) {
    const pair = `${other.site.key}|${site.key}`;
    if (overlapMode === 'warn' && warnedPairs.has(pair)) return;
    warnedPairs.add(pair);
    const from = Math.max(start, other.start);
    const to = MathMin(end, other.end);
    const kind = rec.shared ? 'SharedArrayBuffer' : 'ArrayBuffer';
    const message = `Partially overlapping views of one ${formatBytes(rec.size)} ${kind}: ` +
      `bytes ${from}-${to - 1} are shared by a view of bytes ${other.start}-${other.end - 1} ` +
      `made at ${other.site.where} (${other.site.api}) and a view of bytes ${start}-${end - 1} ` +
      `made at ${site.where} (${site.api}); writes through one change the other`;
    if (overlapMode === 'throw') {
      const error = new ErrorCtor(message);
      error.code = 'ERR_BUFFER_VIEW_OVERLAP';
      // The stack starts at the user's call, not inside the tracer.
      if (typeof ctor === 'function') ErrorCtor.captureStackTrace(error, ctor);
      throw error;
    }
    options.emitWarning(message, 'BufferOverlapWarning', 'NODEBUF_BUFFER_OVERLAP');
  }

  // --- wrapping --------------------------------------------------------------------------
  function sameShape(wrapper, original) {
    ObjectDefineProperty(wrapper, 'name', { value: original.name, configurable: true });
    ObjectDefineProperty(wrapper, 'length', { value: original.length, configurable: true });
    return wrapper;
  }
  function replace(target, name, make) {
    const desc = ObjectGetOwnPropertyDescriptor(target, name);
    if (desc === undefined || typeof desc.value !== 'function') return undefined;
    const wrapper = sameShape(make(desc.value), desc.value);
    ObjectDefineProperty(target, name, { ...desc, value: wrapper });
    return wrapper;
  }

  // Buffer#subarray and Buffer#slice (Node's slice is `this.subarray(start, end)`: when that
  // finds our wrapper, the original subarray runs directly and the view counts once, as slice).
  const subarrayState = apiState('subarray');
  const sliceState = apiState('slice');
  // The originals run no wrapped API (they make the view directly), so these hot wrappers need
  // no depth guard.
  let callSubarray;
  // (Listed mode: the natives report their views themselves.)
  const subarrayWrapper = listed ? undefined : replace(Buffer.prototype, 'subarray', (orig) => {
    callSubarray = uncurry(orig);
    return function subarray(start, end) {
      const view = callSubarray(this, start, end);
      note(view, subarrayState, false, subarray);
      return view;
    };
  });
  if (!listed) replace(Buffer.prototype, 'slice', () => {
    // Node's slice is `this.subarray(start, end)`: `subarray` is read once, here, as there.
    return function slice(start, end) {
      const subarray = this.subarray;
      if (subarray === subarrayWrapper) {
        const view = callSubarray(this, start, end);
        note(view, sliceState, false, slice);
        return view;
      }
      if (typeof subarray !== 'function') throw new TypeError('this.subarray is not a function');
      // A user's own `subarray` may return anything: record only typed arrays.
      const result = ReflectApply(subarray, this, [start, end]);
      if (isTypedArray(result)) note(result, sliceState, false, slice);
      return result;
    };
  });
  // %TypedArray%#subarray (Uint8Array, Float64Array, ... and Buffers whose own was removed).
  const taSubarrayState = apiState('TypedArray#subarray');
  replace(TypedArray.prototype, 'subarray', (orig) => {
    const call = uncurry(orig);
    // The engine makes the result through the species constructor (our proxy): guard.
    return function subarray(start, end) {
      if (depth !== 0) return call(this, start, end);
      depth++;
      let view;
      try { view = call(this, start, end); } finally { depth--; }
      note(view, taSubarrayState, false, subarray);
      return view;
    };
  });

  // Buffer.from: a view for (array)buffers, a copy (maybe a pool slice) otherwise.
  const fromViewState = apiState('Buffer.from(arrayBuffer)');
  const fromState = apiState('Buffer.from');
  replace(Buffer, 'from', (orig) => function from(value, encodingOrOffset, length) {
    if (depth !== 0) return ReflectApply(orig, this, arguments);
    depth++;
    let result;
    try { result = ReflectApply(orig, this, arguments); } finally { depth--; }
    if (isArrayBuffer(value) || isSharedArrayBuffer(value)) note(result, fromViewState, false, from);
    else noteAllocation(result, fromState, true, from);
    return result;
  });
  const allocUnsafeState = apiState('Buffer.allocUnsafe');
  for (const name of ['alloc', 'allocUnsafe', 'allocUnsafeSlow', 'concat', 'copyBytesFrom']) {
    const state = apiState(`Buffer.${name}`);
    // (Listed mode: the runner's allocUnsafe native reports its Buffers itself.)
    if (listed && name === 'allocUnsafe') continue;
    replace(Buffer, name, (orig) => {
      const call = uncurry(orig);
      return function allocator(a, b, c) {
        if (depth !== 0) return call(this, a, b, c);
        depth++;
        let result;
        try { result = call(this, a, b, c); } finally { depth--; }
        noteAllocation(result, state, true, allocator);
        return result;
      };
    });
  }

  // Constructors: typed arrays and DataView over an existing buffer are views; ArrayBuffer,
  // SharedArrayBuffer and typed arrays given a length make stores. A Proxy keeps `instanceof`,
  // statics and subclassing (`extends Uint8Array`) working; `prototype.constructor` points at
  // the proxy so `new Uint8Array(1).constructor === Uint8Array` still holds.
  function wrapConstructor(name, onConstruct) {
    const Original = g[name];
    if (typeof Original !== 'function') return;
    const handler = {
      construct(target, args, newTarget) {
        if (depth !== 0) return ReflectConstruct(target, args, newTarget === proxy ? target : newTarget);
        depth++;
        let result;
        try {
          result = ReflectConstruct(target, args, newTarget === proxy ? target : newTarget);
        } finally { depth--; }
        onConstruct(result, args, handler.construct);
        return result;
      },
    };
    const proxy = new Proxy(Original, handler);
    const desc = ObjectGetOwnPropertyDescriptor(g, name);
    ObjectDefineProperty(g, name, { ...desc, value: proxy });
    const ctorDesc = ObjectGetOwnPropertyDescriptor(Original.prototype, 'constructor');
    ObjectDefineProperty(Original.prototype, 'constructor', { ...ctorDesc, value: proxy });
    // `Object.getPrototypeOf(Buffer) === Uint8Array` holds in both runtimes: keep it true.
    if (ObjectGetPrototypeOf(Buffer) === Original) Object.setPrototypeOf(Buffer, proxy);
  }
  const typedNames = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
    'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];
  for (const name of typedNames) {
    const viewState = apiState(`new ${name}(buffer)`);
    const allocState = apiState(`new ${name}`);
    wrapConstructor(name, (result, args, ctor) => {
      if (isArrayBuffer(args[0]) || isSharedArrayBuffer(args[0])) note(result, viewState, false, ctor);
      else noteAllocation(result, allocState, true, ctor);
    });
  }
  const dataViewState = apiState('new DataView');
  wrapConstructor('DataView', (result, args, ctor) => note(result, dataViewState, true, ctor));
  for (const name of ['ArrayBuffer', 'SharedArrayBuffer']) {
    const state = apiState(`new ${name}`);
    wrapConstructor(name, (result, args, ctor) => noteAllocation(result, state, false, ctor));
  }

  // --- reports ---------------------------------------------------------------------------
  // Listed mode: the store's live views by site, from the engine's list (creation order). The
  // owner is not a view; views listed before the first one the tracer saw were made before
  // tracing started (or by the runtime itself) and are not counted, as in the other mode.
  function listedCounts(ab, owner) {
    const list = options.views.viewsOf(ab);
    const bySite = new MapCtor();
    let site;
    let views = 0;
    let bytes = 0;
    for (let i = 0; i < list.length; i++) {
      const view = list[i];
      if (view === owner) continue;
      const own = viewSites.get(view);
      if (own !== undefined) site = own;
      else if (site === undefined) continue;
      else sampled = true;
      const len = isTypedArray(view) ? taLength(view) : dvLength(view);
      let entry = bySite.get(site);
      if (entry === undefined) bySite.set(site, entry = { site, views: 0, bytes: 0 });
      entry.views++;
      entry.bytes += len;
      views++;
      bytes += len;
    }
    return { views, bytes, entries: bySite.values() };
  }

  function storeFacts(rec) {
    const ab = rec.ref.deref();
    if (ab === undefined) return undefined;
    let owner = 'unknown';
    const ownerObject = rec.owner === null ? undefined : rec.owner.deref();
    if (rec.owner !== null) owner = ownerObject === undefined ? 'gone' : 'alive';
    const counted = listed ? listedCounts(ab, ownerObject) :
      { views: rec.views, bytes: rec.bytes, entries: rec.entries.values() };
    const sitesOut = [];
    for (const entry of counted.entries) {
      if (entry.views > 0) {
        sitesOut.push({ site: entry.site.where, api: entry.site.api, views: entry.views, bytes: entry.bytes });
      }
    }
    sitesOut.sort((a, b) => b.views - a.views || a.bytes - b.bytes || (a.site < b.site ? -1 : 1));
    return {
      id: rec.id,
      bytes: rec.size,
      type: rec.shared ? 'SharedArrayBuffer' : 'ArrayBuffer',
      allocatedAt: rec.allocatedAt === undefined ? null : rec.allocatedAt.where,
      allocatedBy: rec.allocatedAt === undefined ? null : rec.allocatedAt.api,
      owner,
      views: counted.views,
      viewBytes: counted.bytes,
      coveredFraction: rec.size === 0 ? 1 : MathMin(1, counted.bytes / rec.size),
      sites: sitesOut,
    };
  }

  function verdictOf(store) {
    if (store.views === 0) return null;
    const top = store.sites[0];
    const made = top === undefined ? '' : `, made at ${top.site} (${top.api})` +
      (store.sites.length > 1 ? ` and ${store.sites.length - 1} more site${store.sites.length > 2 ? 's' : ''}` : '');
    const covering = `${formatCount(store.views)} view${store.views === 1 ? '' : 's'} covering ` +
      `${formatBytes(store.viewBytes)} (${formatPercent(store.coveredFraction)})`;
    if (store.owner === 'alive') {
      return `${formatBytes(store.bytes)} shared by its owner and ${covering}${made}`;
    }
    if (store.owner === 'unknown') {
      return `${formatBytes(store.bytes)} held by ${covering}${made} (and by its owner, if any: ` +
        'it was allocated outside the traced APIs)';
    }
    return `${formatBytes(store.bytes)} kept alive by ${covering}${made}; ` +
      'copy them with Buffer.from(view) if they outlive the parent';
  }

  function report(opts) {
    const min = opts !== undefined && typeof opts.threshold === 'number' ? opts.threshold : threshold;
    const out = [];
    let traced = 0;
    for (const rec of live) {
      const facts = storeFacts(rec);
      if (facts === undefined) continue;
      traced++;
      if (facts.bytes < min) continue;
      facts.pinned = facts.owner === 'gone' && facts.views > 0;
      facts.verdict = verdictOf(facts);
      out.push(facts);
    }
    // Pinned stores first, then by the bytes their views leave uncovered.
    out.sort((a, b) => (b.pinned - a.pinned) ||
      ((b.bytes - MathMin(b.bytes, b.viewBytes)) - (a.bytes - MathMin(a.bytes, a.viewBytes))) || a.id - b.id);
    return {
      runtime: options.runtime,
      thread: options.thread,
      covers: options.thread === 'main' ?
        'views made on the main thread; each worker records its own (call report() there)' :
        `views made on this thread (${options.thread}) only`,
      threshold: min,
      sites: !sampled ? 'every view has its own site; view counts and bytes are exact' :
        listed ?
          `exact for the first ${EXACT_SITES} views made by each API and the first view of each store, ` +
            `then sampled 1 in ${SAMPLE_EVERY} (an unsampled view is counted at the site of the nearest ` +
            'earlier sampled view of its store); view counts and bytes are exact (read from the engine\'s ' +
            'list of each store\'s views)' :
          `exact for the first ${EXACT_SITES} views made by each API, then sampled 1 in ${SAMPLE_EVERY} ` +
            '(an unsampled view is counted at its API\'s latest sampled site); view counts and bytes are exact',
      liveStoresTraced: traced,
      // nodebuf only: zeroed blocks kept for reuse (not live stores, not in arrayBuffers).
      ...(options.recycled !== undefined ? { recycled: options.recycled() } : {}),
      stores: out,
    };
  }

  function snapshot() {
    const out = [];
    for (const rec of live) {
      const facts = storeFacts(rec);
      if (facts !== undefined) out.push(facts);
    }
    return { runtime: options.runtime, thread: options.thread, stores: out };
  }

  // The growth from snapshot a to snapshot b, by allocation site and by view site.
  function diff(a, b) {
    const allocs = new MapCtor();
    const views = new MapCtor();
    const add = (snap, sign) => {
      for (const store of snap.stores) {
        const where = store.allocatedAt === null ? 'unknown' : `${store.allocatedAt} (${store.allocatedBy})`;
        let row = allocs.get(where);
        if (row === undefined) allocs.set(where, row = { site: where, stores: 0, bytes: 0 });
        row.stores += sign;
        row.bytes += sign * store.bytes;
        for (const site of store.sites) {
          const key = `${site.site} (${site.api})`;
          let v = views.get(key);
          if (v === undefined) views.set(key, v = { site: site.site, api: site.api, views: 0, bytes: 0, pinnedBytes: 0 });
          v.views += sign * site.views;
          v.bytes += sign * site.bytes;
        }
      }
    };
    add(a, -1);
    add(b, 1);
    const allocations = [...allocs.values()].filter((r) => r.stores !== 0 || r.bytes !== 0)
      .sort((x, y) => y.bytes - x.bytes || y.stores - x.stores);
    const viewRows = [...views.values()].filter((r) => r.views !== 0 || r.bytes !== 0)
      .map(({ site, api, views: n, bytes }) => ({ site, api, views: n, bytes }))
      .sort((x, y) => y.views - x.views || y.bytes - x.bytes);
    return { allocations, views: viewRows };
  }

  return { report, snapshot, diff, format: formatReport };
}

// --- text ------------------------------------------------------------------------------------
function formatCount(n) {
  const s = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return n < 0 ? `-${out}` : out;
}

function formatBytes(n) {
  const abs = Math.abs(n);
  const fixed = (v) => v.toFixed(v >= 10 ? 1 : 2);
  if (abs >= 1024 * MIB) return `${fixed(n / (1024 * MIB))} GiB`;
  if (abs >= 0.01 * MIB) return `${fixed(n / MIB)} MiB`;
  if (abs >= 1024) return `${fixed(n / 1024)} KiB`;
  return `${n} B`;
}

function formatPercent(fraction) {
  const p = fraction * 100;
  return `${p < 0.1 && p > 0 ? p.toFixed(2) : p.toFixed(1)}%`;
}

/** The text form of a report object (what --trace-retention prints). */
function formatReport(r) {
  const lines = [];
  const pinned = r.stores.filter((s) => s.pinned).length;
  lines.push(`retention report (${r.runtime}): ${r.stores.length} live store${r.stores.length === 1 ? '' : 's'} ` +
    `>= ${formatBytes(r.threshold)} (of ${r.liveStoresTraced} traced), ${pinned} pinned only by views`);
  lines.push(`  covers: ${r.covers}`);
  lines.push(`  sites: ${r.sites}`);
  if (r.recycled !== undefined) {
    lines.push(`  recycled: ${formatBytes(r.recycled.readyBytes)} in ${formatCount(r.recycled.readyBlocks)} zeroed ` +
      `block${r.recycled.readyBlocks === 1 ? '' : 's'} ready for reuse, ${formatBytes(r.recycled.queuedBytes)} queued ` +
      `for scrubbing (limit ${formatBytes(r.recycled.limit)}; freed memory, not counted in arrayBuffers)`);
  }
  for (const s of r.stores) {
    const alloc = s.allocatedAt === null ? 'allocated outside the traced APIs' :
      `allocated at ${s.allocatedAt} (${s.allocatedBy})`;
    const owner = s.owner === 'gone' ? '; owner gone, only views keep it alive' :
      s.owner === 'alive' ? '; owner alive' : '';
    lines.push(`store #${s.id}: ${formatBytes(s.bytes)} ${s.type} (${formatCount(s.bytes)} bytes), ${alloc}${owner}`);
    lines.push(`  ${formatCount(s.views)} live view${s.views === 1 ? '' : 's'} covering ` +
      `${formatBytes(s.viewBytes)} (${formatPercent(s.coveredFraction)})`);
    for (const site of s.sites) {
      lines.push(`    ${formatCount(site.views)} view${site.views === 1 ? '' : 's'}, ${formatBytes(site.bytes)}, ` +
        `made at ${site.site} (${site.api})`);
    }
    if (s.verdict !== null) lines.push(`  => ${s.verdict}`);
  }
  return `${lines.join('\n')}\n`;
}

module.exports = { install, formatReport, formatBytes, formatCount };
