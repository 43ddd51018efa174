/** argv -> command; help; exit codes: 0 ok, 1 content errors, 2 usage errors. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliUsageError, helpText, parseCli } from './cli-args.ts';
import { UsageError } from './sources/find-sources.ts';
import { VERSION } from './version.ts';
// Each command loads what it needs when it runs: `clarion --version` loads no schema, a build no
// mail composer.

export interface Io {
  cwd: string;
  /** Whether stderr is a terminal (progress bars only there). */
  isTTY?: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const options = parseCli(argv);
    switch (options.command) {
      case 'help':
        io.stdout(helpText());
        return 0;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return 0;
      case 'check': {
        const [{ check }, { formatReport, jsonReport }] = await Promise.all([import('./check.ts'), import('./report/reporter.ts')]);
        const result = await check(io.cwd, options.paths, { strict: options.strict });
        io.stdout(options.json ? jsonReport(result.diagnostics, result.checked, result.wordCounts) : formatReport(result.diagnostics, result.checked, result.wordCounts));
        return result.exitCode;
      }
      case 'build': {
        if (options.watch) {
          const { watchBuild } = await import('./watch.ts');
          return await watchBuild(io, options);
        }
        const { build } = await import('./build.ts');
        return await build(io, options);
      }
      case 'new': {
        const { newStatement, NewStatementError } = await import('./new-statement.ts');
        const title = options.paths.join(' ');
        try {
          const file = await newStatement(io.cwd, { title, today: new Date(), ...(options.kind ? { kind: options.kind } : {}), ...(options.lang ? { lang: options.lang } : {}) });
          io.stdout(`Wrote ${file} — write the statement in it, then run clarion check\n`);
          return 0;
        } catch (error) {
          if (!(error instanceof NewStatementError)) throw error;
          io.stderr(`clarion: ${error.message}\n`);
          return 1;
        }
      }
      case 'preview': {
        const { previewCommand } = await import('./preview/preview-command.ts');
        return await previewCommand(io, options);
      }
      case 'send': {
        const { sendCommand } = await import('./send/send-command.ts');
        return await sendCommand(io, options);
      }
      case 'schema': {
        const out = path.resolve(io.cwd, options.out === 'dist' ? 'schema' : options.out);
        await mkdir(out, { recursive: true });
        const { jsonSchemas } = await import('./kinds/index.ts');
        const schemas = jsonSchemas();
        await writeFile(path.join(out, 'statement.schema.json'), JSON.stringify(schemas.statement, null, 2) + '\n');
        await writeFile(path.join(out, 'organization.schema.json'), JSON.stringify(schemas.organization, null, 2) + '\n');
        io.stdout(`Wrote ${path.relative(io.cwd, out) || '.'}/statement.schema.json and organization.schema.json\n`);
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof UsageError) {
      io.stderr(`clarion: ${error.message}\n`);
      return 2;
    }
    io.stderr(`clarion: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in Clarion; please report it with the command you ran.\n`);
    return 70;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await run(process.argv.slice(2));
}
