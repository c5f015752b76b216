// First figures on a phone, measured side by side in one run (issue 9): a measurement, not a test.
//
//   node tests/browser/phone.mjs [ROUNDS]      (default 5; needs dist/ built first)
//   COMPARE=/tmp/dist-before node tests/browser/phone.mjs [ROUNDS]   (also another build, "(B)")
//   ENCODING=br node tests/browser/phone.mjs [ROUNDS]   (every page brotli-compressed, not gzip)
//
// Every page is served gzip-compressed (as a static host does) and opened in a fresh browser
// context (empty cache and storage) under a phone profile: Chrome's "Slow 4G" network (1.6 Mbps
// down, 750 kbps up, 150 ms round trip) and the CPU 4× slower. The clock runs from navigation
// start (performance.now() = 0) to the first animation frame in which the page's figure is
// visible with a digit in it, checked every frame by a script installed before the page's own. Pages, interleaved round by round:
//   static   — a static HTML page with one figure (the floor: HTML over the network, no script);
//   counter  — Leptos' counter example (tests/perf/counter), built with the app's release profile
//              and the same Trunk, wasm-bindgen and wasm-opt; built here when missing;
//   first    — contract-calc, a first visit (the starter scenario's contract total);
//   link     — contract-calc opening a share link (the ten-year monthly sample, 120 payments);
//   offline  — contract-calc, a second visit in the same context with the network off (the
//              service worker answers; the first visit's load is not counted);
//   draft    — the same, after a fee typed on the first visit: the second visit opens the stored
//              draft, whose figures the app's own wasm paints (the "offline" visit's are the
//              starter's, in the page).
// Prints each page's times and median, and the median as a multiple of the counter's.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { ROOT, DIST, serveDir, launchBrowser, requireDist, offlineCopyReady } from './lib.mjs';
import { WORKING_KEY } from './keys.mjs';
import { precompress, precompressMissing } from '../../scripts/precompress.mjs';

const ROUNDS = Number(process.argv[2] || 5);
// COMPARE=<a dist directory>: also that build's first visit and share link, "(B)", interleaved in
// the same rounds (a lever measured side by side; e.g. a copy of dist/ from before the change).
const COMPARE = process.env.COMPARE ? path.resolve(process.env.COMPARE) : null;
// ENCODING=br: every page served brotli-compressed instead of gzip (a host or CDN that does so).
const ENCODING = process.env.ENCODING === 'br' ? 'br' : 'gzip';
const COUNTER_DIR = path.join(ROOT, 'tests', 'perf', 'counter');
const COUNTER_DIST = path.join(ROOT, 'target', 'perf', 'counter-dist');
const STATIC_DIST = path.join(ROOT, 'target', 'perf', 'static-dist');
const CLI = path.join(ROOT, 'target', 'release', 'contract-calc');
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const CPU_SLOWDOWN = 4;

function ensureCounter() {
  if (fs.existsSync(path.join(COUNTER_DIST, 'index.html'))) return;
  console.log('building Leptos\' counter example (tests/perf/counter) with trunk …');
  execFileSync('trunk', ['build', '--release', '--offline'], {
    cwd: COUNTER_DIR,
    stdio: 'inherit',
    env: { ...process.env, CARGO_TARGET_DIR: path.join(ROOT, 'target', 'perf') },
  });
}

function ensureStatic() {
  fs.mkdirSync(STATIC_DIST, { recursive: true });
  fs.writeFileSync(path.join(STATIC_DIST, 'index.html'), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>one figure</title></head>
<body><p>合同总价 <span data-testid="figure">¥1,234,567.89</span></p></body></html>
`);
}

function linkFragment() {
  if (!fs.existsSync(CLI)) execFileSync('cargo', ['build', '--release', '--bin', 'contract-calc'], { cwd: ROOT, stdio: 'inherit' });
  const sample = spawnSync(CLI, ['sample', 'ten-year'], { encoding: 'utf8' });
  const link = spawnSync(CLI, ['link', '-'], { input: sample.stdout, encoding: 'utf8' });
  const fragment = link.stdout.trim();
  if (!fragment.startsWith('s1.')) throw new Error('the CLI did not print a share fragment');
  return fragment;
}

/**
 * Stamps window.__first with performance.now() at the first animation frame in which an element
 * matching `selector` is visible (rendered, not display:none) and shows a digit: a figure in the
 * DOM but hidden, or not yet styled, does not count.
 */
function watchFigure(selector) {
  const seen = () => [...document.querySelectorAll(selector)]
    .some((el) => el.checkVisibility() && /\d/.test(el.textContent ?? ''));
  const frame = () => {
    if (window.__first !== undefined) return;
    if (seen()) window.__first = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

async function firstFigure(page, url, selector) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__first !== undefined, null, { timeout: 60_000, polling: 50 });
  return page.evaluate(() => window.__first);
}

async function once(browser, url, selector, { secondVisitOffline = false, draft = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  await context.addInitScript(watchFigure, selector);
  try {
    const page = await context.newPage();
    const cdp = await throttled(context, page);
    if (!secondVisitOffline) return await firstFigure(page, url, selector);
    await firstFigure(page, url, selector);
    if (draft) {
      await page.locator('[data-path="fees.components[0].amount"]').fill('46000');
      await page.waitForFunction((key) => localStorage.getItem(key)?.includes('"46000.00"'), WORKING_KEY, { timeout: 60_000 });
    }
    // Let the service worker install, take its copies and take over, then cut the network.
    await offlineCopyReady(page, 60_000);
    await cdp.send('Network.emulateNetworkConditions', { ...SLOW_4G, offline: true });
    await context.setOffline(true);
    return await firstFigure(page, url, selector);
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  requireDist();
  ensureCounter();
  ensureStatic();
  // The same precompressed files for every page (the app's are written by its build).
  precompressMissing(COUNTER_DIST);
  precompress(STATIC_DIST, ['index.html']);
  const fragment = linkFragment();
  const servers = {
    static: await serveDir(STATIC_DIST, { encoding: ENCODING }),
    counter: await serveDir(COUNTER_DIST, { encoding: ENCODING }),
    app: await serveDir(DIST, { encoding: ENCODING }),
  };
  if (COMPARE) servers.compare = await serveDir(COMPARE, { encoding: ENCODING });
  const pages = [
    ['static', servers.static.url, '[data-testid=figure]', {}],
    ['counter', servers.counter.url, '[data-testid=counter-value]', {}],
    ['first', servers.app.url, '[data-testid=contract-total]', {}],
    ['link', `${servers.app.url}#${fragment}`, '[data-testid=contract-total]', {}],
    ['offline', servers.app.url, '[data-testid=contract-total]', { secondVisitOffline: true }],
    ['draft', servers.app.url, '[data-testid=contract-total]', { secondVisitOffline: true, draft: true }],
  ];
  if (COMPARE) {
    pages.push(
      ['first (B)', servers.compare.url, '[data-testid=contract-total]', {}],
      ['link (B)', `${servers.compare.url}#${fragment}`, '[data-testid=contract-total]', {}],
      ['draft (B)', servers.compare.url, '[data-testid=contract-total]', { secondVisitOffline: true, draft: true }],
    );
  }
  const times = Object.fromEntries(pages.map(([name]) => [name, []]));
  const browser = await launchBrowser();
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const line = [];
      for (const [name, url, selector, opts] of pages) {
        const t = await once(browser, url, selector, opts).catch((e) => {
          console.log(`  ! ${name}: ${e.message.split('\n')[0]}`);
          return NaN;
        });
        times[name].push(t);
        line.push(`${name} ${(t / 1000).toFixed(2)} s`);
      }
      console.log(`round ${round}: ${line.join(', ')}`);
    }
  } finally {
    await browser.close().catch(() => {});
    for (const s of Object.values(servers)) await s.close();
  }
  const counter = median(times.counter);
  console.log('');
  console.log(`== First figure, Slow 4G + CPU ${CPU_SLOWDOWN}×, ${ENCODING}, median of ${ROUNDS} ==`);
  for (const [name] of pages) {
    const m = median(times[name]);
    console.log(`  ${name.padEnd(9)} ${(m / 1000).toFixed(2)} s   ${(m / counter).toFixed(2)}× the counter   [${times[name].map((t) => (t / 1000).toFixed(2)).join(', ')}]`);
  }
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exitCode = 1;
});
