/**
 * A fixed corpus covering every kind, every shipped language and every Markdown construct the
 * renderers handle: the sample statements, plus for each locale a press release (with a
 * translation folder, an image, notes to editors, an embargo that has passed) and a UN
 * submission. Deterministic: the same files on every run.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { repoRoot, statement } from '../support/project.ts';
import { fragments, statementBody } from '../words/arbitraries.ts';

export const LOCALES = readdirSync(path.join(repoRoot, 'templates/locales')).map((f) => f.replace(/\.yaml$/, '')).sort();

function paragraphs(lang: string, seed: number): string {
  const [sample] = fc.sample(fc.array(fragments(lang), { minLength: 4, maxLength: 4 }), { seed, numRuns: 1 });
  return statementBody(sample!).markdown;
}

const STRUCTURE = `## A heading

- a list item with a [link](https://example.org/list)
- another, with *emphasis* and \`code\`

1. first
2. second

> A quotation, with **strong** text.

| Place | Mosques |
| --- | ---: |
| Kotli | 1 |
| Rabwah | 2 |

![A small square](square.png)

---

- [x] done
- [ ] not done
`;

function square(): Uint8Array {
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(0x80);
  return PNG.sync.write(png);
}

export function corpus(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  LOCALES.forEach((lang, i) => {
    files[`statements/release-${lang}/square.png`] = square();
    files[`statements/release-${lang}/${lang}.md`] = statement(
      { title: `Release ${lang}`, subtitle: 'A subtitle', date: '2023-11-27', location: 'Kotli, Pakistan', summary: 'A summary.', tags: ['a', 'b'], embargo: '2023-11-27T09:00+05:00', notes: ['A note to editors with a [link](https://example.org/note).'] },
      `${paragraphs(lang, 100 + i)}\n${STRUCTURE}`,
    );
    files[`statements/submission-${lang}.md`] = statement(
      { title: `Submission ${lang}`, date: '2024-02-09', lang, kind: 'un-submission', submission: { profile: 'upr-stakeholder', status: 'special', country: 'Pakistan', submitters: [{ name: 'Example Rights Watch', status: 'general' }], supporters: ['Example Network'] } },
      paragraphs(lang, 200 + i),
    );
  });
  // The translation folders' default language is English; each folder gets an English version too.
  for (const lang of LOCALES.filter((l) => l !== 'en')) {
    files[`statements/release-${lang}/en.md`] = statement({ title: `Release ${lang} in English`, date: '2023-11-27', location: 'Kotli, Pakistan', summary: 'A summary.' }, paragraphs('en', 300 + LOCALES.indexOf(lang)));
  }
  return files;
}
