// The baseline of bench/image-api.mjs (b): the least a Node server can do to answer a cached variant.
// node:http; GET /variant streams one file from disk (fs.createReadStream → res) with the headers Kura
// sent for that variant (ETag, Cache-Control, Content-Type, Content-Length, Kura-Cache…). No routing
// framework, no database, no cache lookup.
//
// Usage: node bench/image-api-baseline-server.mjs <port> <file> <headers.json>   (prints "listening <port>")
import fs from 'node:fs';
import http from 'node:http';

const [port, file, headersFile] = process.argv.slice(2);
const headers = JSON.parse(fs.readFileSync(headersFile, 'utf8'));

const server = http.createServer((req, res) => {
  if (req.url === '/api/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end('{"ok":true}');
  }
  if (req.url !== '/variant') {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, headers);
  const body = fs.createReadStream(file);
  body.on('error', (err) => res.destroy(err));
  body.pipe(res);
});

server.listen(Number(port), '127.0.0.1', () => console.log(`listening ${port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
