// The `.gz` and `.br` files beside a build's text and wasm files, for static hosts that serve
// precompressed files (nginx gzip_static/brotli_static, Caddy precompressed, …). Used by
// scripts/post-build.mjs for dist/, and by tests/browser/phone.mjs for the pages it measures the
// app against, so that every page is served the same way.
//
// gzip: Zopfli (Debian's `zopfli`, installed by scripts/setup.sh) when present — a gzip stream
// every browser reads, about 4–5% smaller than zlib's level 9 (the figures module 87.2 → 83.2 KB)
// at about a second per file; zlib's level 9 otherwise. brotli: quality 11.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';

export const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|json|txt)$/;

let zopfliFound;
function hasZopfli() {
  if (zopfliFound === undefined) {
    try {
      execFileSync('zopfli', ['-h'], { stdio: 'ignore' });
      zopfliFound = true;
    } catch (e) {
      // Only a missing program means no Zopfli.
      zopfliFound = e.code !== 'ENOENT';
    }
    if (!zopfliFound) console.warn('precompress: zopfli not found (Debian package zopfli): gzip at zlib level 9');
  }
  return zopfliFound;
}

/** The gzip stream of one file: Zopfli's when present, zlib's level 9 otherwise. */
export function gzipFile(file) {
  if (hasZopfli()) return execFileSync('zopfli', ['-c', file], { maxBuffer: 1 << 30 });
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 });
}

/**
 * Writes `name.gz` and `name.br` beside each of `names` in `dir` that is compressible; returns
 * the bytes of each kind in all.
 */
export function precompress(dir, names) {
  let gz = 0;
  let br = 0;
  for (const name of names.filter((n) => COMPRESSIBLE.test(n))) {
    const file = path.join(dir, name);
    const body = fs.readFileSync(file);
    const g = gzipFile(file);
    const b = zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    fs.writeFileSync(`${file}.gz`, g);
    fs.writeFileSync(`${file}.br`, b);
    gz += g.length;
    br += b.length;
  }
  return { gz, br };
}

/** Every file of `dir` (not its subfolders) that has no `.gz` beside it yet: compressed. */
export function precompressMissing(dir) {
  const names = fs.readdirSync(dir)
    .filter((n) => !/\.(br|gz)$/.test(n) && fs.statSync(path.join(dir, n)).isFile())
    .filter((n) => !fs.existsSync(path.join(dir, `${n}.gz`)));
  return precompress(dir, names);
}
