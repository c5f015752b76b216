// Starts the app. An external module rather than Trunk's inline loader, so that the page's
// Content-Security-Policy (index.html) allows no inline script at all: it imports the
// wasm-bindgen glue and instantiates the wasm, whose content-hashed names Trunk writes into the
// two <meta> elements of `pattern_script` (Trunk.toml).
const path = (name) => document.querySelector(`meta[name="${name}"]`).content;
const { default: init } = await import(path('wasm-app-js'));
await init({ module_or_path: path('wasm-app-wasm') });

// The offline copy (sw.js), once the figures are up: nothing competes with the first visit.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  const register = () => navigator.serviceWorker.register('./sw.js').catch(() => {});
  if (document.readyState === 'complete') setTimeout(register, 0);
  else addEventListener('load', register, { once: true });
}
