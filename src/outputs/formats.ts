/** The outputs a build can make, and the links a page or the index gives to a statement's files. */
import type { FormatLink } from '../templates/view-model.ts';

export const FORMATS = ['html', 'text', 'pdf', 'docx', 'eml', 'card', 'thumbnail'] as const;
export type Format = (typeof FORMATS)[number];

/** Thumbnails are drawn from the PDFs: only a build that prints them makes them. */
export function makesThumbnails(formats: readonly Format[]): boolean {
  return formats.includes('thumbnail') && formats.includes('pdf');
}

/** A statement's links: its Word file only for a UN submission (a statement with a `submission`, or a listing whose `submission` is true). */
export function formatLinks(statement: { slug: string; word: boolean }, formats: readonly Format[], strings: Record<string, string>): FormatLink[] {
  const links: FormatLink[] = [];
  if (formats.includes('html')) links.push({ format: 'html', label: strings.format_html ?? 'Web page', href: 'index.html', type: 'text/html' });
  if (formats.includes('pdf')) links.push({ format: 'pdf', label: strings.format_pdf ?? 'PDF', href: `${statement.slug}.pdf`, type: 'application/pdf' });
  if (formats.includes('docx') && statement.word) links.push({ format: 'docx', label: strings.format_docx ?? 'Word', href: `${statement.slug}.docx`, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  if (formats.includes('text')) links.push({ format: 'text', label: strings.format_text ?? 'Plain text', href: `${statement.slug}.txt`, type: 'text/plain' });
  return links;
}
