/**
 * Clarion's one entry point: argv to a command, run, and an exit code (0 ok, 1 content errors,
 * 2 usage, 130 stopped, 70 a bug). It owns Ctrl-C: the one AbortController whose signal every
 * long command takes.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../sources/find-sources.ts';
import type { Io } from './io.ts';
import { CliUsageError } from './options.ts';
import { COMMANDS, parseCli, type Invocation } from './program.ts';

export type { Io } from './io.ts';

export interface RunContext {
  /**
   * Stops the command as Ctrl-C does. Given, it replaces the process's signals (tests pass their
   * own); otherwise SIGINT and SIGTERM stop a command that can stop cleanly.
   */
  signal?: AbortSignal;
}

const processIo: Io = {
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

export async function run(argv: readonly string[], io: Io = processIo, context: RunContext = {}): Promise<number> {
  let invocation: Invocation;
  try {
    invocation = parseCli(argv);
  } catch (error) {
    return failed(io, error);
  }
  if ('output' in invocation) {
    io.stdout(invocation.output);
    return 0;
  }
  const spec = COMMANDS.find((c) => c.name === invocation.command)!;
  const stop = new AbortController();
  const release = spec.stopsOnSignal ? stopOn(stop, context.signal) : () => {};
  try {
    return await spec.run(io, invocation.options, stop.signal);
  } catch (error) {
    return failed(io, error);
  } finally {
    release();
  }
}

/**
 * Aborts `stop` on the caller's signal, or else on the first SIGINT or SIGTERM (a second Ctrl-C
 * ends the process at once). Returns what removes the handlers.
 */
function stopOn(stop: AbortController, signal: AbortSignal | undefined): () => void {
  const abort = () => stop.abort();
  if (signal) {
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    return () => signal.removeEventListener('abort', abort);
  }
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  return () => {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  };
}

function failed(io: Io, error: unknown): number {
  if (error instanceof CliUsageError || error instanceof UsageError) {
    io.stderr(`clarion: ${error.message}\n`);
    return 2;
  }
  io.stderr(`clarion: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in Clarion; please report it with the command you ran.\n`);
  return 70;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await run(process.argv.slice(2));
}
