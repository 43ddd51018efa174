/**
 * Builds shared by the test files of a run: the first file that asks builds the project (in
 * process, as `clarion()` does); every other file, in this worker or another, waits for that
 * build and reads it. A shared project is never changed after its build: a test that builds it
 * again writes into an output folder of its own (`--out`), or copies the project.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { clarion, makeProject, tierProjects } from './project.ts';
import { waitFor } from './wait.ts';

export interface SharedBuild {
  /** The project folder. */
  dir: string;
  code: number;
  stdout: string;
  stderr: string;
}

export interface SharedBuildSpec {
  /** Names the build within a run: the same name, the same build. */
  name: string;
  files?: Record<string, string | Uint8Array>;
  samples?: boolean;
  /** The command line, `build` first. */
  argv: string[];
  /** Environment variables set during the build only (e.g. SOURCE_DATE_EPOCH). */
  env?: Record<string, string>;
}

/** How long a file waits for a build that another file started. */
const WAIT_MS = 300_000;

export async function sharedBuild(spec: SharedBuildSpec): Promise<SharedBuild> {
  const root = tierProjects();
  await mkdir(root, { recursive: true });
  const record = path.join(root, `shared-${spec.name}.json`);
  let mine = true;
  // mkdir is atomic: exactly one file of the run gets to build.
  await mkdir(path.join(root, `shared-${spec.name}.lock`)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
    mine = false;
  });
  if (!mine) {
    await waitFor(() => existsSync(record), { timeoutMs: WAIT_MS, everyMs: 50, what: `the shared build "${spec.name}"` });
    const read = JSON.parse(await readFile(record, 'utf8')) as SharedBuild | { error: string };
    if ('error' in read) throw new Error(`the shared build "${spec.name}" failed in another test file: ${read.error}`);
    return read;
  }
  let result: SharedBuild | { error: string };
  try {
    const dir = await makeProject(spec.files ?? {}, { samples: spec.samples ?? false });
    result = { dir, ...(await withEnv(spec.env ?? {}, () => clarion(dir, ...spec.argv))) };
  } catch (error) {
    result = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  await writeFile(`${record}.tmp`, JSON.stringify(result));
  await rename(`${record}.tmp`, record);
  if ('error' in result) throw new Error(`the shared build "${spec.name}" failed: ${result.error}`);
  return result;
}

/** Runs `run` with the environment variables set, restored after. */
export async function withEnv<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await run();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The sample statements (statements/), built in every format: read by the PDF, translation, UN submission, reproducibility and compiled-CLI tests. */
export const samplesBuild = () => sharedBuild({ name: 'samples', samples: true, argv: ['build'] });
