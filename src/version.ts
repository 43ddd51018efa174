import { readFileSync } from 'node:fs';

/** Clarion's own version, from package.json (it names the PDF's Creator and keys rebuilds). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
