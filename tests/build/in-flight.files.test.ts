/**
 * A build renders only a few statements ahead of those it is still completing (make-statements.ts):
 * the first statements finish early, and memory does not grow with the number of statements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/build/index.ts';
import { IN_FLIGHT } from '../../src/build/make-statements.ts';
import { registerFormat, unregisterFormat, type OutputFormat } from '../../src/formats/index.ts';
import { makeProject, read, statement } from '../support/project.ts';
import { waitFor } from '../support/wait.ts';

const COUNT = IN_FLIGHT * 3;
/** Completions the test has not let finish yet. */
const held: (() => void)[] = [];
let finished = 0;

/** A format made after the others (as the PDF's thumbnail is), which finishes when the test says so. */
const hold: OutputFormat = {
  name: 'hold',
  description: 'the text release, once the test lets it through',
  appliesTo: () => true,
  needs: ['text'],
  after: ['text'],
  browser: false,
  files: (s) => [`${s.folder}/${s.slug}.held.txt`],
  async render({ statement: s, views }) {
    await new Promise<void>((resolve) => held.push(resolve));
    finished++;
    return { outputs: [{ path: `${s.folder}/${s.slug}.held.txt`, content: views.text ?? '' }] };
  },
};

describe('statements in flight', () => {
  let dir: string;
  beforeAll(async () => {
    registerFormat(hold);
    const files: Record<string, string> = {};
    for (let i = 1; i <= COUNT; i++) files[`statements/s${String(i).padStart(2, '0')}.md`] = statement({ title: `Statement ${i}`, date: '2023-11-27', location: 'Geneva', summary: 'S.' }, `Text of statement ${i}.`);
    dir = await makeProject(files);
  });
  afterAll(() => unregisterFormat('hold'));

  it(`makes the first statement alone, then renders at most ${IN_FLIGHT} statements ahead of those written, and builds them all`, async () => {
    let rendered = 0;
    let mostAhead = 0;
    const building = runBuild(dir, {
      paths: [], out: 'dist', strict: false, formats: ['html', 'text', 'hold'], renderThreads: 0,
      onProgress: (done) => {
        rendered = done;
        mostAhead = Math.max(mostAhead, rendered - finished);
      },
    });
    // The first statement is made alone: nothing else is rendered until it is written.
    await waitFor(() => held.length === 1, { what: 'the first statement waiting' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(rendered).toBe(1);
    held.shift()!();
    // Then nothing completes: rendering stops once IN_FLIGHT statements wait.
    await waitFor(() => held.length === IN_FLIGHT, { what: `${IN_FLIGHT} statements waiting` });
    await new Promise((resolve) => setImmediate(resolve));
    expect(rendered).toBe(1 + IN_FLIGHT);
    // Let them through one at a time, as the browser would.
    while (finished < COUNT) {
      await waitFor(() => held.length > 0, { what: 'a statement waiting' });
      held.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await building;
    expect(result.built).toHaveLength(COUNT);
    expect(mostAhead).toBe(IN_FLIGHT);
    expect(await read(dir, `dist/s${COUNT}/s${COUNT}.held.txt`)).toBe(await read(dir, `dist/s${COUNT}/s${COUNT}.txt`));
  });
});
