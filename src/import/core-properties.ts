/** The document's properties (docProps/core.xml: File > Info in Word): title, language, dates. Pure. */
import { decodeXml } from './xml-text.ts';

export interface CoreProperties {
  title?: string;
  language?: string;
  /** When the document was created and last saved, as given (W3C date-times, usually UTC). */
  created?: Date;
  modified?: Date;
}

export function readCoreProperties(xml: string | undefined): CoreProperties {
  if (xml === undefined) return {};
  const value = (name: string) => {
    const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
    const text = match ? decodeXml(match[1]!).replace(/\s+/g, ' ').trim() : '';
    return text === '' ? undefined : text;
  };
  const date = (name: string) => {
    const text = value(name);
    const time = text === undefined ? NaN : Date.parse(text);
    // Word writes 1601-01-01 or the year 1 for "never"; no statement is dated before 1900.
    return Number.isNaN(time) || new Date(time).getUTCFullYear() < 1900 ? undefined : new Date(time);
  };
  const title = value('dc:title');
  const language = value('dc:language');
  const created = date('dcterms:created');
  const modified = date('dcterms:modified');
  return { ...(title ? { title } : {}), ...(language ? { language } : {}), ...(created ? { created } : {}), ...(modified ? { modified } : {}) };
}
