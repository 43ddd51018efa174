/** `clarion schema`: the JSON Schemas of the statement and organisation formats, for editors. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jsonSchemas } from '../kinds/index.ts';

/** Writes statement.schema.json and organization.schema.json into `dir` (made if missing). */
export async function writeSchemas(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const schemas = jsonSchemas();
  await writeFile(path.join(dir, 'statement.schema.json'), JSON.stringify(schemas.statement, null, 2) + '\n');
  await writeFile(path.join(dir, 'organization.schema.json'), JSON.stringify(schemas.organization, null, 2) + '\n');
}
