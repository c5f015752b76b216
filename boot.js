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

if (how !== 'static') document.getElementById('shell-static')?.remove();
if (how === 'module') {
  try {
    const figures = await import(path('wasm-figures-js'));
    await figures.default({ module_or_path: path('wasm-figures-wasm') });
    figures.paint();
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
