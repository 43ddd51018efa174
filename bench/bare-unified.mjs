/**
 * The benchmark's floor for HTML: a bare unified pipeline (remark-parse, remark-rehype,
 * rehype-stringify, nothing else) over the bodies of every statement of a folder, in a process of
 * its own as a build is. Writes nothing; prints the number of characters made.
 *
 *   node bare-unified.mjs <statements folder>
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const dir = process.argv[2];
const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);
let chars = 0;
for (const name of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
  const body = readFileSync(path.join(dir, name), 'utf8').split(/^---$/m).slice(2).join('---');
  chars += String(processor.processSync(body)).length;
}
process.stdout.write(`${chars}\n`);
