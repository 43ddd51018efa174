/** What a build does, decided from data alone: built, up to date, failed, gone. */
import { describe, expect, it } from 'vitest';
import { planBuild, type PlanInput } from '../../src/build/plan.ts';
import type { ManifestEntry } from '../../src/build/manifest.ts';
import { listingOf } from '../../src/site/listing.ts';
import type { Statement } from '../../src/sources/statement.ts';
import { parseMoment, type Moment } from '../../src/util/moments.ts';

function statement(file: string, extra: Partial<Statement> = {}): Statement {
  const slug = file.replace(/^statements\/|\.md$/g, '');
  return { file, slug, folder: slug, translations: [], title: slug, date: parseMoment('2023-11-27') as Moment, lang: 'en', dir: 'ltr', kind: 'press-release', tags: [], contacts: [], notes: [], organizations: [], draft: false, corrections: [], body: 'Text.', bodyLine: 6, ...extra };
}

const published = (s: Statement, key = `key-of-${s.file}`): ManifestEntry => ({ key, slug: s.folder, outputs: [`${s.folder}/index.html`], media: [], listing: listingOf(s) });

function input(statements: Statement[], previous: Record<string, ManifestEntry>, extra: Partial<PlanInput> = {}): PlanInput {
  return {
    statements,
    failed: new Set(),
    kinds: new Set(['press-release']),
    previous,
    force: false,
    keyOf: (s) => `key-of-${s.file}`,
    present: () => true,
    exists: (file) => statements.some((s) => s.file === file),
    ...extra,
  };
}

describe('planBuild', () => {
  const a = statement('statements/a.md');
  const b = statement('statements/b.md');

  it('builds what was never built, and skips what is up to date', () => {
    expect(planBuild(input([a, b], { [a.file]: published(a) }))).toEqual({ build: [b], upToDate: [a.file], failed: [], gone: [] });
  });

  it('builds again what changed: its key, its listing, its folder, or its outputs on disk', () => {
    expect(planBuild(input([a], { [a.file]: published(a, 'an older key') })).build).toEqual([a]);
    const retitled = { ...a, title: 'A new title' };
    expect(planBuild(input([retitled], { [a.file]: published(a) })).build).toEqual([retitled]);
    const moved = { ...a, folder: 'elsewhere' };
    expect(planBuild(input([moved], { [a.file]: published(a) })).build).toEqual([moved]);
    expect(planBuild(input([a], { [a.file]: published(a) }, { present: () => false })).build).toEqual([a]);
    expect(planBuild(input([a], { [a.file]: published(a) }, { force: true })).build).toEqual([a]);
  });

  it('fails, before rendering, statements with errors and those of a kind whose templates did not load', () => {
    const other = statement('statements/c.md', { kind: 'letter' });
    const plan = planBuild(input([a, b, other], {}, { failed: new Set(['statements/b.md', 'statements/broken.md']) }));
    expect(plan.build).toEqual([a]);
    expect(plan.failed).toEqual(['statements/b.md', 'statements/broken.md', 'statements/c.md']);
  });

  it('names the published sources that are gone, and only those', () => {
    const plan = planBuild(input([a], { [a.file]: published(a), [b.file]: published(b) }));
    expect(plan.gone).toEqual([b.file]);
    // A statement not asked for in a build of some paths is not gone while its source exists.
    expect(planBuild(input([a], { [a.file]: published(a), [b.file]: published(b) }, { exists: () => true })).gone).toEqual([]);
  });
});
