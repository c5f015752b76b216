// The offline copy (README "Offline"): a service worker that keeps this release's files and
// answers from them, so a second visit opens without the network.
//
// scripts/post-build.mjs writes the release into this file in dist/: VERSION (a digest of every
// file of the release) and ASSETS (their names). A new release is therefore a new service worker:
// the browser installs it beside the old one, it copies the new files and takes over. It keeps
// the previous release's copy too, for a page of that release still loading its files, and
// deletes older ones. Copies are named by the worker's scope, so two deployments on one host
// keep theirs. The page is answered from the copy first (a visit does not wait for a slow
// network); the browser checks for a newer sw.js on each visit, so the one after sees it.
const VERSION = 'contract-calc-dev';
const ASSETS = ['./'];
// Each file's SHA-256 (base64), by name: a file is kept only when it is this release's.
const DIGESTS = {};
// The release's files that its page loads (or names, for the modules boot.js loads).
const PAGE_LOADS = [];
const SCOPE = self.registration.scope;
const PREFIX = `contract-calc ${SCOPE} `;
const CACHE = PREFIX + VERSION;
// The share-links module (src/bin/links.rs) is for a browser that cannot deflate (boot.js's
// test): only such a browser keeps it. The first-figures module (src/bin/figures.rs) is not kept:
// it saves a share link's first visit the wait for the app's wasm, which a later visit has here
// and paints with (boot.js), a stored draft's figures as a link's.
const DEFLATES = (() => {
  try {
    new CompressionStream('deflate-raw');
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
})();
// The QR code's module (src/bin/qr.rs) is kept once a visit has loaded it (a first visit does not
// fetch it for a panel it may never open), and by each later release once an earlier one kept it.
const QR = /^contract-calc-qr-/;
const KEPT_WHEN_USED = ASSETS.filter((name) => QR.test(name));
const KEPT = ASSETS.filter((name) => !/^contract-calc-figures-/.test(name) && !QR.test(name)
  && (!DEFLATES || !/^contract-calc-links-/.test(name)));

/** Whether an earlier release's copy of this deployment holds a file whose name matches `pattern`. */
async function keptBefore(pattern) {
  for (const key of await caches.keys()) {
    if (!key.startsWith(PREFIX) || key === CACHE) continue;
    const names = (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname);
    if (names.some((p) => pattern.test(p.split('/').pop()))) return true;
  }
  return false;
}

/** Base64 of `bytes`. */
function base64(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text);
}

/**
 * This release's file `name`, from the host's `response`, checked before it is kept: a file whose
 * bytes are not the release's (a host's fallback page for a file not yet uploaded, an upload half
 * done) would otherwise be answered from the copy until the next release. The page, which a host
 * may rewrite, must load every file of this release that the release's page loads (a page left
 * from the release before names another app, style sheet or boot.js). Refused, the install fails
 * and the release before stays in charge. The copy keeps the host's headers (a CSP, framing
 * rules), but not those of the transfer: the body is kept decoded.
 */
async function checked(name, response) {
  if (!response.ok) throw new Error(`${name}: ${response.status}`);
  const body = await response.arrayBuffer();
  if (name === './') {
    const page = new TextDecoder().decode(body);
    const missing = PAGE_LOADS.filter((n) => !page.includes(n));
    if (missing.length) throw new Error(`./: not this release's page (no ${missing.join(', ')})`);
  } else if (DIGESTS[name] !== base64(await crypto.subtle.digest('SHA-256', body))) {
    throw new Error(`${name}: not this release's file`);
  }
  const headers = new Headers(response.headers);
  headers.delete('content-encoding');
  headers.delete('content-length');
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** The name of `request`'s file in ASSETS: `./` for the page. */
function assetName(request) {
  const path = new URL(request.url).pathname;
  return path === new URL(SCOPE).pathname ? './' : path.split('/').pop();
}

// The page is revalidated; the other files have content-hashed names, so the browser's HTTP
// cache (which already holds what the first visit loaded) answers for them: a first visit
// fetches nothing more for the copy than the page again.
self.addEventListener('install', (event) => {
  const request = (name) => new Request(name, { cache: name === './' ? 'no-cache' : 'default' });
  event.waitUntil((async () => {
    const names = (await keptBefore(QR)) ? [...KEPT, ...KEPT_WHEN_USED] : KEPT;
    const requests = names.map(request);
    const responses = await Promise.all(requests.map((r) => fetch(r).then((response) => checked(assetName(r), response))));
    const cache = await caches.open(CACHE);
    await Promise.all(requests.map((r, i) => cache.put(r, responses[i])));
    await self.skipWaiting();
  })());
});

// Cache names list in the order they were made: the last of the others is the previous release.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => {
        const older = keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE);
        // Copies named before caches carried their scope (`contract-calc-<release>`) go too.
        const unscoped = keys.filter((k) => /^contract-calc-[0-9a-f]{16}$/.test(k));
        return Promise.all([...older.slice(0, -1), ...unscoped].map((k) => caches.delete(k)));
      })
      .then(() => self.clients.claim()),
  );
});

/** Whether `url` is the app's page: the scope itself or its index.html, whatever the query. */
function isPage(url) {
  const path = new URL(url).pathname;
  const scope = new URL(SCOPE).pathname;
  return path === scope || path === `${scope}index.html`;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (!isPage(request.url)) return;
    event.respondWith(
      caches.open(CACHE)
        .then((cache) => cache.match('./'))
        .then((copy) => copy || fetch(request)),
    );
    return;
  }
  // Content-hashed names: the file is the same in whichever release's copy holds it.
  const name = new URL(request.url).pathname.split('/').pop();
  const keep = KEPT_WHEN_USED.includes(name);
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request)
      .then((copy) => copy || caches.match(request))
      .then((copy) => copy || fetch(request).then((response) => {
        // Kept only when it is this release's file (not a host's fallback page).
        if (keep && response.ok) {
          event.waitUntil(checked(name, response.clone()).then((mine) => cache.put(request, mine)).catch(() => {}));
        }
        return response;
      }))),
  );
});
