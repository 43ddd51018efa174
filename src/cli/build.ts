/** `clarion build [paths...]`, and with --watch, a build after every change until Ctrl-C. */
import { Option } from 'commander';
import type { CommandSpec } from './command.ts';
import type { Io } from './io.ts';
import type { CliOptions } from './options.ts';
import { concurrencyOption, formatsOption, jsonOption, nowOption, outOption, strictOption, timeoutOption } from './common-options.ts';

export const buildCommand: CommandSpec = {
  name: 'build',
  summary: 'write every output of each statement, and the newsroom index, to dist/',
  description:
    'Validates, then writes the web page, text release, PDF and email draft of each valid statement (and the Word file of UN submissions) to dist/, with the newsroom index, feeds and sitemap. Only statements whose sources, templates or settings changed are rebuilt.',
  declare(command) {
    command
      .argument('[paths...]', 'statement files or folders to build (default: every statement; the index still lists them all)')
      .addOption(strictOption())
      .addOption(jsonOption())
      .addOption(outOption('output folder'))
      .addOption(formatsOption())
      .addOption(new Option('--force', 'rebuild every statement, even those whose outputs are up to date'))
      .addOption(new Option('--watch', 'build, then rebuild what each saved change affects, keeping the browser running (Ctrl-C stops)'))
      .addOption(concurrencyOption())
      .addOption(timeoutOption())
      .addOption(nowOption())
      .addOption(new Option('--quiet', 'print errors and the summary line only'));
  },
  stopsOnSignal: true,
  async run(io, options, signal) {
    if (options.watch) {
      const { watchBuild } = await import('../build/watch.ts');
      return await watchBuild(io, options, signal);
    }
    return await build(io, { ...options, signal });
  },
};

/** One build: its report, and its exit code. `signal` is Ctrl-C: printing stops, Chromium closes, nothing more is written, and the exit code is 130. */
async function build(io: Io, options: CliOptions & { signal?: AbortSignal }): Promise<number> {
  const [{ runBuild, buildExitCode }, { createProgress, reportBuild }, { LockedError }] = await Promise.all([import('../build/index.ts'), import('../report/build-report.ts'), import('../write/build-lock.ts')]);
  const started = performance.now();
  const progress = options.json || options.quiet ? undefined : createProgress(io);
  try {
    const result = await runBuild(io.cwd, { ...options, ...(progress ? { onProgress: progress.update } : {}) });
    progress?.done();
    reportBuild(io, options, result, performance.now() - started);
    return buildExitCode(result);
  } catch (error) {
    progress?.done();
    if (error instanceof LockedError) {
      io.stderr(`clarion: ${error.message}\n`);
      return 1;
    }
    if (options.signal?.aborted) {
      io.stderr('clarion: stopped; every output is either as it was or complete, none half-written\n');
      return 130;
    }
    throw error;
  }
}
