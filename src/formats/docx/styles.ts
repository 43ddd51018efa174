/**
 * The Word styles and list definitions of a submission: the profile's font and size for every
 * paragraph, black headings in the same family (Word's defaults are blue), a Quote style, and
 * the numbering of body paragraphs, bullets and ordered lists.
 */
import { AlignmentType, LevelFormat, LevelSuffix, type INumberingOptions, type IStylesOptions } from 'docx';
import { BULLET_NUMBERING, PARAGRAPH_NUMBERING, type NumberingDefinition } from './state.ts';

export interface StyleOptions {
  font: string;
  /** Points. */
  fontSize: number;
  titleBold: boolean;
  lang: string;
  rtl: boolean;
}

/** Word sizes are in half points. */
const halfPoints = (points: number) => Math.round(points * 2);
const SPACE_AFTER = 120;
/** One list or quote level, in twips (1.27 cm). */
export const LEVEL_INDENT = 720;

export function documentStyles(options: StyleOptions): IStylesOptions {
  const size = halfPoints(options.fontSize);
  const heading = (extra: { italics?: boolean } = {}) => ({
    run: { font: options.font, size, bold: true, color: '000000', ...extra },
    paragraph: { spacing: { before: 240, after: SPACE_AFTER }, keepNext: true },
  });
  return {
    default: {
      document: {
        run: {
          font: options.font,
          size,
          language: { value: options.lang, ...(options.rtl ? { bidirectional: options.lang } : {}) },
        },
        paragraph: { spacing: { after: SPACE_AFTER } },
      },
      title: {
        run: { font: options.font, size, bold: options.titleBold, color: '000000' },
        paragraph: { spacing: { before: 240, after: 240 }, keepNext: true },
      },
      heading1: heading(),
      heading2: heading(),
      heading3: heading({ italics: true }),
      footnoteText: {
        // Notes a size or two smaller than the text, as in UN documents (10 pt under 12 pt).
        run: { font: options.font, size: Math.max(16, size - 4) },
        paragraph: { spacing: { after: 0 } },
      },
    },
    paragraphStyles: [
      {
        id: 'Quote',
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        paragraph: { indent: { left: LEVEL_INDENT, right: LEVEL_INDENT } },
      },
    ],
  };
}

export function documentNumbering(orderedLists: readonly NumberingDefinition[]): INumberingOptions {
  const bullets = ['•', '◦', '▪'];
  return {
    config: [
      {
        reference: PARAGRAPH_NUMBERING,
        levels: [{
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.START,
          suffix: LevelSuffix.TAB,
          style: { paragraph: { indent: { left: 0, firstLine: 0 }, leftTabStop: 567 } },
        }],
      },
      {
        reference: BULLET_NUMBERING,
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: LevelFormat.BULLET,
          text: bullets[level % bullets.length]!,
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: (level + 1) * LEVEL_INDENT, hanging: 360 } } },
        })),
      },
      ...orderedLists,
    ],
  };
}

/** Each ordered list has its own definition, so that it starts at its own first number. */
export function orderedListNumbering(reference: string, start: number): NumberingDefinition {
  return {
    reference,
    levels: Array.from({ length: 9 }, (_, level) => ({
      level,
      format: LevelFormat.DECIMAL,
      text: `%${level + 1}.`,
      start,
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: (level + 1) * LEVEL_INDENT, hanging: 360 } } },
    })),
  };
}
