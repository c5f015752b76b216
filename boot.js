// Starts the page. An external module rather than Trunk's inline loader, so that the page's
// Content-Security-Policy (index.html) admits no inline script but the one that decides, before
// anything is painted, which first figures this visit gets (README "First figures"):
//
// 1. The static shell speaks the stored language.
// 2. The first figures (src/first_figures.rs): the starter's, already in the shell ("static");
//    a share link's on a visit without the offline copy, computed by src/bin/figures.rs, a small
//    module without Leptos, while the app is still on its way ("module"); a stored draft's, or a
//    link's with the offline copy at hand, computed by the app's own wasm before it starts ("app":
//    that wasm is needed anyway, and a later visit has it); or none until the app decides
//    ("none"). When the module cannot be loaded, the app's wasm paints instead.
// 3. The app: the wasm-bindgen glue and the wasm, whose content-hashed names Trunk writes into
//    the two <meta> elements of `pattern_script` (Trunk.toml), started with the address's share
//    link as the browser inflated it and the functions that make links and draw their QR code.
//    It replaces the shell.
// 4. Once the app is up, the offline copy (sw.js).
const path = (name) => document.querySelector(`meta[name="${name}"]`).content;
const how = document.documentElement.dataset.figures ?? 'module';

if (document.documentElement.lang === 'en') {
  for (const el of document.querySelectorAll('#shell [data-en]')) el.textContent = el.dataset.en;
}

// Share links are deflated and inflated by the browser's own CompressionStream and
// DecompressionStream ("deflate-raw"), so that neither the app nor the figures module carries
// deflate code; a browser without them (Safari before 16.4) gets src/bin/links.rs, a small
// module with the CLI's own deflate, loaded only there.
const MAX_FRAGMENT = 65536;
const MAX_DOCUMENT_BYTES = 1048576;
const browserDeflates = (() => {
  try {
    new CompressionStream('deflate-raw');
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
})();
// The small modules (the first figures; the links module; the QR code's, src/bin/qr.rs, the first
// time a link is shared), each loaded once. A fetch that stalls rather than fails gives up after
// `timeoutMs`, so that the app goes on (saying what it could not do) instead of waiting; a module
// that failed is tried again when next asked for.
const MODULE_TIMEOUT_MS = 20000;
// The first figures are worth waiting for only while they come well before the app would.
const FIGURES_TIMEOUT_MS = 6000;
const modules = new Map();
function smallModule(name, timeoutMs = MODULE_TIMEOUT_MS) {
  if (!modules.has(name)) {
    const loading = Promise.race([
      import(path(`wasm-${name}-js`)).then(async (m) => {
        await m.default({ module_or_path: path(`wasm-${name}-wasm`) });
        return m;
      }),
      new Promise((_, reject) => { setTimeout(() => reject(new Error(`${name} module: timed out`)), timeoutMs); }),
    ]);
    loading.catch(() => { modules.delete(name); });
    modules.set(name, loading);
  }
  return modules.get(name);
}
const links = () => smallModule('links');

// The QR code of `text` as SVG markup (null when too long for one); `qrCode(null)` only loads its
// module, which the app asks for as a share button is pressed.
async function qrCode(text) {
  const qr = await smallModule('qr');
  return text == null ? null : qr.qr_svg(text) ?? null;
}

// The document a share link carries, read as document::share_link reads it (at most
// MAX_FRAGMENT characters after "s1.", canonical base64url, one raw deflate stream with nothing
// after it, at most MAX_DOCUMENT_BYTES of UTF-8 after a byte-order mark): { document } with the
// text, or null when the link is damaged; { unavailable: true } when the links module it needs
// could not be loaded (offline): the app then keeps the link for a reload.
async function readLink(fragment) {
  if (!fragment.startsWith('s1.') || fragment.length > MAX_FRAGMENT) return { document: null };
  if (!browserDeflates) {
    try {
      return { document: (await links()).read_link(fragment) ?? null };
    } catch {
      return { document: null, unavailable: true };
    }
  }
  try {
    const b64 = fragment.slice(3);
    if (!/^[A-Za-z0-9_-]*={0,2}$/.test(b64)) return { document: null };
    const bare = b64.replace(/=+$/, '');
    const binary = atob(bare.replaceAll('-', '+').replaceAll('_', '/'));
    // Only the one spelling of these bytes, as the CLI reads (no stray bits in the last digit).
    if (base64url(binary) !== bare) return { document: null };
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const parts = [];
    let size = 0;
    let limit = MAX_DOCUMENT_BYTES;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size === 0 && value[0] === 0xef && value[1] === 0xbb && value[2] === 0xbf) limit += 3;
      size += value.length;
      if (size > limit) {
        reader.cancel();
        return { document: null };
      }
      parts.push(value);
    }
    return { document: new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(parts).arrayBuffer()) };
  } catch {
    return { document: null };
  }
}

// The fragment ("s1." + base64url without padding of the raw deflate) that carries `json`; the
// app calls it to make a share link.
async function makeLink(json) {
  if (!browserDeflates) return (await links()).make_link(json);
  const deflated = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(deflated).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return 's1.' + base64url(binary);
}

/** base64url without padding of a binary string (one character per byte). */
function base64url(binary) {
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

// The address's fragment as the app reads it; the app is told which one was read, so that a link
// pasted while it loads is not opened with this one's document.
const address = location.hash;
const linkRead = readLink(address.replace(/^#+/, '').trim());

if (how !== 'static') document.getElementById('shell-static')?.remove();
// Figures only for the address read: a link pasted meanwhile gets none (the app opens it anew).
const addressKept = () => location.hash === address;
let painted = false;
if (how === 'module') {
  try {
    const [figures, link] = await Promise.all([smallModule('figures', FIGURES_TIMEOUT_MS), linkRead]);
    if (addressKept()) figures.paint(link.document);
    painted = true;
  } catch (err) {
    console.warn('first figures module skipped:', err);
  }
}

// A wasm that did not load, or stopped (a panic aborts it), is not called again: its memory may
// be half-written.
let stopped = false;
let app;
try {
  app = await import(path('wasm-app-js'));
  await app.default({ module_or_path: path('wasm-app-wasm') });
} catch (err) {
  stopped = true;
  cannotStart(err);
}
const link = await linkRead;
if (!stopped && (how === 'module' || how === 'app') && !painted && addressKept()) {
  try {
    // Shown before the app builds its page: the browser gets a frame to draw them in.
    if (app.paint(link.document)) await nextFrame();
  } catch (err) {
    stopped = true;
    cannotStart(err);
  }
}
if (!stopped) {
  try {
    app.start(address, link.document, link.unavailable === true, makeLink, qrCode);
  } catch (err) {
    cannotStart(err);
  }
}

/**
 * The app did not load, or stopped before its page was up: says so where "loading" stood, and,
 * for a link, offers the calculator without it (the link stays in the address, so a reload would
 * stop again).
 */
function cannotStart(err) {
  console.error('contract-calc stopped:', err);
  document.querySelector('.shell-loading')?.remove();
  const note = document.createElement('p');
  note.setAttribute('role', 'alert');
  note.dataset.testid = 'cannot-start';
  note.textContent = '计算器出错，未能打开。The calculator stopped with an error. ';
  if (address.replace(/^#+/, '').trim()) {
    const away = document.createElement('a');
    away.href = location.pathname + location.search;
    away.textContent = '不带此链接打开计算器 · Open the calculator without this link';
    note.append(away);
  }
  (document.getElementById('shell') ?? document.body).prepend(note);
}

/** After the browser has drawn a frame (or 100 ms, in a tab that draws none). */
function nextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  // Beside the app's files (Trunk's public URL), whatever the page's own address.
  const sw = new URL('sw.js', new URL(path('wasm-app-js'), location.href));
  const register = () => navigator.serviceWorker.register(sw).catch(() => {});
  if (document.readyState === 'complete') setTimeout(register, 0);
  else addEventListener('load', register, { once: true });
}
