import packageJson from '../package.json' with { type: 'json' };

/** Clarion's own version, from package.json (it names the PDF's Creator and keys rebuilds). */
export const VERSION: string = packageJson.version;
