// Shared helpers for the browser tests and screenshots: a tiny static server for dist/ and a
// headless launch of Debian's Chromium through playwright-core (never a downloaded browser).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const compressedCache = new Map();
/** `body` gzipped at level 9 (or brotli at quality 11), once per file, content and encoding. */
function compressed(file, body, encoding = 'gzip') {
  const key = `${encoding}:${file}:${body.length}`;
  if (!compressedCache.has(key)) {
    compressedCache.set(key, encoding === 'br'
      ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : zlib.gzipSync(body, { level: 9 }));
  }
  return compressedCache.get(key);
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.DIST ? path.resolve(process.env.DIST) : path.join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Fails with a clear message when dist/ has not been built. */
export function requireDist(dir = DIST) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: build first (trunk build --release --offline)`);
  }
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt']);

/**
 * Serves `dir` on 127.0.0.1 at a free port. Resolves to { url, close() }. `/` and paths without
 * a file extension get index.html (a single-page app); missing files get 404.
 *
 * Options: `encoding` — `'gzip'` serves every text and wasm body gzip-compressed to a client that
 * accepts it (as a static host does; the phone measurement uses this): the `.gz` file beside it
 * when there is one (scripts/precompress.mjs), else compressed at level 9; `'br'` the same with
 * brotli (as a CDN does; `ENCODING=br` for the phone measurement), `'precompressed'` serves
 * the `.br`/`.gz` file beside a file when there is one (as a host configured for Trunk's dist/
 * does); `offline()` on the returned object makes every later request fail (a closed network),
 * `override(pathname, body)` replaces one file's content.
 */
export function serveDir(dir = DIST, { encoding = 'identity' } = {}) {
  let down = false;
  const overrides = new Map();
  const sent = [];
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.resolve(root, '.' + rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file) && path.extname(rel) === '') file = path.join(root, 'index.html');
    if (down) {
      req.socket.destroy();
      return;
    }
    if (overrides.has(rel)) {
      const type = MIME[path.extname(rel).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(overrides.get(rel));
      return;
    }
    const ext = path.extname(file).toLowerCase();
    const accepts = String(req.headers['accept-encoding'] ?? '');
    // As a static host set up for Trunk's dist/: content-hashed files forever, the rest revalidated.
    // Trunk writes its hash without leading zeros (`-439fbb6c7b9114c`: 15 digits), so a length
    // range, not 16.
    const hashed = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/.test(file);
    const headers = {
      'content-type': MIME[ext] || 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    // The precompressed file beside, when there is one (as gzip_static/brotli_static do): either
    // kind for 'precompressed', that kind for 'gzip' and 'br', which otherwise compress here.
    const suffixes = { br: '.br', gzip: '.gz' };
    const kinds = { precompressed: ['br', 'gzip'], gzip: ['gzip'], br: ['br'] }[encoding] ?? [];
    const sibling = kinds.find((kind) => accepts.includes(kind) && fs.existsSync(file + suffixes[kind]));
    if (sibling) {
      headers['content-encoding'] = sibling;
      headers.vary = 'accept-encoding';
      file += suffixes[sibling];
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      if (!sibling && (encoding === 'gzip' || encoding === 'br') && COMPRESSIBLE.has(ext) && accepts.includes(encoding)) {
        body = compressed(file, body, encoding);
        headers['content-encoding'] = encoding;
        headers.vary = 'accept-encoding';
      }
      sent.push({ path: rel, raw: body.length });
      res.writeHead(200, headers).end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        offline: () => { down = true; },
        /** Every file body sent so far (path, bytes as sent), in order; `clear` starts afresh. */
        sent: () => [...sent],
        clearSent: () => { sent.length = 0; },
        /** Serves `body` at `pathname` from now on (a new release of one file), or the file again when null. */
        override: (pathname, body) => (body == null ? overrides.delete(pathname) : overrides.set(pathname, body)),
        online: () => { down = false; },
        close: () => new Promise((done) => { server.close(() => done()); server.closeAllConnections?.(); }),
      });
    });
  });
}

/**
 * Waits until the service worker (sw.js) has copied this release and controls `page`; returns
 * the names of its caches. Fails after `timeoutMs`.
 */
export async function offlineCopyReady(page, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let state;
  while (Date.now() < deadline) {
    state = await page.evaluate(async () => ({
      active: !!(await navigator.serviceWorker?.getRegistration())?.active,
      controlled: !!navigator.serviceWorker?.controller,
      keys: await caches.keys(),
    }));
    if (state.active && state.controlled && state.keys.length) return state.keys;
    await page.waitForTimeout(100);
  }
  throw new Error(`the service worker never took over: ${JSON.stringify(state)}`);
}

/** Launches Debian's Chromium headless, with the flags this machine's closed network needs. */
export function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run scripts/setup.sh (installs Debian's chromium)`);
  }
  // playwright gives every launch a fresh, empty --user-data-dir of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Records a page's console errors, uncaught exceptions, failed requests and HTTP error responses
 * (with their URLs), and any alert/confirm/prompt dialog (dismissed), in an array of strings, so
 * that a test can assert none happened. Pass `errors` to add to an existing list, each entry
 * starting with `prefix` (e.g. to tell a test's second browser context from its first).
 */
export function collectErrors(page, errors = [], prefix = '') {
  const record = (msg) => errors.push(prefix + msg);
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const at = msg.location()?.url;
    record(`console error: ${msg.text()}${at ? ` (at ${at})` : ''}`);
  });
  page.on('pageerror', (err) => record(`page error: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) record(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText ?? '?';
    // A navigation (a reload the app makes for a pasted link), or a test closing its page, cuts
    // short the icon's fetch, or the QR module's that pressing the share button starts: no fault.
    if (why === 'net::ERR_ABORTED' && /\/(favicon-[0-9a-f]+\.svg|contract-calc-qr-[0-9a-f]+(_bg\.wasm|\.js))$/.test(new URL(req.url()).pathname)) return;
    record(`request failed: ${req.url()} (${why})`);
  });
  // A dialog (alert/confirm/prompt) is never expected: record it and dismiss it. The one
  // exception: a "leave this page?" (beforeunload) a test awaits with `beforeUnloadAsked(page)`.
  page.on('dialog', (dialog) => {
    const expected = dialog.type() === 'beforeunload' ? page.beforeUnloadAsked : null;
    page.beforeUnloadAsked = null;
    if (!expected) record(`unexpected ${dialog.type()} dialog: ${JSON.stringify(dialog.message())}`);
    (expected?.leave ? dialog.accept() : dialog.dismiss()).catch(() => {});
    expected?.resolve(true);
  });
  return errors;
}

/**
 * Resolves `true` when the page next asks "leave this page?" (beforeunload), `false` if it has not
 * within 5 s. The answer is "stay" (the dialog dismissed), or "leave" with `{ leave: true }`.
 */
export function beforeUnloadAsked(page, { leave = false } = {}) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 5_000);
    page.beforeUnloadAsked = { leave, resolve: (v) => { clearTimeout(timer); resolve(v); } };
  });
}

/**
 * The ten-year sample with the §9 fields on, as benches/compute.rs measures it: 1.5 × the
 * floating one-year LPR, 1.3 × from 2021, 日万分之五 from 2024, each 计算明细 line rounded, at
 * most 30% of the contract total in all. Changes `doc` (a scenario document) and returns it.
 */
export function withSection9Fields(doc) {
  doc.late_payment.rate = { lpr_multiple: '1.5', basis_days: 365, lpr_fixing: 'floating' };
  doc.late_payment.rate_changes = [
    { from: '2021-01-01', rate: { lpr_multiple: '1.3', basis_days: 365, lpr_fixing: 'floating' } },
    { from: '2024-01-01', rate: { fraction: '0.0005', per_days: 1 } },
  ];
  doc.late_payment.rounding = 'per_segment';
  doc.late_payment.cap_fraction = '0.30';
  doc.late_payment.cap_base = 'contract_total';
  return doc;
}
