/**
 * Chromium's processes, found and stopped without puppeteer's help: a launch that hangs or a
 * browser that will not close must leave nothing running.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Process ids whose command line names the profile folder; undefined where /proc cannot tell. */
export function processesUsing(folder: string): number[] | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const flag = `--user-data-dir=${folder}`;
  return pids
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').includes(flag);
      } catch {
        return false;
      }
    })
    .map(Number);
}

export function killProcessesUsing(folder: string): void {
  for (const pid of processesUsing(folder) ?? []) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

export function killGroup(pid: number): void {
  try {
    // Puppeteer starts Chromium as a process group leader: this takes its helpers down too.
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
