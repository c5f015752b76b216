// Starts the page. An external module rather than Trunk's inline loader, so that the page's
// Content-Security-Policy (index.html) admits no inline script but the one that decides, before
// anything is painted, which first figures this visit gets (README "First figures"):
//
// 1. The static shell speaks the stored language.
// 2. The first figures: the starter's, already in the shell ("static"); or those of the scenario
//    the app will open, computed by src/bin/figures.rs, a small module without Leptos ("module");
//    or none until the app decides ("none").
// 3. The app: the wasm-bindgen glue and the wasm, whose content-hashed names Trunk writes into
//    the two <meta> elements of `pattern_script` (Trunk.toml). It replaces the shell.
// 4. Once the app is up, the offline copy (sw.js).
const path = (name) => document.querySelector(`meta[name="${name}"]`).content;
const how = document.documentElement.dataset.figures ?? 'module';

if (document.documentElement.lang === 'en') {
  for (const el of document.querySelectorAll('#shell [data-en]')) el.textContent = el.dataset.en;
}

// A share link's document for the figures module, inflated by the browser's own
// DecompressionStream so that the module carries no inflate code: read as
// document::share_link::decode reads it (at most MAX_FRAGMENT characters after "s1.", base64url,
// one raw deflate stream with nothing after it, at most MAX_DOCUMENT_BYTES of UTF-8), else null.
// Null only costs the early figures: the app reads every link itself and says what is wrong.
const MAX_FRAGMENT = 65536;
const MAX_DOCUMENT_BYTES = 1048576;
async function linkDocument() {
  const fragment = location.hash.slice(1).trim();
  if (!fragment.startsWith('s1.') || fragment.length > MAX_FRAGMENT) return null;
  if (typeof DecompressionStream !== 'function') return null;
  try {
    const b64 = fragment.slice(3).replaceAll('-', '+').replaceAll('_', '/');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const parts = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_DOCUMENT_BYTES) {
        reader.cancel();
        return null;
      }
      parts.push(value);
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(parts).arrayBuffer());
  } catch {
    return null;
  }
}

if (how !== 'static') document.getElementById('shell-static')?.remove();
if (how === 'module') {
  try {
    const [figures, link] = await Promise.all([import(path('wasm-figures-js')), linkDocument()]);
    await figures.default({ module_or_path: path('wasm-figures-wasm') });
    figures.paint(link);
  } catch (err) {
    console.warn('first figures skipped:', err);
  }
}

const { default: init } = await import(path('wasm-app-js'));
await init({ module_or_path: path('wasm-app-wasm') });

if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  // Beside the app's files (Trunk's public URL), whatever the page's own address.
  const sw = new URL('sw.js', new URL(path('wasm-app-js'), location.href));
  const register = () => navigator.serviceWorker.register(sw).catch(() => {});
  if (document.readyState === 'complete') setTimeout(register, 0);
  else addEventListener('load', register, { once: true });
}
