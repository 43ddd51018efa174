/** Peak memory of a process tree, sampled by a process of its own (memory-sampler.mjs). */
import { spawn } from 'node:child_process';
import path from 'node:path';

const sampler = path.join(import.meta.dirname, 'memory-sampler.mjs');

/** Samples every `ms` until stopped; stop() resolves to the peak in bytes. */
export function samplePeakMemory(pid: number, ms = 100): { stop: () => Promise<number> } {
  const child = spawn(process.execPath, [sampler, String(pid), String(ms)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const exited = new Promise<number>((resolve) => child.once('exit', () => resolve(Number(out.trim()) || 0)));
  return {
    stop() {
      child.stdin.end();
      return exited;
    },
  };
}
