/**
 * Watch mode: build, then rebuild whenever a statement, the organisation profile or a template
 * changes. Builds are incremental (the manifest), never overlap, and share one browser that
 * stays warm between them and is closed when watching stops. When only statements were saved,
 * the rebuild reads only those (a build of some paths: the others and the site stay as published);
 * any other change (a template, the profile, an image, a file removed or renamed) rebuilds all.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { reportBuild } from '../report/build-report.ts';
import { browserFor, runBuild, type BuildOptions, type BuildResult } from './index.ts';
import type { Io } from '../cli/io.ts';
import type { CliOptions } from '../cli/options.ts';
import { STATEMENTS_DIR, TEMPLATES_DIR, translationOf } from '../sources/load-statements.ts';
import { aborted } from '../util/aborted.ts';

export interface Watcher {
  /** Resolves when the build that follows the latest change has finished. */
  settled(): Promise<BuildResult | undefined>;
  close(): Promise<void>;
}

export function startWatching(root: string, options: BuildOptions, onBuild: (result: BuildResult, ms: number) => void, debounceMs = 20): Watcher {
  // One browser for every build, started by the first that prints.
  const browser = options.browser ?? browserFor(options);
  let running: Promise<BuildResult | undefined> = Promise.resolve(undefined);
  let timer: NodeJS.Timeout | undefined;
  let dirty = true;
  let closed = false;
  // The statements saved since the last build began; 'all' after any other change (and at first).
  let saved: Set<string> | 'all' = 'all';

  const buildOnce = async (): Promise<BuildResult | undefined> => {
    if (closed || !dirty) return undefined;
    dirty = false;
    const paths = pathsToBuild(root, options.paths, saved);
    saved = new Set();
    const started = performance.now();
    // A browser that could not start is tried again by the next build.
    browser.retryStart();
    const result = await runBuild(root, { ...options, paths, browser, writeEarly: true });
    onBuild(result, performance.now() - started);
    // A change that arrived during the build gets a build of its own.
    return dirty ? buildOnce() : result;
  };
  const schedule = (dir: string, filename: string | null) => {
    const file = filename === null ? undefined : `${dir}/${filename.split(path.sep).join('/')}`;
    if (saved !== 'all') {
      if (file && isStatement(file)) saved.add(file);
      else saved = 'all';
    }
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(buildOnce, buildOnce);
    }, debounceMs);
  };

  const watchers: FSWatcher[] = [];
  for (const dir of [STATEMENTS_DIR, TEMPLATES_DIR]) {
    try {
      watchers.push(watch(path.join(root, dir), { recursive: true }, (_event, filename) => schedule(dir, filename)));
    } catch {
      // A missing folder is reported by the build itself.
    }
  }
  running = buildOnce();
  return {
    async settled() {
      // Wait out the debounce, then every build queued behind it.
      while (true) {
        const current = running;
        await new Promise((resolve) => setTimeout(resolve, debounceMs + 10));
        const result = await current;
        if (current === running && !dirty) return result;
      }
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers) w.close();
      await running.catch(() => undefined);
      await browser.close();
    },
  };
}

/** A statement's source: a Markdown file under statements/ (the profile and images are not). */
function isStatement(file: string): boolean {
  return file.startsWith(`${STATEMENTS_DIR}/`) && /\.(md|markdown)$/i.test(file);
}

/**
 * What the next build reads: the paths asked for on the command line; else the statements saved,
 * when they all still exist (one removed or renamed unpublishes, which a whole build does), a
 * translation with its whole folder (the others inherit from it and link to it); else all.
 */
export function pathsToBuild(root: string, asked: readonly string[], saved: ReadonlySet<string> | 'all'): string[] {
  if (asked.length > 0 || saved === 'all' || saved.size === 0) return [...asked];
  if (![...saved].every((file) => existsSync(path.join(root, file)))) return [];
  return [...new Set([...saved].map((file) => translationOf(file)?.folder ?? file))].sort();
}

/** `clarion build --watch`: report every build until `signal` (Ctrl-C); the build under way finishes first. */
export async function watchBuild(io: Io, options: CliOptions, signal: AbortSignal): Promise<number> {
  const watcher = startWatching(io.cwd, options, (result, ms) => {
    reportBuild(io, options, result, ms);
    io.stdout('Watching statements/ and templates/ for changes (Ctrl-C to stop)\n');
  });
  await aborted(signal);
  await watcher.close();
  return 0;
}
