/** Processes seen through /proc (Linux): descendants, command lines and processor time. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
export const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The fields of /proc/<pid>/stat after the command name: state is [0], ppid [1], utime [11], stime [12]. */
function stat(pid: number): string[] | undefined {
  const line = read(`/proc/${pid}/stat`);
  return line?.slice(line.lastIndexOf(')') + 2).split(' ');
}

export function cmdline(pid: number): string {
  return read(`/proc/${pid}/cmdline`)?.replaceAll('\0', ' ') ?? '';
}

/** Live (not zombie) processes descended from `ancestor`. */
export function descendants(ancestor: number): number[] {
  const parents = new Map<number, number>();
  const live: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const fields = stat(pid);
    if (!fields) continue;
    parents.set(pid, Number(fields[1]));
    if (fields[0] !== 'Z') live.push(pid);
  }
  return live.filter((pid) => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) if (at === ancestor) return true;
    return false;
  });
}

/** Processor time (user and system, in clock ticks) that the live Chromium renderers descended from `ancestor` have used. */
export function rendererTicks(ancestor: number): number {
  return descendants(ancestor)
    .filter((pid) => cmdline(pid).includes('--type=renderer'))
    .reduce((ticks, pid) => {
      const fields = stat(pid);
      return ticks + (fields ? Number(fields[11]) + Number(fields[12]) : 0);
    }, 0);
}
