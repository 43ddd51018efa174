/** What a Word file is made of: any kind that has one (the UN submission) describes it so. */
import type { Paragraph, Root } from 'mdast';

export interface WordDocument {
  /** Document properties: title, creator (the organisation), language. */
  title: string;
  lang: string;
  author: string;
  /** Created and modified dates of the document properties, and of the zip entries. Never the clock. */
  date: Date;
  font: string;
  /** Points. */
  fontSize: number;
  titleBold: boolean;
  paper: 'A4';
  /** Plain lines before the title. */
  heading: string[];
  /** A real Word footnote attached to the title, when there is one. */
  titleNote?: string;
  /** GFM mdast of the statement body (footnoteReference/footnoteDefinition included). */
  body: Root;
  /** The body paragraphs that carry a number (Word numbering); empty for none. */
  numbered: ReadonlyMap<Paragraph, number>;
  /** "Page X of Y" in the footer, with PAGE and NUMPAGES fields. */
  numberPages: boolean;
  /** The footer's words, with {page} and {pages}. Default "Page {page} of {pages}". */
  pageLabel?: string;
  /** A word in the header of every page (a draft's "DRAFT"). */
  mark?: string;
}
