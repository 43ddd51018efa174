/**
 * One build at a time per output folder: a lock file holding the builder's process id. A second
 * build refuses with a clear message instead of interleaving its writes; a lock left by a process
 * that no longer runs is taken over.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { processAlive } from '../util/process-alive.ts';
import { toWriteError, WriteError } from './write-atomic.ts';

export const LOCK_FILE = '.clarion-lock';

export class LockedError extends Error {}

export async function acquireBuildLock(outDir: string): Promise<() => Promise<void>> {
  const file = path.join(outDir, LOCK_FILE);
  await mkdir(outDir, { recursive: true }).catch((error: unknown) => {
    throw toWriteError(outDir, error);
  });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(`${process.pid}\n`);
      } catch (error) {
        await handle.close();
        await rm(file, { force: true });
        throw toWriteError(file, error);
      }
      await handle.close();
      return async () => {
        await rm(file, { force: true });
      };
    } catch (error) {
      if (error instanceof WriteError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw toWriteError(file, error);
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
        throw new LockedError(`another Clarion build (process ${pid}) is writing ${path.relative(process.cwd(), outDir) || outDir} — wait for it to finish, or build into another folder with --out`);
      }
      // Left behind by a build that no longer runs.
      await rm(file, { force: true });
    }
  }
  throw new LockedError(`could not lock ${outDir} — try again`);
}
