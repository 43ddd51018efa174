import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';
import { statementFieldNames } from '../../src/kinds/index.ts';

describe('clarion schema', () => {
  it('writes JSON Schemas that list every statement field', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clarion-schema-'));
    let out = '';
    const code = await run(['schema', '--out', 'schema'], { cwd: dir, stdout: (t) => (out += t), stderr: () => {} });
    expect(code).toBe(0);
    const schema = JSON.parse(await readFile(path.join(dir, 'schema/statement.schema.json'), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual([...statementFieldNames].sort());
    expect(schema.required.sort()).toEqual(['date', 'title']);
    expect(schema.additionalProperties).toBe(false);
    const org = JSON.parse(await readFile(path.join(dir, 'schema/organization.schema.json'), 'utf8'));
    expect(org.required).toEqual(['name']);
    expect(org.properties.paper.enum).toEqual(['A4', 'Letter']);
  });
});
