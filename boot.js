// Starts the page. An external module rather than Trunk's inline loader, so that the page's
// Content-Security-Policy (index.html) allows no inline script at all.
//
// 1. The static shell speaks the stored language.
// 2. The first figures (src/bin/figures.rs, a small module without Leptos) fill the shell.
// 3. Then the app: the wasm-bindgen glue and the wasm, whose content-hashed names Trunk writes
//    into the two <meta> elements of `pattern_script` (Trunk.toml). It replaces the shell.
// 4. Once the app is up, the offline copy (sw.js).
const path = (name) => document.querySelector(`meta[name="${name}"]`).content;
const app = path('wasm-app-wasm');

try {
  if (localStorage.getItem('contract-calc/v1/lang') === 'en') {
    document.documentElement.lang = 'en';
    for (const el of document.querySelectorAll('#shell [data-en]')) el.textContent = el.dataset.en;
  }
} catch { /* no storage: the shell stays in Chinese, as the app then is */ }

try {
  const figures = await import(path('wasm-figures-js'));
  await figures.default({ module_or_path: path('wasm-figures-wasm') });
  figures.paint();
} catch (err) {
  console.warn('first figures skipped:', err);
}

const { default: init } = await import(path('wasm-app-js'));
await init({ module_or_path: app });

if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  const register = () => navigator.serviceWorker.register('./sw.js').catch(() => {});
  if (document.readyState === 'complete') setTimeout(register, 0);
  else addEventListener('load', register, { once: true });
}
