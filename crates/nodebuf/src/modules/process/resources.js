// What keeps the process alive, as Node lists it: process.getActiveResourcesInfo() (the type
// names of pending requests, live handles, then ref'd timers and immediates) and the older
// process._getActiveRequests()/_getActiveHandles() (the objects).
'use strict';

const loop = require('internal/loop');

// The stdio streams made so far (process.js records them), with libuv's handle kind.
const stdio = [];

/**
 * Records a stdio stream on its creation; a pipe or terminal one is a live handle (stdin's
 * only while `isActive()` says it reads, as libuv lists only active handles).
 */
function addStdio(stream, fd, isActive = undefined) {
  const kind = native.tty.guessHandle(fd);
  if (kind === 'PIPE' || kind === 'TTY') {
    const reserved = stdio.find((entry) => entry.fd === fd);
    if (reserved !== undefined) reserved.stream = stream;
    else stdio.push({ stream, kind, fd, make: undefined, isActive });
  }
  return stream;
}

const listedStdio = () => stdio.filter((entry) => entry.isActive === undefined || entry.isActive());

/**
 * Records, where the stream would have been made, a stdio stream the console wrote around
 * (process.stdioDirect); `make` makes it when a list of handles needs the object.
 */
function reserveStdio(fd, make) {
  if (stdio.some((entry) => entry.fd === fd)) return;
  const kind = native.tty.guessHandle(fd);
  if (kind === 'PIPE' || kind === 'TTY') stdio.push({ stream: undefined, kind, fd, make });
}

function handleName(handle) {
  // (A handle registered through a stand-in names its own libuv type: dgram's 'UDPWrap'.)
  if (handle._wrapName !== undefined) return handle._wrapName;
  if (Object.hasOwn(handle, '_unix')) return handle._unix ? 'PipeServerWrap' : 'TCPServerWrap';
  return handle._isUnix ? 'PipeWrap' : 'TCPSocketWrap';
}

function requestName(request) {
  return request._isUnix ? 'PipeConnectWrap' : 'ConnectWrap';
}

// [requests, handles] as objects: connecting sockets are requests too.
function activeObjects() {
  const { requests, handles, timers, immediates } = loop.activeResources();
  const connecting = handles.filter((h) => h.connecting === true);
  const live = [...listedStdio().map((s) => s.stream ?? s.make()), ...handles.map((h) => (h._publicHandle === undefined ? h : h._publicHandle))];
  return { connecting, requests, live, handles, timers, immediates };
}

function getActiveResourcesInfo() {
  const { connecting, requests, handles, timers, immediates } = activeObjects();
  const names = connecting.map(requestName);
  for (let i = 0; i < requests.length; i++) names.push('FSReqCallback');
  for (const { kind } of listedStdio()) names.push(kind === 'TTY' ? 'TTYWrap' : 'PipeWrap');
  for (const handle of handles) names.push(handleName(handle));
  for (let i = 0; i < timers; i++) names.push('Timeout');
  for (let i = 0; i < immediates; i++) names.push('Immediate');
  return names;
}

function _getActiveRequests() {
  return activeObjects().requests;
}

function _getActiveHandles() {
  return activeObjects().live;
}

module.exports = { addStdio, reserveStdio, getActiveResourcesInfo, _getActiveRequests, _getActiveHandles };
