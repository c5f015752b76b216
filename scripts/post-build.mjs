// Trunk's post_build hook (Trunk.toml), run in the staging directory before it becomes dist/:
// 0. gives the small wasm modules (first figures; share links where the browser cannot deflate;
//    the QR code) hashed names, writes the starter's build-time figures into the static shell, takes the
//    comments out of the page, its style sheet and boot.js, and admits the one inline script to
//    the CSP by its digest (see below);
// 1. writes the release into sw.js: VERSION, a digest of every file's name and content,
//    ASSETS, the files the service worker keeps for offline visits, DIGESTS, each file's
//    SHA-256, which it checks before keeping one, and PAGE_LOADS, the files the page names;
// 2. writes a .br and a .gz beside every text and wasm file (scripts/precompress.mjs: Zopfli's
//    gzip), so that a static host set up to serve precompressed files (nginx
//    gzip_static/brotli_static, Caddy precompressed, …) sends the smallest without compressing
//    on each request.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { precompress } from './precompress.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: this script is run by trunk build');

// 0. The first figures (README "First figures"). The small modules — the first figures, the
//    share links for a browser that cannot deflate, the QR code — (built by Trunk as "workers",
//    so named after their binaries) get content-hashed names like the app's, written into
//    index.html's <meta> elements.
{
  const base = process.env.TRUNK_PUBLIC_URL || '/';
  const htmlPath = path.join(dir, 'index.html');
  const html = fs.readFileSync(htmlPath, 'utf8');
  let named = html;
  const hashedNames = [];
  for (const module of ['contract-calc-figures', 'contract-calc-links', 'contract-calc-qr']) {
    const js = `${module}.js`;
    const wasm = `${module}_bg.wasm`;
    const hash = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, wasm)))
      .update(fs.readFileSync(path.join(dir, js))).digest('hex').slice(0, 16);
    const hashedJs = `${module}-${hash}.js`;
    const hashedWasm = `${module}-${hash}_bg.wasm`;
    fs.renameSync(path.join(dir, js), path.join(dir, hashedJs));
    fs.renameSync(path.join(dir, wasm), path.join(dir, hashedWasm));
    named = named
      .replace(`content="${js}"`, () => `content="${base}${hashedJs}"`)
      .replace(`content="${wasm}"`, () => `content="${base}${hashedWasm}"`);
    hashedNames.push(hashedJs, hashedWasm);
  }
  // The starter's figures that hold on any day, from the CLI over the same engine.
  const figures = execFileSync('cargo', ['run', '--quiet', '--bin', 'contract-calc', '--', 'shell-figures'], {
    cwd: process.env.TRUNK_SOURCE_DIR || '.',
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  if (!figures.includes('data-testid="contract-total"')) throw new Error(`contract-calc shell-figures printed: ${figures.slice(0, 200)}`);
  // Replacement functions, not strings: `$&` and the like in the inserted text stay as written.
  named = named.replace('<!-- contract-calc shell-figures -->', () => figures);
  // The page, its style sheet and boot.js without their comments (they are for readers of the
  // source, and on the first-figures path every byte counts): HTML comments, CSS block comments,
  // boot.js's whole-line `//` comments. The other two keep Trunk's subresource integrity, their
  // digests written again, and are named again by the hash of what they now hold: Trunk named
  // them by their source, and a name served as immutable must never carry other bytes (a cache
  // holding the old ones would fail the new digest, and boot.js would not run). (Trunk's own
  // --minify cannot parse boot.js; see README.)
  named = named.replace(/<!--[\s\S]*?-->\s*/g, '');
  for (const [stem, ext, strip] of [
    ['main', 'css', (text) => text.replace(/\/\*[\s\S]*?\*\/\s*/g, '')],
    ['boot', 'js', (text) => text.replace(/^[ \t]*\/\/.*\n/gm, '')],
  ]) {
    const pattern = new RegExp(`^${stem}-[0-9a-f]+\\.${ext}$`);
    const name = fs.readdirSync(dir).find((n) => pattern.test(n));
    if (!name) throw new Error(`no ${pattern} in the build`);
    const before = fs.readFileSync(path.join(dir, name));
    const after = Buffer.from(strip(before.toString('utf8')), 'utf8');
    const sri = (body) => `sha384-${crypto.createHash('sha384').update(body).digest('base64')}`;
    if (!named.includes(sri(before))) throw new Error(`index.html: no integrity for ${name}`);
    const renamed = `${stem}-${crypto.createHash('sha256').update(after).digest('hex').slice(0, 16)}.${ext}`;
    if (!named.includes(name)) throw new Error(`index.html: no reference to ${name}`);
    fs.rmSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, renamed), after);
    named = named.replace(sri(before), () => sri(after)).replaceAll(name, () => renamed);
  }
  // The one inline script (which first figures this visit gets), admitted by its digest.
  const inline = [...named.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  if (inline.length !== 1) throw new Error(`index.html: expected one inline script, found ${inline.length}`);
  const digest = crypto.createHash('sha256').update(inline[0], 'utf8').digest('base64');
  named = named.replace("script-src 'self'", () => `script-src 'self' 'sha256-${digest}'`);
  if (!hashedNames.every((n) => named.includes(n)) || !named.includes(figures) || !named.includes(digest)) {
    throw new Error('index.html: the modules\' <meta> elements, the shell or the CSP were not found');
  }
  fs.writeFileSync(htmlPath, named);
}
const files = fs.readdirSync(dir)
  .filter((name) => fs.statSync(path.join(dir, name)).isFile())
  .filter((name) => !/\.(br|gz)$/.test(name) && name !== 'sw.js')
  .sort();

const digest = crypto.createHash('sha256');
for (const name of files) digest.update(name).update('\0').update(fs.readFileSync(path.join(dir, name)));
const version = `contract-calc-${digest.digest('hex').slice(0, 16)}`;
const assets = ['./', ...files.filter((name) => name !== 'index.html')];

const swPath = path.join(dir, 'sw.js');
const sw = fs.readFileSync(swPath, 'utf8');
const digests = Object.fromEntries(files.filter((name) => name !== 'index.html').map((name) => [
  name, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('base64'),
]));
const page = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
const pageLoads = files.filter((name) => name !== 'index.html' && page.includes(name));
if (!pageLoads.some((name) => /^contract-calc-web-.*_bg\.wasm$/.test(name))) {
  throw new Error(`index.html names no app wasm among ${pageLoads}`);
}
const released = sw
  .replace(/^const VERSION = .*;$/m, () => `const VERSION = ${JSON.stringify(version)};`)
  .replace(/^const ASSETS = .*;$/m, () => `const ASSETS = ${JSON.stringify(assets)};`)
  .replace(/^const DIGESTS = .*;$/m, () => `const DIGESTS = ${JSON.stringify(digests)};`)
  .replace(/^const PAGE_LOADS = .*;$/m, () => `const PAGE_LOADS = ${JSON.stringify(pageLoads)};`);
if (released === sw || ![version, JSON.stringify(digests), JSON.stringify(pageLoads)].every((w) => released.includes(w))) {
  throw new Error('sw.js: VERSION/ASSETS/DIGESTS/PAGE_LOADS lines not found');
}
fs.writeFileSync(swPath, released);

const { gz, br } = precompress(dir, [...files, 'sw.js']);
console.log(`post-build: ${version}, ${assets.length} files kept offline; precompressed: gzip ${(gz / 1024).toFixed(1)} KiB, brotli ${(br / 1024).toFixed(1)} KiB`);
