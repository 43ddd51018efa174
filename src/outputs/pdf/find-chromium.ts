/**
 * Which Chromium to print with. Installing Clarion never downloads a browser (.puppeteerrc.cjs),
 * so one the machine already has is preferred, and puppeteer's cache is the last resort.
 */
import { accessSync, constants, statSync } from 'node:fs';
import puppeteer from 'puppeteer';

export const systemChromiumPaths: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

/**
 * `candidates` defaults to the system paths, then puppeteer's cache; tests pass their own list so
 * that the outcome does not depend on what this machine has installed.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = defaultCandidates()): string {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new ChromiumNotFoundError(
      `PUPPETEER_EXECUTABLE_PATH is set to "${fromEnv}", but that is not an executable file. ` +
        'Point it at a Chromium or Chrome executable, or unset it to let Clarion look in the usual places.',
    );
  }
  const found = candidates.find(isExecutableFile);
  if (found) return found;
  throw new ChromiumNotFoundError(
    `Clarion prints PDFs with Chromium, but found none (looked at ${candidates.join(', ')}). ` +
      'Install it with `apt-get install -y chromium` (Debian/Ubuntu, as root) or ' +
      '`npx puppeteer browsers install chrome`, or set PUPPETEER_EXECUTABLE_PATH to the executable of a browser you already have.',
  );
}

function defaultCandidates(): string[] {
  let cached: string | undefined;
  try {
    cached = puppeteer.executablePath();
  } catch {
    // puppeteer cannot name a cache path (unknown platform): the system paths are all there is.
  }
  return cached ? [...systemChromiumPaths, cached] : [...systemChromiumPaths];
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
