/**
 * Clarion runs from its TypeScript sources, but compiling them first makes every command start
 * about a second sooner (no loader translating modules at run time). `npm install` and `npm ci`
 * compile (the `prepare` script); `bin/clarion.js` uses the compiled files only while they match
 * the sources exactly, and otherwise runs the sources themselves, so an edited source is never
 * shadowed by an old compile.
 *
 *   node scripts/compile.mjs     compile src/ into node_modules/.cache/clarion/
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const COMPILED_DIR = path.join(root, 'node_modules', '.cache', 'clarion');
const STAMP = 'sources.json';
const EXTERNAL = ['puppeteer', 'pdfjs-dist', '@napi-rs/canvas', 'esbuild', 'tsx'];

/** Every file under src/, with package.json and any `extra` files of the root, sorted. */
function sourceFiles(from, extra = []) {
  return readdirSync(path.join(from, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .concat(['package.json', ...extra].map((name) => path.join(from, name)))
    .sort();
}

/** What the compiled files are made from: every file under src/ (path, size, mtime) and package.json. */
export function sourcesFingerprint(from = root) {
  const hash = createHash('sha256');
  for (const file of sourceFiles(from)) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${path.relative(from, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/**
 * What Clarion's code is, by content: src/ and the exact dependencies (package-lock.json). The
 * same code gives the same id on any machine; caches made by other code are not trusted.
 */
export function codeId(from = root) {
  const hash = createHash('sha256');
  for (const file of sourceFiles(from, ['package-lock.json'])) {
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      bytes = Buffer.from('(missing)');
    }
    hash.update(`${path.relative(from, file).split(path.sep).join('/')}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The compiled CLI's URL when it was compiled from the sources as they are now; otherwise undefined. */
export function compiledCli(dir = COMPILED_DIR) {
  try {
    const stamp = JSON.parse(readFileSync(path.join(dir, STAMP), 'utf8'));
    if (stamp.sources !== sourcesFingerprint()) return undefined;
    return pathToFileURL(path.join(dir, 'cli.js')).href;
  } catch {
    return undefined;
  }
}

/** Compiles src/ into `dir` (replaced whole, so no old chunk lingers). */
export async function compile(dir = COMPILED_DIR) {
  const { build } = await import('esbuild');
  const sources = sourcesFingerprint();
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  await build({
    entryPoints: { cli: path.join(root, 'src/cli/main.ts'), 'render-worker': path.join(root, 'src/build/render-worker.ts'), 'thumbnail-worker': path.join(root, 'src/formats/thumbnail/thumbnail-worker.ts') },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies are bundled too (loading one file is much faster than hundreds), the browser
    // driver (puppeteer-core) among them, except those that find files of their own at run time:
    // puppeteer's configuration loader (.puppeteerrc.cjs; it names the browser cache, looked up
    // only when the machine has no Chromium), pdf.js and its canvas.
    external: EXTERNAL,
    // Bundled CommonJS modules call require() for Node's own modules.
    banner: { js: "import { createRequire as __clarionRequire } from 'node:module'; const require = __clarionRequire(import.meta.url);" },
    define: { __CLARION_CODE_ID__: JSON.stringify(codeId()) },
    logLevel: 'warning',
    legalComments: 'none',
  });
  writeFileSync(path.join(staging, STAMP), JSON.stringify({ sources }) + '\n');
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  try {
    await compile();
  } catch (error) {
    // Clarion still runs from its sources, only slower to start.
    console.error(`compile: ${error instanceof Error ? error.message : String(error)} (Clarion will run from its sources)`);
  }
}
