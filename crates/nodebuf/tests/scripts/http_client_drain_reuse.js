// The http client's flow control, as Node has it: a request whose write() returned false
// hears 'drain' when its socket drains, and a keep-alive socket that a large response paused
// carries the next request's response.
'use strict';
const http = require('http');

const large = Buffer.alloc(3 * 1024 * 1024, 'x');
const server = http.createServer((req, res) => {
  let received = 0;
  req.on('data', (d) => { received += d.length; });
  req.on('end', () => res.end(req.url === '/large' ? large : `received ${received}`));
});

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const agent = new http.Agent({ keepAlive: true });
  const body = await new Promise((resolve) => {
    const req = http.request({ port, method: 'PUT', agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve(text));
    });
    (async () => {
      let waited = 0;
      for (let i = 0; i < 400; i++) {
        if (!req.write(Buffer.alloc(1000, i & 255))) {
          waited++;
          await new Promise((r) => req.once('drain', r));
        }
      }
      req.end();
      console.log('waited for drain', waited > 0);
    })();
  });
  console.log(body);
  for (let i = 0; i < 3; i++) {
    const length = await new Promise((resolve) => http.get({ port, path: '/large', agent }, (res) => {
      let n = 0;
      res.on('data', (d) => {
        n += d.length;
        res.pause();
        setImmediate(() => res.resume());
      });
      res.on('end', () => resolve(n));
    }));
    console.log('large response', i, length);
  }
  agent.destroy();
  server.close(() => console.log('closed'));
});
