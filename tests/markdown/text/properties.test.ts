import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { createTextSerializer } from '../../../src/markdown/text/index.js';
import { doc, width } from './arbitraries.js';
import { parse } from './helpers.js';

function renderAll(markdown: string, columns: number): string {
  const serializer = createTextSerializer({ width: columns });
  const body = serializer.render(parse(markdown), { firstParagraphPrefix: 'CITY, Country — ' });
  return body + '\n\n' + serializer.references();
}

/** Quote markers, indentation, list markers, task boxes and reference numbers at the start of a line. */
const LINE_PREFIX = /^(?:>(?: |$)|\s+|- |\d+\. |\[[ x]\] |\[\d+\] )*/;

describe('properties', () => {
  it('no line is wider than the width unless it is a single token after its prefix', () => {
    fc.assert(
      fc.property(doc, width, (d, columns) => {
        for (const line of renderAll(d.markdown, columns).split('\n')) {
          // Measured independently of the implementation's displayWidth.
          if (stringWidth(line) <= columns) continue;
          const rest = line.replace(LINE_PREFIX, '');
          expect(rest, `line ${JSON.stringify(line)} at width ${columns}`).not.toMatch(/ /);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps every link URL and every footnote word', () => {
    fc.assert(
      fc.property(doc, width, (d, columns) => {
        const out = renderAll(d.markdown, columns);
        for (const url of d.urls) {
          const shown = out.includes(url) || (url.startsWith('mailto:') && out.includes(url.slice('mailto:'.length)));
          expect(shown, `${url} missing`).toBe(true);
        }
        for (const w of d.footnoteWords) expect(out).toContain(w.normalize('NFC'));
      }),
      { numRuns: 100 },
    );
  });

  it('has no trailing spaces, CRs or tabs, and is NFC', () => {
    fc.assert(
      fc.property(doc, width, (d, columns) => {
        const out = renderAll(d.markdown, columns);
        expect(out).not.toMatch(/[^\S\n]$/m);
        expect(out).not.toMatch(/[\r\t]/);
        expect(out).toBe(out.normalize('NFC'));
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on arbitrary input', () => {
    const noise = fc.array(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.string({ unit: 'binary', maxLength: 10 }),
        fc.constantFrom('\n', '\r\n', '\t', '> ', '- ', '1. ', '|', '---', '[^a]', '[^a]: ', '[x]: ', '```', '    ', '\\', '*', '<', 'http://x', '[', '](', ')', '!'),
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(noise, fc.integer({ min: 1, max: 80 }), (parts, columns) => {
        const out = renderAll(parts.join(''), columns);
        expect(out).not.toMatch(/[^\S\n]$/m);
        expect(out).not.toMatch(/[\r\t]/);
      }),
      { numRuns: 200 },
    );
  });
});
