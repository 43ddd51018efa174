/**
 * The send log of one statement, `.clarion/send-log/<slug>.jsonl`: one JSON line per recipient
 * and run, appended and fsync'ed as soon as the server has accepted (or finally refused) the
 * message, so that a rerun after a crash knows who already has it. The last line about an
 * address is the one that counts. A line cut short by a crash is ignored.
 *
 * While a run sends, `<slug>.lock` beside the log holds its process id: a second run for the same
 * statement is refused (it could send twice), unless that process is gone.
 */
import { processAlive } from '../util/process-alive.ts';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { SEND_STATE_DIR } from './ignore-send-state.ts';

export interface SendRecord {
  address: string;
  name?: string;
  messageId: string;
  result: 'sent' | 'failed';
  /** Why it failed (the server's answer or the network error), for `failed`. */
  error?: string;
  /** What a permanent refusal (5xx) means, in plain words, for `failed`. */
  meaning?: string;
  /** SMTP transactions tried in this run. */
  attempts: number;
  /** The server's answer to the accepted message, for `sent`. */
  response?: string;
  /** When the outcome was known (ISO 8601). */
  time: string;
}

export const SEND_LOG_DIR = `${SEND_STATE_DIR}/send-log`;

export function sendLogPath(root: string, slug: string): string {
  return path.join(root, SEND_LOG_DIR, `${slug}.jsonl`);
}

/** The latest record of each address (lower-cased), from the log; an empty map when there is none. */
export async function readSendLog(file: string): Promise<Map<string, SendRecord>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const latest = new Map<string, SendRecord>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let record: SendRecord;
    try {
      record = JSON.parse(line) as SendRecord;
    } catch {
      continue; // the end of a line a crash cut short
    }
    if (typeof record?.address === 'string' && (record.result === 'sent' || record.result === 'failed')) latest.set(record.address.toLowerCase(), record);
  }
  return latest;
}

export class SendLockedError extends Error {}

export class SendLog {
  private constructor(
    private readonly handle: FileHandle,
    private readonly lockFile: string,
  ) {}

  /** Takes the statement's lock and opens its log for appending. */
  static async open(file: string): Promise<SendLog> {
    const dir = path.dirname(file);
    await mkdir(dir, { recursive: true });
    const lockFile = file.replace(/\.jsonl$/, '') + '.lock';
    await takeLock(lockFile);
    try {
      const handle = await open(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o644);
      // A line a crash cut short must not swallow the next record.
      const { size } = await handle.stat();
      if (size > 0) {
        const last = Buffer.alloc(1);
        const reader = await open(file, 'r');
        try {
          await reader.read(last, 0, 1, size - 1);
        } finally {
          await reader.close();
        }
        if (last[0] !== 0x0a) await handle.write('\n');
      }
      await handle.sync();
      await syncDir(dir);
      return new SendLog(handle, lockFile);
    } catch (error) {
      await rm(lockFile, { force: true });
      throw error;
    }
  }

  /** Appends one record and waits until it is on disk. */
  async append(record: SendRecord): Promise<void> {
    await this.handle.write(JSON.stringify(record) + '\n');
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle.close();
    await rm(this.lockFile, { force: true });
  }
}

async function takeLock(lockFile: string): Promise<void> {
  for (let tries = 0; tries < 2; tries++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.write(`${process.pid}\n`);
      await handle.sync();
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
        throw new SendLockedError(`another "clarion send" of this statement is running (process ${pid}) — wait for it to finish; if no such run is going on, delete ${lockFile}`);
      }
      await rm(lockFile, { force: true }); // left by a run that is gone
    }
  }
  throw new SendLockedError(`cannot take the lock ${lockFile}`);
}


async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms cannot fsync a directory; the file's own fsync still holds.
  }
}
