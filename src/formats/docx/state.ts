/** What converting one statement body to Word needs to know across nodes. */
import type { Definition, Paragraph as MdParagraph } from 'mdast';
import type { INumberingOptions } from 'docx';

export type NumberingDefinition = INumberingOptions['config'][number];

export interface DocxState {
  /** Link reference definitions by identifier (`[text][id]` links). */
  readonly definitions: ReadonlyMap<string, Definition>;
  /** Word footnote id of each used footnote definition, by its identifier. */
  readonly footnoteIds: ReadonlyMap<string, number>;
  /** Footnotes whose reference is already in the document: a Word footnote has one reference. */
  readonly placedFootnotes: Set<string>;
  /** Body paragraphs that carry a number (empty when the profile does not number them). */
  readonly numbered: ReadonlyMap<MdParagraph, number>;
  /** One numbering definition per ordered list, so that each starts at its own first number. */
  readonly orderedLists: NumberingDefinition[];
  readonly rtl: boolean;
}

export const PARAGRAPH_NUMBERING = 'body-paragraphs';
export const BULLET_NUMBERING = 'bullets';
export const CODE_FONT = 'Courier New';
