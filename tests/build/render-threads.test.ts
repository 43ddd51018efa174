import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { renderThreads } from '../../src/build/render-all.ts';

describe('renderThreads', () => {
  it('starts workers for large builds that print nothing, one for a large build that prints, and what CLARION_RENDER_THREADS says', () => {
    const cores = Math.min(os.availableParallelism(), 4);
    expect(renderThreads(1000, {})).toBe(cores < 2 ? 0 : cores);
    expect(renderThreads(100, {})).toBe(0);
    expect(renderThreads(1000, {}, true)).toBe(1);
    expect(renderThreads(200, {}, true)).toBe(0);
    expect(renderThreads(1000, { CLARION_RENDER_THREADS: '2' }, true)).toBe(2);
    expect(renderThreads(10, { CLARION_RENDER_THREADS: '0' })).toBe(0);
  });
});
