// Takes PNG screenshots of the built page (dist/) for people to look at: one desktop, one phone.
// usage: node tests/browser/screenshot.mjs [OUT_DIR]   (default /tmp); prints each file's path.
import path from 'node:path';
import { serveDir, launchBrowser, collectErrors, requireDist } from './lib.mjs';

const outDir = path.resolve(process.argv[2] || '/tmp');
const sizes = [
  { width: 1280, height: 900 },
  { width: 360, height: 740 },
];

requireDist();
const server = await serveDir();
const browser = await launchBrowser();
try {
  for (const viewport of sizes) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await page.locator('[data-testid=contract-total], [data-testid=engine-error]').first()
      .waitFor({ timeout: 15_000 });
    const file = path.join(outDir, `contract-calc-${viewport.width}x${viewport.height}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    for (const e of errors) console.error(`  ${e}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
