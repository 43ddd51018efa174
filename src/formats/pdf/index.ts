/**
 * The PDF, `<slug>/<slug>.pdf`: the print page printed by the browser (A4 or Letter), tagged,
 * with an outline from its headings, and its metadata (title, author, subject, keywords,
 * language, dates from the statement or SOURCE_DATE_EPOCH, never the clock).
 */
import type { OutputFormat } from '../format.ts';
import { headingsOf, printableLinks } from './print-html.ts';

export const pdf: OutputFormat = {
  name: 'pdf',
  description: 'the print-ready PDF',
  appliesTo: () => true,
  needs: ['print'],
  browser: true,
  noun: 'the PDF',
  files: (s) => [`${s.folder}/${s.slug}.pdf`],
  link: { label: 'format_pdf', fallback: 'PDF', type: 'application/pdf', rank: 2 },
  async render({ statement: s, views, browser, organization, generator, documentDate, pageUrl }) {
    if (views.print === undefined || !browser) return { outputs: [] };
    const { printPdf } = await import('./print-pdf.ts');
    const printed = await printPdf(browser.printer, {
      label: browser.label,
      ...browser.stage(printableLinks(views.print, pageUrl)),
      allowedRoots: browser.allowedRoots,
      paper: organization.paper,
      ...(browser.timeoutMs ? { timeoutMs: browser.timeoutMs } : {}),
      metadata: {
        title: s.title,
        author: organization.name,
        ...(s.summary ? { subject: s.summary } : {}),
        ...(s.tags.length ? { keywords: s.tags } : {}),
        lang: s.lang,
        creator: generator,
        producer: generator,
        date: documentDate,
        headings: headingsOf(views.print),
      },
    });
    return { outputs: [{ path: `${s.folder}/${s.slug}.pdf`, content: printed.pdf }], warnings: printed.warnings };
  },
  load: () => import('./print-pdf.ts'),
};
