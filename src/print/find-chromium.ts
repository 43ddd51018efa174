/**
 * Which Chromium to print with. Installing Clarion never downloads a browser (.puppeteerrc.cjs),
 * so one the machine already has is preferred, and puppeteer's cache is the last resort.
 * Chromium's headless shell comes first: the same engine without the browser's windowing parts,
 * it starts several times faster, and starting a browser is most of a one-statement rebuild.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const systemChromiumPaths: readonly string[] = [
  // The binary itself rather than /usr/bin's shell wrapper, so that the browser's process is ours to stop.
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chrome-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

/** How puppeteer runs the browser: the headless shell is its own program (`'shell'`), Chromium runs headless (`true`). */
export function headlessMode(executablePath: string): true | 'shell' {
  return /headless[-_]shell/i.test(path.basename(executablePath)) ? 'shell' : true;
}

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

/**
 * `candidates` defaults to the system paths, then puppeteer's cache; tests pass their own list so
 * that the outcome does not depend on what this machine has installed.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, candidates?: readonly string[]): string {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new ChromiumNotFoundError(
      `PUPPETEER_EXECUTABLE_PATH is set to "${fromEnv}", but that is not an executable file. ` +
        'Point it at a Chromium or Chrome executable, or unset it to let Clarion look in the usual places.',
    );
  }
  const found = (candidates ?? systemChromiumPaths).find(isExecutableFile);
  if (found) return found;
  // Puppeteer's cache is looked in (and puppeteer loaded) only when the machine has no Chromium.
  const cached = candidates ? [] : cachedChromiums();
  const inCache = cached.find(isExecutableFile);
  if (inCache) return inCache;
  const looked = [...(candidates ?? systemChromiumPaths), ...cached];
  throw new ChromiumNotFoundError(
    `Clarion prints PDFs with Chromium, but found none (looked at ${looked.join(', ')}). ` +
      'Install it with `apt-get install -y chromium-headless-shell` (Debian, as root; `chromium` works too) or ' +
      '`npx puppeteer browsers install chrome`, or set PUPPETEER_EXECUTABLE_PATH to the executable of a browser you already have.',
  );
}

/** Where puppeteer's cache would hold a headless shell or a Chromium. */
function cachedChromiums(): string[] {
  const puppeteer = createRequire(import.meta.url)('puppeteer') as typeof import('puppeteer').default;
  const cached: string[] = [];
  for (const headless of ['shell', true] as const) {
    try {
      cached.push(puppeteer.executablePath({ headless }));
    } catch {
      // puppeteer cannot name a cache path (unknown platform): the system paths are all there is.
    }
  }
  return cached;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
