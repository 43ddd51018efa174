/**
 * A job leaves no listener behind on the browser or on its pooled page: one left per job held
 * that job's document and result (its PDF) for the rest of the build.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/print/find-chromium.ts';
import { jobRunner } from '../../src/print/run-job.ts';
import { openSessions, type Sessions } from '../../src/print/sessions.ts';

describe('jobs on pooled pages', () => {
  let sessions: Sessions | undefined;
  let dir: string | undefined;
  afterAll(async () => {
    await sessions?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('leave the same listeners on the browser and the page after one job as after many', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'clarion-listeners-'));
    const htmlFile = path.join(dir, 'page.html');
    await writeFile(htmlFile, '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Listeners</title></head><body><p>One page.</p></body></html>');
    sessions = await openSessions(findChromium());
    const session = await sessions.live();
    const run = jobRunner(sessions, { concurrency: 1, timeoutMs: 30_000 });
    const job = { label: 'statements/listeners.md', htmlFile, allowedRoots: [dir] };
    const task = { label: job.label, verb: 'print' as const, run: (page: import('puppeteer').Page) => page.pdf({ format: 'A4' }) };
    await run(job, task);
    const counts = () => [session.browser.listenerCount('disconnected'), ...session.idle.map((p) => p.page.listenerCount('error'))];
    const afterOne = counts();
    expect(session.idle).toHaveLength(1);
    for (let i = 0; i < 5; i++) expect((await run(job, task)).result.length).toBeGreaterThan(500);
    expect(counts()).toEqual(afterOne);
  });
});
