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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeId, compile, compiledCli, sourcesFingerprint } from '../scripts/compile.mjs';
import { listFiles, makeProject, repoRoot } from './support/project.ts';

const exec = promisify(execFile);
const dir = path.join(repoRoot, 'node_modules', '.cache', `clarion-test-${process.pid}`);

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
    const sources = await makeProject({ '.puppeteerrc.cjs': puppeteerrc }, { samples: true });
    try {
      for (const [args, env] of [
        [[], {}],
        [['--formats', 'html,text,eml'], { CLARION_RENDER_THREADS: '2' }],
      ] as const) {
        await runCli(compiled, 'compiled', ['build', '--force', '--quiet', ...args], env);
        await runCli(sources, 'sources', ['build', '--force', '--quiet', ...args], env);
        const ours = await sums(path.join(compiled, 'dist'));
        // The parse cache too: the same bytes mean the compiled CLI names its code as the sources do.
        for (const file of ['ahmadi-mosques-desecrated/ahmadi-mosques-desecrated.pdf', 'ahmadi-mosques-desecrated/ur/card.png', 'hrc55-ahmadiyya-places-of-worship/hrc55-ahmadiyya-places-of-worship.docx', '.clarion-cache']) expect(Object.keys(ours)).toContain(file);
        expect(ours).toEqual(await sums(path.join(sources, 'dist')));
      }
    } finally {
      await rm(compiled, { recursive: true, force: true });
      await rm(sources, { recursive: true, force: true });
    }
  }, 240_000);
});
