/** Runs the W3C Nu HTML Checker (vnu-jar, needs Java) over files and returns its errors. */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const require = createRequire(import.meta.url);
const vnuJar = require('vnu-jar') as string;

export interface NuMessage {
  file: string;
  type: string;
  message: string;
  line?: number;
  extract?: string;
}

export async function nuCheck(files: readonly string[]): Promise<NuMessage[]> {
  const { stderr } = await promisify(execFile)('java', ['-Xss4m', '-jar', vnuJar, '--format', 'json', '--exit-zero-always', '--also-check-css', ...files], { maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(stderr) as { messages: { url: string; type: string; subType?: string; message: string; lastLine?: number; extract?: string }[] };
  return report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => ({ file: decodeURIComponent(m.url.replace(/^file:/, '')), type: m.type, message: m.message, ...(m.lastLine ? { line: m.lastLine } : {}), ...(m.extract ? { extract: m.extract } : {}) }));
}
