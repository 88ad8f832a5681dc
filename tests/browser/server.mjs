// A plain static file server for the browser tests, in the spirit of any
// static host (GitHub Pages, nginx, S3): it serves the files of one folder
// under a sub-path, maps a folder to its index.html, and answers everything
// else with 404. There is deliberately NO single-page-app fallback, so the
// tests prove the app works on the most basic host there is.
//
// Also usable by hand:  node tests/browser/server.mjs dist /crossread/

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Content types a static host sends for the files Trunk produces. */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Starts serving `root` under `base` (which must start and end with "/") on
 * 127.0.0.1 at a free port chosen by the OS.
 * Returns { url, origin, base, hits, close } where `url` is origin + base and
 * `hits` lists every path the server was asked for.
 */
export async function startServer(root, base = '/') {
  if (!base.startsWith('/') || !base.endsWith('/')) {
    throw new Error(`base must start and end with "/": ${base}`);
  }
  const rootAbs = path.resolve(root);
  await fs.access(path.join(rootAbs, 'index.html')).catch(() => {
    throw new Error(`${rootAbs}/index.html is missing: build the app first (scripts/build)`);
  });
  const hits = [];
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    hits.push(pathname);
    const send = (status, type, body, extra = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'text/plain', 'method not allowed\n');
    }
    // Like nginx: the folder without its slash redirects to the folder.
    if (pathname === base.slice(0, -1)) {
      return send(301, 'text/plain', 'moved\n', { location: base });
    }
    if (!pathname.startsWith(base)) return send(404, 'text/plain', 'not found\n');
    let rel;
    try {
      rel = decodeURIComponent(pathname.slice(base.length));
    } catch {
      return send(400, 'text/plain', 'bad request\n');
    }
    let file = path.join(rootAbs, rel);
    // Never serve anything outside the root (../ tricks).
    if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) {
      return send(404, 'text/plain', 'not found\n');
    }
    try {
      let stat = await fs.stat(file);
      if (stat.isDirectory()) {
        if (!pathname.endsWith('/')) {
          return send(301, 'text/plain', 'moved\n', { location: pathname + '/' });
        }
        file = path.join(file, 'index.html');
        stat = await fs.stat(file);
      }
      const body = await fs.readFile(file);
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return send(200, type, body, { 'content-length': String(body.length) });
    } catch {
      return send(404, 'text/plain', 'not found\n');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    base,
    url: origin + base,
    hits,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// Run by hand: node tests/browser/server.mjs DIR [BASE]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir = 'dist', base = '/'] = process.argv.slice(2);
  const s = await startServer(dir, base);
  console.log(`serving ${dir} at ${s.url}  (Ctrl-C stops)`);
}
