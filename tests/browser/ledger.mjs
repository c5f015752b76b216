// A long payment ledger imported, then one payment added, one row removed, and the termination
// moved to 30 November 2025, which leaves a payment far down the list designated for December, a
// month no longer billed: how long each takes until the page has painted, and how many payment rows are drawn
// (form::rows_shown).
//
//   PAYMENTS=5000 node tests/browser/ledger.mjs     (after `trunk build --release --offline`;
//                                                    default 1000; DIST=<dir> for another build)
//
// The ledger: the ten-year sample with PAYMENTS payments of ¥100, one every three days.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, serveDir, launchBrowser, requireDist } from './lib.mjs';

const painted = (page) => page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(true), 0))));
requireDist();
const CLI = path.join(ROOT, 'target', 'release', 'contract-calc');
const doc = JSON.parse(spawnSync(CLI, ['sample', 'ten-year'], { encoding: 'utf8' }).stdout);
const N = Number(process.env.PAYMENTS || 1000);
const start = Date.parse(`${doc.contract.start}T00:00:00Z`);
const day = (i) => new Date(start + (i * 3 + 40) * 86_400_000).toISOString().slice(0, 10);
doc.payment.payments = Array.from({ length: N }, (_, i) => ({ date: day(i), amount: '100.00' }));
// Payment 86.4% down the list designated for the contract's last month, December 2025 (billing
// switched to quarterly would move it to its quarter, so a shorter term makes it wrong instead).
const far = Math.floor(N * 0.864);
doc.payment.payments[far].for = '2025-12-01';
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'contract-calc-ledger-')), 'ledger.json');
fs.writeFileSync(file, JSON.stringify(doc));
const server = await serveDir();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.url);
  await page.locator('#shell').waitFor({ state: 'detached' });
  await page.locator('[data-path="fees.components[0].amount"]').waitFor();
  const t0 = Date.now();
  await page.locator('#f-import').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('[data-testid=scenario-name]')?.textContent?.includes('十年'), null, { timeout: 300_000 });
  await painted(page);
  const t1 = Date.now();
  const rows = await page.locator('[data-path^="payment.payments["][data-path$="].amount"]').count();
  console.log(`import of ${N} payments: ${t1 - t0} ms until painted; rows in the DOM: ${rows}`);
  const t2 = Date.now();
  await page.getByTestId('add-payment').click({ timeout: 300_000 });
  await painted(page);
  console.log(`add one payment: ${Date.now() - t2} ms; rows in the DOM: ${await page.locator('[data-path^="payment.payments["][data-path$="].amount"]').count()}`);
  const t3 = Date.now();
  await page.locator('[data-path="payment.payments[0].amount"]').locator('xpath=ancestor::div[contains(@class,"row")][1]').locator('button.remove').click({ timeout: 300_000 });
  await painted(page);
  console.log(`remove the first payment: ${Date.now() - t3} ms`);
  const t4 = Date.now();
  await page.locator('[data-path="termination.date"]').fill('2025-11-30');
  const wrong = page.locator(`[data-path="payment.payments[${far - 1}].for"][aria-invalid=true]`);
  await wrong.waitFor({ timeout: 300_000 });
  await painted(page);
  const drawn = await page.locator('[data-path^="payment.payments["][data-path$="].amount"]').count();
  console.log(`terminated on 2025-11-30, leaving row ${far} (of ${N}) wrong: ${Date.now() - t4} ms; rows in the DOM: ${drawn}`);
} finally {
  await browser.close();
  server.close();
}
