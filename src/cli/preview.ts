/** `clarion preview [--port 4000]`: serve the output folder, rebuilding and reloading on every change, until Ctrl-C. */
import type { CommandSpec } from './command.ts';
import { concurrencyOption, formatsOption, nowOption, outOption, strictOption, timeoutOption, valueOption } from './common-options.ts';
import { port } from './option-values.ts';

export const previewCommand: CommandSpec = {
  name: 'preview',
  summary: 'serve dist/ with a proof page per statement, rebuilding on every change',
  description:
    'Serves dist/ on 127.0.0.1 only, rebuilding on every change and reloading open pages. /__clarion/ lists a proof page per statement: the web page, the PDF and the plain text side by side. Ctrl-C stops.',
  declare(command) {
    command
      .addOption(valueOption('--port <n>', 'port on 127.0.0.1 (default 4000; 0 for any free port)', '4000', port))
      .addOption(outOption('the folder built and served'))
      .addOption(formatsOption())
      .addOption(strictOption())
      .addOption(nowOption())
      .addOption(concurrencyOption())
      .addOption(timeoutOption());
  },
  stopsOnSignal: true,
  async run(io, options, signal) {
    const { previewCommand: preview } = await import('../preview/preview-command.ts');
    return await preview(io, options, signal);
  },
};
