/**
 * A page's text as Chromium wrote it, one run per text object (BT ... ET). Chromium (Skia) paints
 * each run of one font and one direction as a text object of its own, its glyphs in visual order
 * (left to right); a right-to-left run is marked `/ReversedChars`, and each cluster whose glyphs
 * do not map one to one onto its characters (a ligature, the dots and bodies Nastaliq draws apart,
 * a mirrored bracket) is a `/Span` with its characters as `/ActualText`. Read that way, with the
 * ToUnicode map for the other glyphs, each run gives back its exact characters; readers that take
 * glyphs one by one (pdf.js) or by position (pdftotext) do not.
 */
import type { Glyph, MarkedSpan, PageText } from './page-glyphs.ts';

export interface TextRun {
  /** Indexes of the BT and ET operations. */
  open: number;
  close: number;
  glyphs: Glyph[];
  /** The run's characters in logical (reading) order. */
  text: string;
  /** Marked `/ReversedChars`: a right-to-left run. */
  reversed: boolean;
  /** Baseline and horizontal extent in user space; the font size. */
  baseline: number;
  left: number;
  right: number;
  size: number;
  /** The innermost marked-content sequence around it with an MCID (its place in the structure tree), if any. */
  tagged?: MarkedSpan;
  /** The outermost marked-content sequence around it, if any. */
  outermost?: MarkedSpan;
  /** The marked-content sequences inside it (Chromium's ReversedChars and ActualText spans). */
  inner: MarkedSpan[];
}

/** The runs of a page, in content order; text objects that show no glyph are left out. */
export function textRuns(page: PageText): TextRun[] {
  const runs: TextRun[] = [];
  let g = 0;
  let s = 0;
  // Spans are in order of their opening; those opened before a BT and still open surround it.
  const enclosing: MarkedSpan[] = [];
  for (const object of page.textObjects) {
    const glyphs: Glyph[] = [];
    while (g < page.glyphs.length && page.glyphs[g]!.op < object.open) g++;
    for (let i = g; i < page.glyphs.length && page.glyphs[i]!.op < object.close; i++) glyphs.push(page.glyphs[i]!);
    while (s < page.spans.length && page.spans[s]!.open < object.open) {
      const span = page.spans[s++]!;
      while (enclosing.length && enclosing.at(-1)!.close < span.open) enclosing.pop();
      enclosing.push(span);
    }
    while (enclosing.length && enclosing.at(-1)!.close < object.open) enclosing.pop();
    const inner: MarkedSpan[] = [];
    for (let i = s; i < page.spans.length && page.spans[i]!.open < object.close; i++) inner.push(page.spans[i]!);
    if (glyphs.length === 0) continue;
    const reversed = inner.some((span) => span.tag === 'ReversedChars');
    const first = glyphs[0]!;
    const around = enclosing.filter((span) => span.close > object.close);
    const run: TextRun = {
      open: object.open,
      close: object.close,
      glyphs,
      text: runText(glyphs, inner, reversed),
      reversed,
      baseline: first.originY,
      left: Math.min(...glyphs.map((x) => Math.min(x.x, x.endX))),
      right: Math.max(...glyphs.map((x) => Math.max(x.x, x.endX))),
      size: Math.max(...glyphs.map((x) => x.size)),
      inner,
    };
    const tagged = around.filter((span) => span.mcid !== undefined).at(-1);
    if (tagged) run.tagged = tagged;
    if (around[0]) run.outermost = around[0];
    runs.push(run);
  }
  return runs;
}

/**
 * The characters of a run: each ActualText span's text once, each other glyph's ToUnicode text, in
 * content order; a reversed run's pieces come in visual order, so their order is turned back.
 */
function runText(glyphs: readonly Glyph[], spans: readonly MarkedSpan[], reversed: boolean): string {
  const actual = spans.filter((span) => span.actualText !== undefined);
  const pieces: string[] = [];
  // Walk spans and glyphs together in content order; an ActualText span with no glyph (Skia
  // writes one for a cluster it did not draw) still holds characters of the run.
  const events = [...actual.map((span) => ({ at: span.open, span })), ...glyphs.map((glyph) => ({ at: glyph.op, glyph }))].sort((a, b) => a.at - b.at);
  let inside: MarkedSpan | undefined;
  for (const event of events) {
    if (inside && event.at > inside.close) inside = undefined;
    if ('span' in event && event.span) {
      if (inside && event.span.open < inside.close) continue;
      inside = event.span;
      pieces.push(event.span.actualText!);
    } else if ('glyph' in event && event.glyph && !inside) {
      pieces.push(event.glyph.font.toUnicode.get(event.glyph.code) ?? '\ufffd');
    }
  }
  return reversed ? pieces.reverse().join('') : pieces.join('');
}
