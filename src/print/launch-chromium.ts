/**
 * Starting and stopping Chromium: a profile folder of its own, the command line, a watch on a
 * start that never settles, and a close that leaves no process behind whatever happens.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
// The driver without puppeteer's own configuration loader, bundled with the rest when compiled
// (scripts/compile.mjs): loaded from one file, it is ready sooner for the build's first PDF.
import puppeteer, { type Browser, type CDPSession } from 'puppeteer-core';
import { firstLine } from '../util/first-line.ts';
import { killGroup, killProcessesUsing, processesUsing } from './chromium-processes.ts';
import { headlessMode } from './find-chromium.ts';

/** Chromium's command line: quiet, no network, and every page rendering although most are in the background. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  // Pages printed or captured side by side are all background tabs but one: they must not be
  // throttled, or a screenshot of one of them waits for a frame that never comes.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  // Request interception stops requests, not <link rel="preconnect"> or DNS prefetching: resolve no host at all.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/**
 * What a page drawn only when DevTools asks (the headless shell's begin-frame control, for share
 * cards) needs for its one frame to be complete: every compositing stage run before drawing
 * (raster included), images decoded in that raster, and no wait for new content.
 */
export const frameControlArgs: readonly string[] = [
  '--run-all-compositor-stages-before-draw',
  '--disable-new-content-rendering-timeout',
  '--disable-threaded-animation',
  '--disable-checker-imaging',
];

/** A running Chromium and the profile folder it was started with (removed when it closes). */
export interface Chromium {
  browser: Browser;
  userDataDir: string;
  /**
   * A DevTools session with the browser itself, which opens pages that draw no frames, when the
   * browser can (Chromium's headless shell): print pages are opened so (page-pool.ts).
   */
  frameless?: CDPSession;
}

/** How long Chromium may take to start. */
const startTimeoutMs = 30_000;

/** How long a polite browser.close() may take before the process is killed. */
const closeGraceMs = 5_000;

export async function launchChromium(executablePath: string): Promise<Chromium> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'clarion-chromium-'));
  const launching = puppeteer.launch({
    executablePath,
    headless: headlessMode(executablePath),
    pipe: true,
    // Ctrl-C is ours to handle: the build closes the browser and reports what it stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    userDataDir,
    args: [...chromiumArgs, ...(headlessMode(executablePath) === 'shell' ? frameControlArgs : [])],
  });
  // Puppeteer's launch never settles if Chromium dies at some moments of its start: watch for that.
  const watch = watchStart(userDataDir);
  try {
    const browser = await Promise.race([launching, watch.failed]);
    const frameless = headlessMode(executablePath) === 'shell' ? await browser.target().createCDPSession().catch(() => undefined) : undefined;
    return { browser, userDataDir, ...(frameless ? { frameless } : {}) };
  } catch (error) {
    // A launch that settles after all is closed at once.
    void launching.then((late) => late.close(), () => {});
    killProcessesUsing(userDataDir);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5 });
    throw new Error(`could not start Chromium (${executablePath}): ${firstLine(error)}`);
  } finally {
    watch.stop();
  }
}

/**
 * Rejects when the Chromium started with this profile folder has died (on Linux, where /proc
 * lists processes) or has not started within startTimeoutMs.
 */
function watchStart(userDataDir: string): { failed: Promise<never>; stop: () => void } {
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  const started = Date.now();
  let seen = false;
  const timer = setInterval(() => {
    if (Date.now() - started > startTimeoutMs) return fail(new Error(`Chromium did not start in ${startTimeoutMs / 1000} s`));
    const running = processesUsing(userDataDir);
    if (running === undefined) return;
    if (running.length > 0) seen = true;
    else if (seen) fail(new Error('Chromium quit while starting'));
  }, 100);
  return { failed, stop: () => clearInterval(timer) };
}

export async function closeChromium({ browser, userDataDir }: Chromium): Promise<void> {
  const child = browser.process();
  let closed = false;
  try {
    // A browser already gone (killed, crashed) cannot close itself: asking would only wait out the grace.
    if (browser.connected) {
      await withTimeout(browser.close(), closeGraceMs, () => new Error('Chromium did not close'));
      closed = true;
    }
  } catch {
    // Closing hung: make sure no process is left behind.
  } finally {
    const running = child !== null && child.exitCode === null && child.signalCode === null;
    // Not closed by itself: its group goes, helpers that outlived a killed main process included.
    if (child?.pid !== undefined && (running || !closed)) killGroup(child.pid);
    if (running) await new Promise((resolve) => child.once('exit', resolve));
    // Chromium may still be flushing its profile for a moment after exiting.
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5 }).catch(() => {});
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, timeoutError: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(timeoutError()), ms)));
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
