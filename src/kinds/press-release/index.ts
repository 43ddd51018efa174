/**
 * The press release: the common front matter only, a dateline opening its text (so a location
 * is expected), and no document of its own beyond the common formats. A kind made of templates
 * alone (a folder of templates/ with a page.hbs and a text.hbs) behaves as this one does.
 */
import { DEFAULT_KIND } from '../default-kind.ts';
import type { Kind } from '../kind.ts';

export const PRESS_RELEASE = DEFAULT_KIND;

export function pressRelease(name = PRESS_RELEASE): Kind {
  return { name, fields: {}, dateline: true };
}
