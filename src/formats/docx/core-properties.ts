/**
 * docProps/core.xml written by us rather than by docx, which stamps the clock into it and has
 * no language: the same statement must give the same bytes, and screen readers and spelling
 * checkers read the language.
 */
import { escapeXml, rfc3339 } from '../../util/xml-text.ts';

export interface CoreProperties {
  title: string;
  creator: string;
  lang: string;
  date: Date;
}

export function corePropertiesXml(p: CoreProperties): string {
  const when = rfc3339(p.date);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(p.title)}</dc:title>`,
    `<dc:creator>${escapeXml(p.creator)}</dc:creator>`,
    `<cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy>`,
    `<dc:language>${escapeXml(p.lang)}</dc:language>`,
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}
