/**
 * Samples the memory of a process tree (a process and all its descendants) from /proc, in a
 * process of its own so that sampling never delays the process measured. Each process counts
 * its proportional set size (PSS): memory shared between Chromium's processes is split among
 * them instead of being counted once per process, as RSS would.
 *
 *   node memory-sampler.mjs <pid> [ms]    prints the peak in bytes when its stdin closes
 */
import { readdirSync, readFileSync } from 'node:fs';

function treeMemory(root) {
  // Parents first (cheap), then the memory of the tree's processes only: reading a process's
  // PSS makes the kernel walk its page tables.
  const children = new Map();
  const rssPages = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      rssPages.set(pid, Number(fields[21]));
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    // Not the sampler itself (a child of the process it measures, in watch mode).
    if (pid === process.pid) continue;
    total += pss(pid) ?? (rssPages.get(pid) ?? 0) * 4096;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function pss(pid) {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const [pid, ms = '100'] = process.argv.slice(2);
let peak = 0;
const tick = () => (peak = Math.max(peak, treeMemory(Number(pid))));
tick();
const timer = setInterval(tick, Number(ms));
process.stdin.resume();
process.stdin.on('end', () => {
  clearInterval(timer);
  tick();
  process.stdout.write(`${peak}\n`);
});
