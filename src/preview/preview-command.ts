/** `clarion preview [--port 4000]`. */
import { reportBuild } from '../build.ts';
import type { CliOptions } from '../cli-args.ts';
import type { Io } from '../cli.ts';
import { startPreview } from './preview-server.ts';

export async function previewCommand(io: Io, options: CliOptions): Promise<number> {
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
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await preview.close();
  return 0;
}
