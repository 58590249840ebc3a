// `tls`: TLS sockets and servers as Node v20 has them, over an in-memory rustls session
// (modules/tls.rs). A TLSSocket is a net.Socket whose bytes go through the session: ciphertext
// from its transport (a net.Socket, or any duplex) is fed to the session, decrypted bytes are
// pushed to the readable side, and what the session wants to send is written to the transport.
// Certificate checks never fail the handshake itself: as in Node, the session records why a
// chain is untrusted and the socket decides once the handshake is done (rejectUnauthorized,
// checkServerIdentity, authorized/authorizationError).
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setTimeout, clearTimeout } = require('timers');

const net = require('net');
const { codes, makeNodeError, validateFunction } = require('internal/errors');
const { legacyObject, canonicalIP } = require('internal/tls/certificate');

const n = native;
const HANDSHAKING = 1;
const HELLO_READY = 2;
const PEER_CLOSED = 4;

const DEFAULT_MIN_VERSION = 'TLSv1.2';
const DEFAULT_MAX_VERSION = 'TLSv1.3';
const DEFAULT_CIPHERS = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';

// OpenSSL's texts for the verify codes the session reports.
const verifyMessages = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: 'unable to decode issuer public key',
};

function verifyError(code) {
  const err = new Error(verifyMessages[code] || code);
  err.code = code;
  return err;
}

// OpenSSL's error numbers (library SSL, 0x0A) for the reasons the session reports; a received
// alert's reason number is 1000 + the alert number.
const sslReasonNumbers = {
  'no application protocol': 0xEB,
  'unsupported protocol': 0x102,
  'peer did not return a certificate': 0xC7,
  'wrong version number': 0x10B,
  'packet length too long': 0xC6,
  'decryption failed or bad record mac': 0x119,
  'unexpected message': 0xF4,
};

/** Node's error for an OpenSSL failure: `error:0A0000EB:SSL routines::reason`, with `library`,
 * `reason` and `code` (`ERR_SSL_` + the reason in capitals). */
function sslError([reason, alert]) {
  const number = alert >= 0 ? 1000 + alert : sslReasonNumbers[reason] || 0;
  let message = `error:0A000${number.toString(16).toUpperCase().padStart(3, '0')}:SSL routines::${reason}`;
  if (alert >= 0) message += `:SSL alert number ${alert}`;
  const err = new Error(`${message}\n`);
  err.library = 'SSL routines';
  err.reason = reason;
  err.code = `ERR_SSL_${reason.toUpperCase().replace(/[ -]/g, '_')}`;
  return err;
}

// An OpenSSL failure while loading key material (createSecureContext).
function materialError(reason) {
  const [library, text] = reason.split('::');
  const err = new Error(`error:${library === 'PEM routines' ? '0480006C' : library === 'DECODER routines' ? '1E08010C' : '05800074'}:${reason}`);
  err.library = library;
  err.reason = text;
  err.code = `ERR_OSSL_${(library === 'x509 certificate routines' ? 'X509' : library.split(' ')[0]).toUpperCase()}_${text.toUpperCase().replace(/ /g, '_')}`;
  return err;
}

// --- secure contexts ---------------------------------------------------------------------

const protocolNumbers = { TLSv1: 12, 'TLSv1.1': 12, 'TLSv1.2': 12, 'TLSv1.3': 13 };

function protocolNumber(value, fallback, which) {
  if (value === undefined || value === null) return protocolNumbers[fallback];
  const number = typeof value === 'string' ? protocolNumbers[value] : undefined;
  if (number === undefined) {
    throw makeNodeError(TypeError, 'ERR_TLS_INVALID_PROTOCOL_VERSION',
      `${JSON.stringify(value)} is not a valid ${which === 'min' ? 'minimum' : 'maximum'} TLS protocol version`);
  }
  return number;
}

// `ca`/`cert`/`key`: a string, Buffer, or an array of them (key entries may be `{ pem }`).
function materialList(value, name) {
  if (value === undefined || value === null) return null;
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (item !== null && typeof item === 'object' && !ArrayBuffer.isView(item) && item.pem !== undefined) item = item.pem;
    if (typeof item === 'string') return Buffer.from(item);
    if (ArrayBuffer.isView(item)) return Buffer.from(item.buffer, item.byteOffset, item.byteLength);
    throw codes.ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'Buffer', 'TypedArray', 'DataView'], item);
  });
}

/** `tls.SecureContext`: what createSecureContext returns; `context` is the native handle. */
class SecureContext {
  constructor(options) {
    const min = protocolNumber(options.minVersion, exported.DEFAULT_MIN_VERSION, 'min');
    const max = protocolNumber(options.maxVersion, exported.DEFAULT_MAX_VERSION, 'max');
    const handle = n.tlsContextNew(materialList(options.ca, 'ca'), materialList(options.cert, 'cert'),
      materialList(options.key, 'key'), min, max);
    if (Array.isArray(handle)) throw materialError(handle[0]);
    this.context = handle;
  }
}

/** `tls.createSecureContext([options])`. */
function createSecureContext(options) {
  if (options === undefined) options = {};
  return new SecureContext(options);
}

// ALPNProtocols: an array of strings/Buffers, or one Buffer/typed array in wire format.
function alpnList(value) {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    return value.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)));
  }
  if (ArrayBuffer.isView(value)) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    const out = [];
    for (let i = 0; i < bytes.length;) {
      const len = bytes[i];
      out.push(Buffer.from(bytes.subarray(i + 1, i + 1 + len)));
      i += 1 + len;
    }
    return out;
  }
  throw codes.ERR_INVALID_ARG_TYPE('options.ALPNProtocols', ['Array', 'Buffer', 'TypedArray', 'DataView'], value);
}

// --- TLSSocket ---------------------------------------------------------------------------

/** `new tls.TLSSocket(socket[, options])`: TLS over `socket` (a net.Socket or any duplex;
 * undefined makes one that `connect` opens). */
function TLSSocket(socket, options) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, options);
  options = { ...options };
  let { allowHalfOpen } = options;
  if (allowHalfOpen === undefined && socket !== undefined && socket !== null) allowHalfOpen = socket.allowHalfOpen;
  net.Socket.call(this, { allowHalfOpen });
  this._tlsOptions = options;
  this._secureEstablished = false;
  this._securePending = false;
  this._newSessionPending = false;
  this._controlReleased = false;
  this.secureConnecting = true;
  this._SNICallback = null;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this.encrypted = true;
  this._session = null;
  this._context = null;
  this._pushedEnd = false;
  this._transport = null;
  this._ownTransport = false;
  if (socket !== undefined && socket !== null) this._wrap(socket);
  if (options.isServer) this._initServer();
  else if (this._transport !== null) this._initClient();
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

TLSSocket.prototype._wrap = function wrap(transport) {
  this._transport = transport;
  this.connecting = Boolean(transport.connecting);
  transport.on('data', (chunk) => this._onCipher(chunk));
  transport.on('end', () => this._onTransportEnd());
  transport.on('error', (err) => this._onTransportError(err));
  transport.on('close', () => {
    if (!this.destroyed) this.destroy();
    else if (this._closeWaiting) this._emitClose();
  });
  if (transport.connecting) {
    transport.once('connect', () => {
      this.connecting = false;
      this.emit('connect');
    });
  }
  if (typeof transport.resume === 'function' && transport.readableFlowing !== true) transport.resume();
};

TLSSocket.prototype._initClient = function initClient() {
  const options = this._tlsOptions;
  const context = options.secureContext || createSecureContext(options);
  this._context = context;
  const name = options.servername !== undefined && options.servername !== null ? options.servername : null;
  const session = n.tlsClient(context.context, name, alpnList(options.ALPNProtocols));
  if (Array.isArray(session)) {
    process.nextTick(() => this.destroy(sslError(session)));
    return;
  }
  this._session = session;
  this.servername = name !== null && name !== '' ? name : false;
  this._flushCipher();
};

TLSSocket.prototype._initServer = function initServer() {
  this._session = n.tlsServer();
  this.server = this._tlsOptions.server;
  const timeout = this.server ? this.server._handshakeTimeout : 0;
  if (timeout > 0) {
    this._handshakeTimer = setTimeout(() => {
      this._handshakeTimer = null;
      if (!this._secureEstablished && !this.destroyed) {
        this._tlsFail(makeNodeError(Error, 'ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout'));
      }
    }, timeout);
    if (typeof this._handshakeTimer.unref === 'function') this._handshakeTimer.unref();
  }
};

// Ciphertext from the transport.
TLSSocket.prototype._onCipher = function onCipher(chunk) {
  if (this._session === null || this.destroyed) return;
  const failed = n.tlsFeed(this._session, chunk);
  if (failed !== null) {
    this._tlsFail(sslError(failed));
    return;
  }
  // Checks run before the reply goes out: a client that rejects the server's certificate
  // closes without sending its Finished, as Node's does.
  this._advance();
  this._flushCipher();
};

// Moves the session on: a ClientHello to answer, a finished handshake, decrypted data, EOF.
TLSSocket.prototype._advance = function advance() {
  if (this._session === null || this.destroyed) return;
  const status = n.tlsStatus(this._session);
  if (status & HELLO_READY) {
    if (!this._helloPending) this._onHello();
    return;
  }
  if (!(status & HANDSHAKING) && !this._secureEstablished) this._onSecure();
  if (this.destroyed || this._session === null) return;
  const plain = n.tlsRead(this._session);
  if (plain !== null && this._secureEstablished) {
    this._bytesRead += plain.length;
    this._touch();
    this.push(plain);
  } else if (plain !== null) {
    this._heldPlain = plain;
  }
  if ((status & PEER_CLOSED) && !this._pushedEnd && this._secureEstablished) {
    this._pushedEnd = true;
    this.push(null);
    this.read(0);
  }
};

// Server: the ClientHello is in; pick a context (SNICallback), then go on with the handshake.
TLSSocket.prototype._onHello = function onHello() {
  this._helloPending = true;
  const [servername, offered] = n.tlsHello(this._session);
  this.servername = servername === undefined || servername === null ? false : servername;
  const server = this.server;
  const options = this._tlsOptions;
  const proceed = (err, context) => {
    if (this.destroyed || this._session === null) return;
    if (err) {
      this._tlsFail(err);
      return;
    }
    const chosen = context || options.secureContext;
    let alpn = options.ALPNProtocols ? alpnList(options.ALPNProtocols) : [];
    if (typeof options.ALPNCallback === 'function') {
      const picked = options.ALPNCallback({ servername: this.servername, protocols: offered });
      alpn = picked === undefined ? [] : [Buffer.from(picked)];
    }
    const failed = n.tlsAccept(this._session, chosen.context, alpn, Boolean(options.requestCert),
      options.rejectUnauthorized !== false, options.secureContext.context);
    this._helloPending = false;
    this._flushCipher();
    if (failed !== null) {
      this._tlsFail(sslError(failed));
      return;
    }
    this._advance();
  };
  const callback = options.SNICallback;
  if (typeof callback === 'function' && servername) {
    let called = false;
    callback(servername, (err, context) => {
      if (called) return;
      called = true;
      proceed(err, context);
    });
  } else {
    proceed(null, null);
  }
  void server;
};

TLSSocket.prototype._flushCipher = function flushCipher(cb) {
  if (this._session === null) {
    if (cb) process.nextTick(cb);
    return;
  }
  const out = n.tlsTakeOutput(this._session);
  const transport = this._transport;
  // A transport that saw the peer's FIN and is not half-open is closing itself; writing to it
  // would be EPIPE.
  const closing = transport !== null && transport.readableEnded && transport.allowHalfOpen === false;
  if (out === null || transport === null || transport.destroyed || transport.writableEnded || closing) {
    if (cb) process.nextTick(cb);
    return;
  }
  if (cb) transport.write(out, cb);
  else transport.write(out);
};

TLSSocket.prototype._onSecure = function onSecure() {
  this._secureEstablished = true;
  this.secureConnecting = false;
  if (this._handshakeTimer) {
    clearTimeout(this._handshakeTimer);
    this._handshakeTimer = null;
  }
  const info = n.tlsInfo(this._session);
  this.alpnProtocol = info.alpn === undefined || info.alpn === null ? false : info.alpn;
  const options = this._tlsOptions;
  if (options.isServer) {
    if (options.requestCert) {
      const code = info.verifyError !== undefined && info.verifyError !== null ? info.verifyError
        : (info.peerCertificates.length === 0 ? 'UNABLE_TO_GET_ISSUER_CERT' : null);
      if (code !== null) {
        this.authorizationError = code;
        if (options.rejectUnauthorized !== false) {
          this.destroy();
          return;
        }
      } else {
        this.authorized = true;
      }
    }
    this.emit('secure');
    this._releasePlain();
    if (!this.destroyed && this.server) this.server.emit('secureConnection', this);
    return;
  }
  let error = info.verifyError !== undefined && info.verifyError !== null ? verifyError(info.verifyError) : undefined;
  if (error === undefined) {
    const hostname = options.servername || options.host || (options.socket && options.socket._host) || 'localhost';
    const check = typeof options.checkServerIdentity === 'function' ? options.checkServerIdentity : checkServerIdentity;
    error = check(hostname, this.getPeerCertificate(true));
  }
  if (error) {
    this.authorized = false;
    this.authorizationError = error.code || error.message;
    if (options.rejectUnauthorized !== false) {
      this.destroy(error);
      return;
    }
  } else {
    this.authorized = true;
  }
  this.emit('secureConnect');
  this._releasePlain();
};

// Data decrypted along with the handshake's last flight goes out after 'secure'.
TLSSocket.prototype._releasePlain = function releasePlain() {
  const plain = this._heldPlain;
  this._heldPlain = null;
  if (plain) {
    this._bytesRead += plain.length;
    this.push(plain);
  }
  if (!this.destroyed) process.nextTick(() => this._advance());
};

// A TLS failure: a client socket errors; a server socket reports it with 'tlsClientError'.
TLSSocket.prototype._tlsFail = function tlsFail(err) {
  if (this.destroyed) return;
  this._flushCipher();
  if (this._tlsOptions.isServer && !this._secureEstablished && this.server) {
    this.server.emit('tlsClientError', err, this);
    this.destroy();
    return;
  }
  this.destroy(err);
};

TLSSocket.prototype._onTransportEnd = function onTransportEnd() {
  if (!this._secureEstablished) {
    if (this._tlsOptions.isServer) {
      const err = new Error('socket hang up');
      err.code = 'ECONNRESET';
      this._tlsFail(err);
      return;
    }
    const options = this._tlsOptions;
    const err = new Error('Client network socket disconnected before secure TLS connection was established');
    err.code = 'ECONNRESET';
    err.path = options.path;
    err.host = options.host;
    err.port = options.port;
    err.localAddress = options.localAddress;
    this.destroy(err);
    return;
  }
  if (!this._pushedEnd) {
    this._pushedEnd = true;
    this.push(null);
    this.read(0);
  }
};

TLSSocket.prototype._onTransportError = function onTransportError(err) {
  if (this._tlsOptions.isServer && !this._secureEstablished) {
    this._tlsFail(err);
    return;
  }
  this.destroy(err);
};

TLSSocket.prototype._read = function read() {
  if (this._transport !== null && typeof this._transport.resume === 'function' && !this._transport.destroyed) {
    this._transport.resume();
  }
};

TLSSocket.prototype._writev = function writev(chunks, cb) {
  if (this._session === null) {
    cb(makeNodeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
    return;
  }
  for (const { chunk, encoding } of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    this._bytesDispatched += bytes.length;
    n.tlsWrite(this._session, bytes);
  }
  this._touch();
  this._flushCipher(cb);
};

TLSSocket.prototype._write = function write(chunk, encoding, cb) {
  this._writev([{ chunk, encoding }], cb);
};

TLSSocket.prototype._final = function final(cb) {
  if (this._session !== null) n.tlsEnd(this._session);
  this._flushCipher();
  const transport = this._transport;
  if (transport === null || transport.destroyed) {
    cb();
    return;
  }
  transport.end();
  cb();
};

TLSSocket.prototype._destroy = function destroy(exception, cb) {
  this._clearTimer();
  if (this._handshakeTimer) {
    clearTimeout(this._handshakeTimer);
    this._handshakeTimer = null;
  }
  const transport = this._transport;
  this._session = null;
  cb(exception);
  if (transport !== null && !transport.destroyed) {
    this._closeWaiting = true;
    this._closeHadError = Boolean(exception);
    transport.destroy();
  } else {
    this._closeHadError = Boolean(exception);
    process.nextTick(() => this._emitClose());
  }
  if (this._server !== null && this._server !== undefined) {
    const server = this._server;
    this._server = null;
    server._connections--;
    server._emitCloseIfDrained();
  }
};

TLSSocket.prototype._emitClose = function emitClose() {
  if (this._closeEmitted) return;
  this._closeEmitted = true;
  this._closeWaiting = false;
  this.emit('close', this._closeHadError);
};

TLSSocket.prototype._isActive = function isActive() {
  return false;
};

/** `tlsSocket.connect(...)`: opens the transport this socket made for itself. */
TLSSocket.prototype.connect = function connect(...args) {
  // Half-open: the TLS socket decides when its transport ends (after close_notify).
  const transport = new net.Socket({ allowHalfOpen: true });
  this._ownTransport = true;
  transport.connect(...args);
  this._wrap(transport);
  this._initClient();
  return this;
};

// Addresses and socket options belong to the transport.
for (const name of ['remoteAddress', 'remotePort', 'remoteFamily', 'localAddress', 'localPort', 'localFamily']) {
  Object.defineProperty(TLSSocket.prototype, name, {
    get() { return this._transport === null ? undefined : this._transport[name]; },
    configurable: true, enumerable: false,
  });
}
Object.defineProperty(TLSSocket.prototype, 'pending', {
  get() { return this._transport === null || Boolean(this._transport.pending); },
  configurable: true, enumerable: false,
});

TLSSocket.prototype.address = function address() {
  return this._transport !== null && typeof this._transport.address === 'function' ? this._transport.address() : {};
};

for (const method of ['setNoDelay', 'setKeepAlive', 'ref', 'unref']) {
  TLSSocket.prototype[method] = function delegate(...args) {
    if (this._transport !== null && typeof this._transport[method] === 'function') this._transport[method](...args);
    return this;
  };
}

TLSSocket.prototype.getPeerCertificate = function getPeerCertificate(detailed) {
  if (this.destroyed) return null;
  if (this._session === null) return {};
  const info = n.tlsInfo(this._session);
  const chain = info.peerCertificates || [];
  if (chain.length === 0) return {};
  const ca = detailed ? n.tlsContextInfo(this._issuerContext().context).ca : [];
  return legacyObject(chain, Boolean(detailed), ca);
};

// The context whose `ca` completes the peer's chain for getPeerCertificate(true).
TLSSocket.prototype._issuerContext = function issuerContext() {
  return this._tlsOptions.isServer ? this._tlsOptions.secureContext : this._context;
};

TLSSocket.prototype.getCertificate = function getCertificate() {
  const context = this._tlsOptions.isServer ? this._tlsOptions.secureContext : this._context;
  if (context === null || context === undefined) return null;
  const { cert } = n.tlsContextInfo(context.context);
  return cert === null ? {} : legacyObject([cert], false, []);
};

TLSSocket.prototype.getProtocol = function getProtocol() {
  if (this.destroyed) return null;
  const protocol = this._session === null ? undefined : n.tlsInfo(this._session).protocol;
  // Before the handshake OpenSSL names the highest version the socket may use.
  if (protocol === undefined || protocol === null) {
    const max = this._tlsOptions.maxVersion || exported.DEFAULT_MAX_VERSION;
    return max === 'TLSv1.3' ? 'TLSv1.3' : 'TLSv1.2';
  }
  return protocol;
};

TLSSocket.prototype.getCipher = function getCipher() {
  if (this._session === null) return null;
  const { cipher, protocol } = n.tlsInfo(this._session);
  if (cipher === undefined) return {};
  return { name: cipher[0], standardName: cipher[1], version: protocol };
};

TLSSocket.prototype.getSession = function getSession() {
  return undefined;
};

TLSSocket.prototype.isSessionReused = function isSessionReused() {
  return false;
};

TLSSocket.prototype.getTLSTicket = function getTLSTicket() {
  return undefined;
};

TLSSocket.prototype.getEphemeralKeyInfo = function getEphemeralKeyInfo() {
  if (this._tlsOptions.isServer) return null;
  return {};
};

TLSSocket.prototype.setServername = function setServername(name) {
  if (typeof name !== 'string') throw codes.ERR_INVALID_ARG_TYPE('name', 'string', name);
  if (this._tlsOptions.isServer) {
    throw makeNodeError(Error, 'ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket');
  }
  this._tlsOptions.servername = name;
};

TLSSocket.prototype.setMaxSendFragment = function setMaxSendFragment(size) {
  return size >= 512 && size <= 16384;
};

TLSSocket.prototype.enableTrace = function enableTrace() {};

// --- checkServerIdentity -----------------------------------------------------------------

function withoutFinalDot(host) {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

function hostParts(host) {
  return withoutFinalDot(host).toLowerCase().split('.');
}

// Whether `host` matches the certificate name `pattern` (a `*` only as part of the left-most
// label of a name with three or more labels, never in an IDN label).
function matchesPattern(host, pattern, wildcards) {
  if (!pattern) return false;
  const wanted = hostParts(host);
  const parts = hostParts(pattern);
  if (wanted.length !== parts.length || parts.includes('')) return false;
  if (parts.some((part) => /[^\u0021-\u007F]/u.test(part))) return false;
  for (let i = wanted.length - 1; i > 0; i--) {
    if (wanted[i] !== parts[i]) return false;
  }
  const first = wanted[0];
  const patternFirst = parts[0];
  const pieces = patternFirst.split('*');
  if (pieces.length === 1 || patternFirst.includes('xn--')) return first === patternFirst;
  if (!wildcards || pieces.length > 2 || parts.length <= 2) return false;
  const [prefix, suffix] = pieces;
  return prefix.length + suffix.length <= first.length && first.startsWith(prefix) && first.endsWith(suffix);
}

/** `tls.checkServerIdentity(hostname, cert)`: undefined when `cert` names `hostname`, else
 * ERR_TLS_CERT_ALTNAME_INVALID with `reason`, `host` and `cert`. */
function checkServerIdentity(hostname, cert) {
  const { subject } = cert;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = `${hostname}`;
  if (altNames) {
    for (const name of altNames.split(', ')) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(canonicalIP(name.slice(11)));
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  hostname = withoutFinalDot(hostname);
  if (net.isIP(hostname)) {
    valid = ips.includes(canonicalIP(hostname));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || (subject && subject.CN)) {
    if (dnsNames.length > 0) {
      valid = dnsNames.some((name) => matchesPattern(hostname, name, true));
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      valid = Array.isArray(cn) ? cn.some((name) => matchesPattern(hostname, name, true)) : matchesPattern(hostname, cn, true);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (valid) return undefined;
  const err = makeNodeError(Error, 'ERR_TLS_CERT_ALTNAME_INVALID', `Hostname/IP does not match certificate's altnames: ${reason}`);
  err.reason = reason;
  err.host = hostname;
  err.cert = cert;
  return err;
}

// --- Server ------------------------------------------------------------------------------

/** `new tls.Server([options][, secureConnectionListener])`. */
function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  // Raw connections are half-open: the TLS socket on top ends its transport itself, after its
  // close_notify and any reply (a raw socket ending itself at the peer's FIN would cut both).
  net.Server.call(this, { ...options, allowHalfOpen: true }, (socket) => this._onRawConnection(socket));
  this._tlsAllowHalfOpen = Boolean(options.allowHalfOpen);
  this._contexts = [];
  this._handshakeTimeout = options.handshakeTimeout === undefined ? 120000 : options.handshakeTimeout;
  this.setSecureContext(options);
  if (options.SNICallback !== undefined && typeof options.SNICallback !== 'function') {
    throw codes.ERR_INVALID_ARG_TYPE('options.SNICallback', 'function', options.SNICallback);
  }
  this._SNICallback = options.SNICallback || ((servername, cb) => cb(null, this._contextFor(servername)));
  if (typeof listener === 'function') this.on('secureConnection', listener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

/** `server.setSecureContext(options)`: the certificate and settings for new connections. */
Server.prototype.setSecureContext = function setSecureContext(options) {
  this._options = options;
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  this.ALPNProtocols = options.ALPNProtocols;
  this._sharedContext = options.secureContext || createSecureContext(options);
};

/** `server.addContext(hostname, context)`: a certificate for clients asking for `hostname`
 * (`*` wildcards allowed), used by the default SNICallback. */
Server.prototype.addContext = function addContext(servername, context) {
  if (!servername) throw codes.ERR_INVALID_ARG_TYPE('servername', 'string', servername);
  const pattern = new RegExp(`^${servername.replace(/([.^$+?\-\\[\]{}])/g, '\\$1').replace(/\*/g, '[^.]*')}$`, 'i');
  const secure = context instanceof SecureContext ? context : createSecureContext(context);
  this._contexts.push([pattern, secure]);
};

Server.prototype._contextFor = function contextFor(servername) {
  for (let i = this._contexts.length - 1; i >= 0; i--) {
    if (this._contexts[i][0].test(servername)) return this._contexts[i][1];
  }
  return undefined;
};

Server.prototype._onRawConnection = function onRawConnection(raw) {
  const options = this._options;
  const socket = new TLSSocket(raw, {
    isServer: true,
    allowHalfOpen: this._tlsAllowHalfOpen,
    server: this,
    secureContext: this._sharedContext,
    requestCert: this.requestCert,
    rejectUnauthorized: this.rejectUnauthorized,
    ALPNProtocols: this.ALPNProtocols,
    ALPNCallback: options.ALPNCallback,
    SNICallback: this._SNICallback,
  });
  // The raw socket counts as the server's connection until it closes.
  socket.on('error', (err) => {
    if (!socket._secureEstablished) return;
    if (socket.listenerCount('error') === 1) this.emit('clientError', err, socket);
  });
  void socket;
};

/** `tls.createServer([options][, secureConnectionListener])`. */
function createServer(options, listener) {
  return new Server(options, listener);
}

// --- connect -----------------------------------------------------------------------------

function normalizeConnectArgs(args) {
  let options = {};
  let cb;
  let i = 0;
  if (args[i] !== null && typeof args[i] === 'object') {
    options = { ...args[i++] };
  } else {
    if (args[i] !== undefined && typeof args[i] !== 'function') options.port = args[i++];
    if (typeof args[i] === 'string') options.host = args[i++];
    if (args[i] !== null && typeof args[i] === 'object') options = { ...args[i++], ...options };
  }
  if (typeof args[i] === 'function') cb = args[i];
  return [options, cb];
}

/** `tls.connect(options[, cb])` / `tls.connect(port[, host][, options][, cb])`. */
function connect(...args) {
  const [options, cb] = normalizeConnectArgs(args);
  if (options.checkServerIdentity !== undefined) validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  if (options.rejectUnauthorized === undefined) options.rejectUnauthorized = true;
  if (options.host === undefined && options.socket === undefined && options.path === undefined) options.host = 'localhost';
  const socket = new TLSSocket(options.socket, {
    ...options,
    isServer: false,
  });
  if (cb !== undefined) socket.once('secureConnect', cb);
  if (options.timeout) socket.setTimeout(options.timeout);
  if (options.socket === undefined || options.socket === null) {
    const connectOptions = { port: options.port, host: options.host };
    if (options.path !== undefined) connectOptions.path = options.path;
    if (options.localAddress !== undefined) connectOptions.localAddress = options.localAddress;
    socket.connect(connectOptions);
  }
  return socket;
}

const getCiphers = require('internal/crypto/util').cachedResult(() => n.tlsCiphers.slice());

let rootCertificates = null;

function pem(der) {
  const b64 = der.toString('base64');
  const lines = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----`;
}

/** `tls.convertALPNProtocols(protocols, out)`: the wire form of an ALPN list in `out.ALPNProtocols`. */
function convertALPNProtocols(protocols, out) {
  const list = alpnList(protocols);
  out.ALPNProtocols = Buffer.concat(list.flatMap((p) => [Buffer.from([p.length]), p]));
}

const exported = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION,
  DEFAULT_MAX_VERSION,
  getCiphers,
  get rootCertificates() {
    if (rootCertificates === null) rootCertificates = Object.freeze(n.tlsRootCertificates().map(pem));
    return rootCertificates;
  },
  convertALPNProtocols,
  checkServerIdentity,
  createSecureContext,
  SecureContext,
  TLSSocket,
  Server,
  createServer,
  connect,
  _sslError: sslError,
};

module.exports = exported;
