// A small static server for the benchmark on 127.0.0.1: a production build at `/`, DuckDB-WASM and
// its Arrow dependencies under `/_bench/`, every response cross-origin isolated like `vite preview`.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** URL prefix → folder it serves; the first matching prefix wins, and the app's build serves `/` after these. */
const MOUNTS = [
  ['/_bench/duckdb/', join(ROOT, 'node_modules/@duckdb/duckdb-wasm/dist')],
  ['/_bench/arrow/', join(ROOT, 'node_modules/apache-arrow')],
  ['/_bench/flatbuffers/', join(ROOT, 'node_modules/flatbuffers/mjs')],
  ['/_bench/tslib/', join(ROOT, 'node_modules/tslib')],
  ['/_bench/', join(ROOT, 'scripts/bench/page')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.map': 'application/json',
};

/** Headers that make the pages cross-origin isolated (SharedArrayBuffer, as the app's preview server sends). */
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The file a URL path names, or null when it is outside every mount or not a file. */
function resolvePath(mounts, urlPath) {
  const path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  for (const [prefix, dir] of mounts) {
    if (!path.startsWith(prefix)) continue;
    const rel = path.slice(prefix.length) || 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir + sep)) return null;
    try {
      return statSync(file).isFile() ? file : null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Starts the server for the app build in `appDir` on a free loopback port, with `extraMounts`
 * ([URL prefix, folder] pairs, matched before the built-in ones); resolves to its origin and a close function.
 */
export async function startServer(appDir, extraMounts = []) {
  const mounts = [...extraMounts.map(([prefix, dir]) => [prefix, resolve(dir)]), ...MOUNTS, ['/', resolve(appDir)]];
  const server = createServer((req, res) => {
    const file = resolvePath(mounts, req.url ?? '/');
    if (!file) {
      res.writeHead(404, ISOLATION).end('not found');
      return;
    }
    res.writeHead(200, { ...ISOLATION, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) };
}
