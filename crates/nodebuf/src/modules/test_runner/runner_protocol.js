// How a spawned test file's events travel to the runner: one line each, `\u001eNODEBUF-TEST `
// then JSON, with errors (and undefined, bigints, non-finite numbers) encoded so that the
// parent rebuilds objects the reporters treat as the child's.
'use strict';

const kMarker = '\u001eNODEBUF-TEST ';

function encodeValue(value, seen) {
  if (value === undefined) return { $: 'undefined' };
  if (typeof value === 'bigint') return { $: 'bigint', v: String(value) };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $: 'number', v: String(value) };
  if (typeof value === 'symbol') return { $: 'symbol', v: String(value.description) };
  if (typeof value === 'function') return { $: 'function', v: value.name };
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return { $: 'circular' };
  seen.add(value);
  try {
    if (value instanceof Error || require('util').types.isNativeError(value)) {
      const props = {};
      for (const key of Object.keys(value)) props[key] = encodeValue(value[key], seen);
      return {
        $: 'error',
        name: value.name,
        message: value.message,
        stack: typeof value.stack === 'string' ? value.stack : undefined,
        cause: 'cause' in value ? encodeValue(value.cause, seen) : { $: 'none' },
        props,
      };
    }
    if (Array.isArray(value)) return { $: 'array', v: value.map((item) => encodeValue(item, seen)) };
    if (value instanceof Date) return { $: 'date', v: value.toISOString() };
    const out = {};
    for (const key of Object.keys(value)) out[key] = encodeValue(value[key], seen);
    return { $: 'object', v: out };
  } finally {
    seen.delete(value);
  }
}

function decodeValue(value) {
  if (value === null || typeof value !== 'object') return value;
  switch (value.$) {
    case 'undefined': return undefined;
    case 'bigint': return BigInt(value.v);
    case 'number': return Number(value.v);
    case 'symbol': return Symbol(value.v);
    case 'function': return `[Function: ${value.v || '(anonymous)'}]`;
    case 'circular': return '[Circular]';
    case 'array': return value.v.map(decodeValue);
    case 'date': return new Date(value.v);
    case 'object': {
      const out = {};
      for (const key of Object.keys(value.v)) out[key] = decodeValue(value.v[key]);
      return out;
    }
    case 'error': {
      const error = new Error(value.message);
      Object.defineProperty(error, 'name', { value: value.name, writable: true, configurable: true });
      Object.defineProperty(error, 'stack', { value: value.stack, writable: true, configurable: true });
      for (const key of Object.keys(value.props)) error[key] = decodeValue(value.props[key]);
      if (value.cause.$ !== 'none' && !('cause' in value.props)) {
        Object.defineProperty(error, 'cause', { value: decodeValue(value.cause), writable: true, configurable: true });
      }
      return error;
    }
    default: return value;
  }
}

function encodeEvent({ type, data }) {
  return `${kMarker}${JSON.stringify({ type, data: encodeValue(data, new Set()) })}\n`;
}

function decodeEvent(line) {
  const { type, data } = JSON.parse(line.slice(kMarker.length));
  return { type, data: decodeValue(data) };
}

module.exports = { kMarker, encodeEvent, decodeEvent };
