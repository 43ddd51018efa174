/** A PNG of the PDF's first page, `<slug>/thumbnail.png`, for the newsroom index. */
import type { OutputFormat } from '../format.ts';

export const thumbnail: OutputFormat = {
  name: 'thumbnail',
  description: "a PNG of the PDF's first page, for the newsroom index (with pdf)",
  appliesTo: () => true,
  needs: [],
  requires: ['pdf'],
  after: ['pdf'],
  browser: false,
  noun: 'the thumbnail',
  files: (s) => [`${s.folder}/thumbnail.png`],
  async render({ statement, made }) {
    const pdf = made.get('pdf')?.[0];
    if (!pdf || typeof pdf.content === 'string') return { outputs: [] };
    const { drawThumbnail } = await import('./draw-thumbnail.ts');
    const png = await drawThumbnail(pdf.content);
    return { outputs: [{ path: `${statement.folder}/thumbnail.png`, content: png }] };
  },
  load: () => import('./draw-thumbnail.ts').then((m) => m.startThumbnailWorker()),
};
