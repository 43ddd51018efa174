/**
 * The kinds Clarion knows, and the one list of them: a kind with code of its own is a folder of
 * kinds/ and one line here. Any other folder of templates/ (with a page.hbs and a text.hbs) is a
 * kind too, made of templates alone, and behaves as the press release does.
 */
import { z } from 'zod';
import { organizationSchema, statementFields } from '../sources/schema.ts';
import type { Kind } from './kind.ts';
import { pressRelease } from './press-release/index.ts';
import { unSubmission } from './un-submission/index.ts';

export type { Kind, KindInput, KindSummary } from './kind.ts';

const KINDS: readonly Kind[] = [pressRelease(), unSubmission];

export { DEFAULT_KIND } from './default-kind.ts';

/** The kind of this name: one with code of its own, or one made of templates alone. */
export function kindNamed(name: string): Kind {
  return KINDS.find((k) => k.name === name) ?? pressRelease(name);
}

/** The kinds with code of their own (their settings are loaded when their templates exist). */
export function codedKinds(): readonly Kind[] {
  return KINDS;
}

/** Which kind a front-matter field belongs to, when it is a kind's own. */
export function kindOfField(field: string): Kind | undefined {
  return KINDS.find((k) => field in k.fields);
}

/** Every field a statement may have: the common ones and every kind's own. */
const kindFields: Record<string, z.ZodType> = Object.fromEntries(KINDS.flatMap((k) => Object.entries(k.fields).map(([name, schema]) => [name, schema.optional()])));
export const statementSchema = z.strictObject({ ...statementFields, ...kindFields }).describe('Front matter of a Clarion statement');
export const statementFieldNames = Object.keys(statementSchema.shape);

/** JSON Schemas for editors (front-matter completion); written by `clarion schema`. */
export function jsonSchemas(): { statement: unknown; organization: unknown } {
  return {
    statement: z.toJSONSchema(statementSchema, { unrepresentable: 'any' }),
    organization: z.toJSONSchema(organizationSchema, { unrepresentable: 'any' }),
  };
}
