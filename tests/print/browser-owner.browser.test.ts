/** The owner of the browser: one launch, shared by every job, tried again only when asked. */
import { afterEach, describe, expect, it } from 'vitest';
import { browserOwner } from '../../src/print/browser-owner.ts';

const original = process.env.PUPPETEER_EXECUTABLE_PATH;
afterEach(() => {
  if (original === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
  else process.env.PUPPETEER_EXECUTABLE_PATH = original;
});

describe('browserOwner', () => {
  it('launches once for every job, and closes', async () => {
    const owner = browserOwner({ concurrency: 1 });
    expect(owner.launched).toBe(false);
    const [a, b] = await Promise.all([owner.start(), owner.start()]);
    expect(a).toBe(b);
    expect(owner.launched).toBe(true);
    await owner.close();
    await expect(owner.start()).rejects.toThrow('the build is stopping');
  });

  it('keeps a failed start for the rest of a build, and tries again when watch mode asks', async () => {
    const owner = browserOwner({ concurrency: 1 });
    process.env.PUPPETEER_EXECUTABLE_PATH = '/nonexistent/chromium';
    await expect(owner.start()).rejects.toThrow(/PUPPETEER_EXECUTABLE_PATH is set to "\/nonexistent\/chromium"/);
    expect(owner.launched).toBe(false);
    if (original === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
    else process.env.PUPPETEER_EXECUTABLE_PATH = original;
    // The same build: the failure stands, no second launch per job.
    await expect(owner.start()).rejects.toThrow(/PUPPETEER_EXECUTABLE_PATH/);
    // The next build in watch mode.
    owner.retryStart();
    try {
      await owner.start();
      expect(owner.launched).toBe(true);
    } finally {
      await owner.close();
    }
  });
});
