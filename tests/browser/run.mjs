// Browser tests: serves dist/ (build it first: trunk build --release --offline), drives Debian's
// Chromium headless through playwright-core, and closes with 'N passed, M failed'.
//
// To add a test, append { name, run } to `tests`. Each run gets a fresh browser context and page
// ({ page, url, errors }); it throws to fail. After it returns, any console error, page error or
// failed request recorded in `errors` fails it too.
import { serveDir, launchBrowser, collectErrors, requireDist } from './lib.mjs';

const TEST_TIMEOUT_MS = 30_000;

/** Waits until `selector` exists and its text is exactly `expected`. */
async function expectText(page, selector, expected) {
  const el = page.locator(selector);
  await el.waitFor({ state: 'visible' });
  try {
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent?.trim() === want,
      [selector, expected],
      { timeout: 5_000 },
    );
  } catch {
    const got = (await el.textContent())?.trim();
    throw new Error(`${selector}: expected text ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  }
}

const tests = [
  {
    name: 'the page loads the wasm app and shows the example contract total',
    async run({ page, url }) {
      const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'));
      await page.goto(url);
      const res = await wasm;
      const type = res.headers()['content-type'];
      if (type !== 'application/wasm') throw new Error(`.wasm served as ${type}`);
      await expectText(page, '[data-testid=contract-total]', '¥600,000.00');
    },
  },
  {
    name: 'the page has the product heading and the zh-CN language',
    async run({ page, url }) {
      await page.goto(url);
      await expectText(page, 'h1', '售后服务外包合同计算器');
      const lang = await page.getAttribute('html', 'lang');
      if (lang !== 'zh-CN') throw new Error(`<html lang> is ${JSON.stringify(lang)}`);
    },
  },
];

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const only = process.argv[2];
  const selected = only ? tests.filter((t) => t.name.includes(only)) : tests;
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  requireDist();
  const server = await serveDir();
  const browser = await launchBrowser();
  try {
    for (const t of selected) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors = collectErrors(page);
      try {
        await withTimeout(t.run({ page, url: server.url, errors }), TEST_TIMEOUT_MS, t.name);
        if (errors.length) throw new Error(errors.join('\n    '));
        passed++;
        console.log(`ok   ${t.name}`);
      } catch (err) {
        failed++;
        console.log(`FAIL ${t.name}\n    ${String(err?.message ?? err).split('\n').join('\n    ')}`);
      } finally {
        await context.close().catch(() => {});
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  console.log(`browser tests took ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
