/** The Word file, `<slug>/<slug>.docx`, for the kinds that have one (UN portals take only Word). */
import { kindNamed } from '../../kinds/index.ts';
import type { OutputFormat } from '../format.ts';

export const docx: OutputFormat = {
  name: 'docx',
  description: 'the Word file (UN submissions)',
  appliesTo: (s) => kindNamed(s.kind).wordDocument !== undefined,
  needs: ['word'],
  browser: false,
  files: (s) => [`${s.folder}/${s.slug}.docx`],
  link: { label: 'format_docx', fallback: 'Word', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', rank: 3 },
  async render({ statement, views }) {
    if (!views.word) return { outputs: [] };
    // The Word writer loads only for the statements that have a Word file.
    const { writeDocx } = await import('./write-docx.ts');
    return { outputs: [{ path: `${statement.folder}/${statement.slug}.docx`, content: await writeDocx(views.word) }] };
  },
};
