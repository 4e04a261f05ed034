// The baseline of bench/delivery-origin.mjs: the least a Node server can do to answer bytes it holds.
// node:http; GET /<name> answers one file read into memory at start, with the headers Kura sent for it, in
// one `res.end(bytes)`. No routing framework, no database, no cache lookup, no file system.
//
// Usage: node bench/delivery-origin-baseline-server.mjs <port> <name>=<file>,<headers.json> …
// (prints "listening <port>")
import fs from 'node:fs';
import http from 'node:http';

const [port, ...entries] = process.argv.slice(2);
const answers = new Map();
for (const entry of entries) {
  const [name, files] = entry.split('=');
  const [file, headersFile] = files.split(',');
  answers.set(`/${name}`, { body: fs.readFileSync(file), headers: JSON.parse(fs.readFileSync(headersFile, 'utf8')) });
}

const server = http.createServer((req, res) => {
  if (req.url === '/api/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end('{"ok":true}');
  }
  const answer = answers.get(req.url);
  if (!answer) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, answer.headers);
  res.end(answer.body);
});

server.listen(Number(port), '127.0.0.1', () => console.log(`listening ${port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
