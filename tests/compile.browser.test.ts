/**
 * The compiled CLI (scripts/compile.mjs) must behave exactly as the sources: the same outputs, byte
 * for byte, render workers included; and it is used only while it matches the sources.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deserialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeId, compile, compiledCli, sourcesFingerprint } from '../scripts/compile.mjs';
import { clarion, listFiles, makeProject, repoRoot } from './support/project.ts';
import { samplesBuild, withEnv } from './support/shared-build.ts';

const exec = promisify(execFile);
// Inside the repository (.tmp/ is ignored by git), so that the compiled files find node_modules.
const dir = path.join(repoRoot, '.tmp', `compile-test-${process.pid}`);

beforeAll(async () => {
  await compile(dir);
  // What bin/clarion.js does with a compiled CLI.
  await writeFile(path.join(dir, 'run.mjs'), "import { run } from './cli.js';\nprocess.exitCode = await run(process.argv.slice(2));\n");
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI from a compiled folder, or from the sources, in `cwd`. */
async function runCli(cwd: string, from: 'compiled' | 'sources', args: string[], env: NodeJS.ProcessEnv = {}) {
  const script = [from === 'compiled' ? path.join(dir, 'run.mjs') : path.join(repoRoot, 'bin/clarion.js'), ...args];
  return exec(process.execPath, script, { cwd, env: { ...process.env, ...env, ...(from === 'sources' ? { CLARION_FROM_SOURCES: '1' } : {}) } });
}

/** A copy of some folders of a project (timestamps kept, so its outputs stay up to date), in a project folder of its own. */
async function copyOf(project: string, folders: string[]): Promise<string> {
  const copy = await makeProject({});
  for (const folder of folders) {
    await rm(path.join(copy, folder), { recursive: true, force: true });
    await cp(path.join(project, folder), path.join(copy, folder), { recursive: true, preserveTimestamps: true });
  }
  return copy;
}

async function sums(root: string): Promise<Record<string, string>> {
  const files = await listFiles(root);
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, createHash('sha256').update(await readFile(path.join(root, f))).digest('hex')] as const)));
}

describe('the compiled CLI', () => {
  it('is used only while it matches the sources', async () => {
    expect(compiledCli(dir)).toMatch(/^file:.*\/cli\.js$/);
    const stamp = path.join(dir, 'sources.json');
    const original = await readFile(stamp, 'utf8');
    await writeFile(stamp, JSON.stringify({ sources: '0'.repeat(64) }));
    expect(compiledCli(dir)).toBeUndefined();
    await writeFile(stamp, original);
    expect(compiledCli(dir)).toBeDefined();
  });

  it('notices any change to the sources', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'clarion-sources-'));
    try {
      await cp(path.join(repoRoot, 'src'), path.join(copy, 'src'), { recursive: true, preserveTimestamps: true });
      await cp(path.join(repoRoot, 'package.json'), path.join(copy, 'package.json'), { preserveTimestamps: true });
      const before = sourcesFingerprint(copy);
      expect(sourcesFingerprint(copy)).toBe(before);
      await appendFile(path.join(copy, 'src/version.ts'), '\n');
      expect(sourcesFingerprint(copy)).not.toBe(before);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('names the code by its content: the same in another folder, another after any change', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'clarion-code-'));
    try {
      await cp(path.join(repoRoot, 'src'), path.join(copy, 'src'), { recursive: true });
      for (const file of ['package.json', 'package-lock.json']) await cp(path.join(repoRoot, file), path.join(copy, file));
      expect(codeId(copy)).toBe(codeId(repoRoot));
      await appendFile(path.join(copy, 'package-lock.json'), '\n');
      expect(codeId(copy)).not.toBe(codeId(repoRoot));
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('builds the same bytes as the sources: the samples in every format, and with render workers', async () => {
    // The samples (a press release in English and Urdu, a UN submission), with puppeteer's
    // configuration file beside them as in the repository itself.
    const puppeteerrc = await readFile(path.join(repoRoot, '.puppeteerrc.cjs'));
    const compiled = await makeProject({ '.puppeteerrc.cjs': puppeteerrc }, { samples: true });
    // The sources: the run's shared build of the samples (made in-process from src/), then the
    // second build in a copy of that project, as the compiled CLI makes it in its own.
    const shared = await samplesBuild();
    expect(shared.code, shared.stderr).toBe(0);
    const sources = await copyOf(shared.dir, ['statements', 'templates', 'dist']);
    try {
      for (const [args, env] of [
        [[], {}],
        [['--formats', 'html,text,eml'], { CLARION_RENDER_THREADS: '2' }],
      ] as const) {
        await runCli(compiled, 'compiled', ['build', '--force', '--quiet', ...args], env);
        if (args.length) expect((await withEnv(env, () => clarion(sources, 'build', '--force', '--quiet', ...args))).code).toBe(0);
        const ours = await sums(path.join(compiled, 'dist'));
        // The parse cache too: the same bytes mean the compiled CLI names its code as the sources do.
        for (const file of ['ahmadi-mosques-desecrated/ahmadi-mosques-desecrated.pdf', 'ahmadi-mosques-desecrated/ur/card.png', 'hrc55-ahmadiyya-places-of-worship/hrc55-ahmadiyya-places-of-worship.docx', '.clarion-cache']) expect(Object.keys(ours)).toContain(file);
        const theirs = await sums(path.join(sources, 'dist'));
        if (ours['.clarion-cache'] !== theirs['.clarion-cache']) console.error(await cacheDifference(path.join(compiled, 'dist'), path.join(sources, 'dist')));
        expect(ours).toEqual(theirs);
      }
    } finally {
      await rm(compiled, { recursive: true, force: true });
      await rm(sources, { recursive: true, force: true });
    }
  }, 240_000);
});

/** What differs between two parse caches: their headers, or the first entry that differs. */
async function cacheDifference(a: string, b: string): Promise<string> {
  const read = async (dir: string) => deserialize(await readFile(path.join(dir, '.clarion-cache'))) as { header: string; entries: [string, Uint8Array][] };
  const [x, y] = [await read(a), await read(b)];
  if (x.header !== y.header) return `headers: ${x.header} | ${y.header}`;
  for (const [i, [file, entry]] of x.entries.entries()) {
    const other = y.entries[i];
    if (other?.[0] !== file) return `entry ${i}: ${file} | ${other?.[0]}`;
    if (!Buffer.from(entry).equals(Buffer.from(other[1]))) return `entry ${file}: ${JSON.stringify(deserialize(entry)).slice(0, 3000)}\n---\n${JSON.stringify(deserialize(other[1])).slice(0, 3000)}`;
  }
  return `entries: ${x.entries.length} | ${y.entries.length}`;
}
