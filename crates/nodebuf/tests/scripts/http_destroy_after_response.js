// `req.destroy(err)` after the response began: as Node's socket error listener, the request
// emits 'error' (then 'close'), the response 'error' ECONNRESET 'aborted', and a `for await`
// over the response ends with that error (Node's test-stream-readable-async-iterators).
'use strict';
const http = require('http');

const events = [];
const server = http.createServer((req, res) => {
  res.write('a');
});
server.listen(0, () => {
  const req = http.request(`http://localhost:${server.address().port}`);
  req.on('response', async (res) => {
    setTimeout(() => req.destroy(new Error('something happened')), 20);
    res.on('error', (e) => events.push(`res error ${e.code} ${e.message}`));
    try {
      for await (const chunk of res) events.push(`chunk ${chunk}`);
    } catch (e) {
      events.push(`loop ${e.code} ${e.message}`);
    }
    server.close(() => console.log(events.join('\n')));
  });
  req.on('error', (e) => events.push(`req error ${e.message}`));
  req.on('close', () => events.push('req close'));
  req.end();
});
