import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, findChromium, headlessMode } from '../../src/print/find-chromium.ts';

let dir: string;
let browser: string;
let notExecutable: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clarion-find-chromium-'));
  browser = path.join(dir, 'chromium');
  await writeFile(browser, '#!/bin/sh\n');
  await chmod(browser, 0o755);
  notExecutable = path.join(dir, 'readme.txt');
  await writeFile(notExecutable, 'not a browser');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('findChromium', () => {
  it('takes PUPPETEER_EXECUTABLE_PATH first', () => {
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: browser }, ['/usr/bin/true'])).toBe(browser);
  });

  it('names the variable when PUPPETEER_EXECUTABLE_PATH points at nothing', () => {
    const missing = path.join(dir, 'no-such-browser');
    expect(() => findChromium({ PUPPETEER_EXECUTABLE_PATH: missing }, [browser])).toThrow(ChromiumNotFoundError);
    expect(() => findChromium({ PUPPETEER_EXECUTABLE_PATH: missing }, [browser])).toThrow(
      `PUPPETEER_EXECUTABLE_PATH is set to "${missing}", but that is not an executable file.`,
    );
  });

  it('takes the first candidate that is an executable file', () => {
    expect(findChromium({}, [path.join(dir, 'missing'), notExecutable, dir, browser])).toBe(browser);
  });

  it('says how to install Chromium when there is none', () => {
    let error: unknown;
    try {
      findChromium({}, [path.join(dir, 'missing')]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ChromiumNotFoundError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain('apt-get install -y chromium-headless-shell');
    expect(message).toContain('npx puppeteer browsers install chrome');
    expect(message).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(message).toContain(path.join(dir, 'missing'));
  });

  it('finds a browser on this machine with the default candidates', () => {
    // The printer tests need one anyway; this checks the default list is wired up.
    expect(findChromium({})).toMatch(/chrom/i);
  });
});

describe('headlessMode', () => {
  it('runs the headless shell as its own program and Chromium headless', () => {
    expect(headlessMode('/usr/lib/chromium/chromium-headless-shell')).toBe('shell');
    expect(headlessMode('/home/me/.cache/puppeteer/chrome-headless-shell/linux/chrome-headless-shell')).toBe('shell');
    expect(headlessMode('/usr/bin/chromium')).toBe(true);
    expect(headlessMode('/opt/google/chrome/chrome')).toBe(true);
  });
});
