/** The plain-text release, `<slug>/<slug>.txt`: what staff paste into an email. */
import type { OutputFormat } from '../format.ts';

export const text: OutputFormat = {
  name: 'text',
  description: 'the plain-text release',
  appliesTo: () => true,
  needs: ['text'],
  browser: false,
  files: (s) => [`${s.folder}/${s.slug}.txt`],
  link: { label: 'format_text', fallback: 'Plain text', type: 'text/plain', rank: 4 },
  async render({ statement, views }) {
    return { outputs: views.text === undefined ? [] : [{ path: `${statement.folder}/${statement.slug}.txt`, content: views.text }] };
  },
};
