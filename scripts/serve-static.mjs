// A tiny static file server for dist/ that behaves like a plain static host with an SPA
// fallback: unknown paths without a file extension get index.html (as `404.html` does on
// GitHub-Pages-style hosts). Used by the serve command and the end-to-end tests.
// Usage: node scripts/serve-static.mjs [DIR] [PORT]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] || 8080);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

const server = http.createServer((req, res) => {
  let urlPath;
  try { urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400); return res.end('bad request'); }
  let file = path.join(root, urlPath);
  if (!file.startsWith(root)) { res.writeHead(403); return res.end('forbidden'); }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) {
    // A page address (a route) gets the app: a path without an extension, or any path the browser
    // asks for as a page. A dorp or cluster name may hold a dot (`/gemeente/…/cluster/Fase 2.1`),
    // which made such a deep link "not found" here. Files the app fetches (data, wasm) are not
    // asked for as pages, so a missing one stays a 404, which the app reports.
    const page = path.extname(urlPath) === '' || (req.headers['sec-fetch-mode'] === 'navigate' && /text\/html/.test(req.headers.accept || ''));
    if (page) file = path.join(root, 'index.html');
    else { res.writeHead(404, { 'content-type': 'text/plain' }); return res.end('not found'); }
  }
  const type = types[path.extname(file)] || 'application/octet-stream';
  const body = fs.readFileSync(file);
  // As the README's "Caching" says: files with a hash in their name (Trunk's wasm, js, css) may be
  // kept for a year; everything else (pages, data, the icon) keeps its name, so is asked for again.
  // (Trunk writes the hash in hex without leading zeros: 15 digits as often as 16.)
  const hashed = /-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css)$/.test(file);
  const headers = { 'content-type': type, 'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache' };
  if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && /text|json|wasm|svg|javascript|csv/.test(type)) {
    headers['content-encoding'] = 'gzip';
    headers['vary'] = 'accept-encoding';
    res.writeHead(200, headers);
    return res.end(zlib.gzipSync(body, { level: 6 }));
  }
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
