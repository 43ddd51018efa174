import { describe, expect, it } from 'vitest';
import { gate } from '../../src/util/gate.ts';

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('gate', () => {
  it('lets in at most its size, and the next in line at each release', async () => {
    const g = gate(2);
    const entered: number[] = [];
    for (const n of [1, 2, 3, 4]) void g.enter().then(() => entered.push(n));
    await settled();
    expect(entered).toEqual([1, 2]);
    g.release();
    await settled();
    expect(entered).toEqual([1, 2, 3]);
    g.release();
    g.release();
    await settled();
    expect(entered).toEqual([1, 2, 3, 4]);
    // Room left: one holder is inside, so one more enters at once and the next waits.
    let fifth = false;
    let sixth = false;
    void g.enter().then(() => (fifth = true));
    void g.enter().then(() => (sixth = true));
    await settled();
    expect([fifth, sixth]).toEqual([true, false]);
  });

  it('lets the next in line in at once when it grows', async () => {
    const g = gate(1);
    const entered: number[] = [];
    for (const n of [1, 2, 3, 4]) void g.enter().then(() => entered.push(n));
    await settled();
    expect(entered).toEqual([1]);
    g.resize(3);
    await settled();
    expect(entered).toEqual([1, 2, 3]);
    g.release();
    await settled();
    expect(entered).toEqual([1, 2, 3, 4]);
  });
});
