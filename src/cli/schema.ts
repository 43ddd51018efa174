/** `clarion schema [--out schema]`: JSON Schemas of the front matter, for editor completion. */
import path from 'node:path';
import type { CommandSpec } from './command.ts';
import { valueOption } from './common-options.ts';

export const schemaCommand: CommandSpec = {
  name: 'schema',
  summary: 'write JSON Schemas of the front matter, for editor completion',
  description: 'Writes JSON Schemas of the statement and organisation formats (statement.schema.json, organization.schema.json).',
  declare(command) {
    command.addOption(valueOption('--out <dir>', 'the folder to write them to', 'schema').default('schema'));
  },
  stopsOnSignal: false,
  async run(io, options) {
    const { writeSchemas } = await import('../write/write-schemas.ts');
    const out = path.resolve(io.cwd, options.out);
    await writeSchemas(out);
    io.stdout(`Wrote ${path.relative(io.cwd, out) || '.'}/statement.schema.json and organization.schema.json\n`);
    return 0;
  },
};
