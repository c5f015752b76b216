// Where a keystroke's time goes: Chrome's sampling profiler over N keystrokes into the ten-year
// scenario (as measure.mjs), on a copy of dist/ whose app wasm keeps its function names.
//
//   node tests/browser/profile.mjs [N]     (after `trunk build --release --offline`; default 200)
//   SECTION9=1 TOP=40 node tests/browser/profile.mjs   (§9 fields on; the 40 costliest app functions)
//   PAYMENTS=1000 node tests/browser/profile.mjs 10    (a thousand payments instead of 120, as an
//                                                       imported ledger: the browser's layout)
//
// The copy: wasm-bindgen --keep-debug run again on the wasm Cargo built for Trunk
// (target/wasm32-unknown-unknown/wasm-release/contract-calc-web.wasm), without wasm-opt, in place
// of dist's app wasm and glue. Prints self time by kind (wasm, JS, the browser's own), the top
// functions by self time, and the app's functions by inclusive time — per keystroke.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { ROOT, DIST, serveDir, launchBrowser, requireDist, withSection9Fields } from './lib.mjs';

const N = Number(process.argv[2] || 200);
const CLI = path.join(ROOT, 'target', 'release', 'contract-calc');
const WASM = path.join(ROOT, 'target', 'wasm32-unknown-unknown', 'wasm-release', 'contract-calc-web.wasm');

requireDist();
if (!fs.existsSync(WASM)) throw new Error(`${WASM} is missing: run trunk build --release --offline first`);
if (!fs.existsSync(CLI)) execFileSync('cargo', ['build', '--release', '--bin', 'contract-calc'], { cwd: ROOT, stdio: 'inherit' });
const sample = spawnSync(CLI, ['sample', 'ten-year'], { encoding: 'utf8' }).stdout;
// SECTION9=1: the same contract with the §9 fields on, as measure.mjs's third run.
const doc = JSON.parse(sample);
if (process.env.SECTION9) withSection9Fields(doc);
// PAYMENTS=N: N payments of ¥100, one every three days from the 40th day of the term.
if (process.env.PAYMENTS) {
  const start = Date.parse(`${doc.contract.start}T00:00:00Z`);
  const day = (i) => new Date(start + (i * 3 + 40) * 86_400_000).toISOString().slice(0, 10);
  doc.payment.payments = Array.from({ length: Number(process.env.PAYMENTS) }, (_, i) => ({ date: day(i), amount: '100.00' }));
}
const fragment = spawnSync(CLI, ['link', '-'], { input: JSON.stringify(doc), encoding: 'utf8' }).stdout.trim();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-calc-profile-'));
fs.cpSync(DIST, dir, { recursive: true });
const named = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-calc-names-'));
execFileSync('wasm-bindgen', ['--target', 'web', '--keep-debug', '--out-dir', named, '--out-name', 'app', WASM], { stdio: 'inherit' });
for (const f of fs.readdirSync(dir)) {
  if (/^contract-calc-web-[0-9a-f]+(_bg\.wasm|\.js)(\.br|\.gz)?$/.test(f)) {
    if (/\.(br|gz)$/.test(f)) { fs.rmSync(path.join(dir, f)); continue; }
    fs.copyFileSync(path.join(named, f.endsWith('.wasm') ? 'app_bg.wasm' : 'app.js'), path.join(dir, f));
  }
}

const server = await serveDir(dir);
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}#${fragment}`);
  await page.locator('#shell').waitFor({ state: 'detached' });
  const input = page.locator('[data-path="fees.components[0].amount"]');
  await input.fill((await input.inputValue()).replace(/\.0+$/, ''));
  await input.click();
  await page.keyboard.press('End');
  for (let i = 0; i < 20; i++) await page.keyboard.press(i % 2 ? 'Backspace' : '7');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < N; i++) await page.keyboard.press(i % 2 ? 'Backspace' : '7');
  const { profile } = await cdp.send('Profiler.stop');

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => n.callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '') || '(anonymous)';
  const kind = (n) => (n.callFrame.url.includes('.wasm') ? 'wasm' : n.callFrame.url ? 'JS' : 'browser');
  const self = new Map();
  const kinds = new Map();
  const inclusive = new Map();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] || 0;
    const n = byId.get(id);
    const key = `${kind(n)} ${name(n)}`;
    self.set(key, (self.get(key) || 0) + dt);
    kinds.set(kind(n), (kinds.get(kind(n)) || 0) + dt);
    const seen = new Set();
    for (let p = id; p; p = parent.get(p)) {
      const f = name(byId.get(p));
      if (!seen.has(f)) { seen.add(f); inclusive.set(f, (inclusive.get(f) || 0) + dt); }
    }
  });
  const per = (us) => `${(us / 1000 / N).toFixed(3).padStart(7)} ms`;
  console.log(`${N} keystrokes; per keystroke:`);
  console.log(`  self time: ${[...kinds].map(([k, v]) => `${k} ${per(v).trim()}`).join(', ')} ("(program)" and "(idle)" are the browser's own)`);
  console.log('  top functions by self time:');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${per(v)}  ${k.slice(0, 120)}`);
  console.log('  the app\'s functions by inclusive time:');
  for (const [k, v] of [...inclusive].filter(([k]) => /contract_calc|innerHTML|reactive_graph|tachys|leptos/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 15))) {
    console.log(`  ${per(v)}  ${k.slice(0, 120)}`);
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(named, { recursive: true, force: true });
}
