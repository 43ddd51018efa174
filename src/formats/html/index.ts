/** The web page: the statement's page of the newsroom, `<slug>/index.html`. */
import type { OutputFormat } from '../format.ts';

export const html: OutputFormat = {
  name: 'html',
  description: 'the web page, and the newsroom index, feeds and sitemap',
  appliesTo: () => true,
  needs: ['html'],
  browser: false,
  files: (s) => [`${s.folder}/index.html`],
  link: { label: 'format_html', fallback: 'Web page', type: 'text/html', rank: 1 },
  async render({ statement, views }) {
    return { outputs: views.html === undefined ? [] : [{ path: `${statement.folder}/index.html`, content: views.html }] };
  },
};
