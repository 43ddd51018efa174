/** `clarion preview [--port 4000]`. */
import { reportBuild } from '../report/build-report.ts';
import type { Io } from '../cli/io.ts';
import type { CliOptions } from '../cli/options.ts';
import { aborted } from '../util/aborted.ts';
import { startPreview } from './preview-server.ts';

/** Serves until `signal` (Ctrl-C). */
export async function previewCommand(io: Io, options: CliOptions, signal: AbortSignal): Promise<number> {
  let preview;
  try {
    preview = await startPreview(io.cwd, { ...options, onBuild: (result, ms) => reportBuild(io, { ...options, quiet: true }, result, ms) });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      io.stderr(`clarion: port ${options.port ?? 4000} is in use — choose another with --port\n`);
      return 2;
    }
    throw error;
  }
  io.stdout(`Preview: ${preview.url}/  (proofs: ${preview.url}/__clarion/)  Ctrl-C to stop\n`);
  await aborted(signal);
  await preview.close();
  return 0;
}
