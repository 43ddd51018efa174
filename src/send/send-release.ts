/**
 * Sends one release to a press list: one message per recipient, addressed to that recipient
 * alone, composed by composeEml with a Message-ID of its own, dated the moment it is sent (each
 * attempt), and with a List-Unsubscribe address. A dry run (the default) decides what would
 * happen and sends nothing.
 *
 * Safe to rerun: each outcome is appended to the statement's send log and fsync'ed as soon as
 * the server has accepted the message, and recipients the log shows as `sent` are skipped. So a
 * crash or a network failure halfway never sends anyone a second copy (the one window left is a
 * crash between the server's "250 OK" and the fsync; even then the copy carries the same
 * Message-ID). Failures are retried with exponential back-off unless the server refused for good
 * (5xx), which is explained in plain words; messages are spaced out to the given rate without
 * busy-waiting.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { composeEml, type EmlAttachment } from '../formats/eml/compose-eml.ts';
import { recipientMessageId } from '../formats/eml/message-id.ts';
import { explainRefusal, isPermanent } from './explain-refusal.ts';
import { readSendLog, SendLog } from './send-log.ts';

/** Everything a message needs, as built: the build (or send-command) fills it in. */
export interface Release {
  slug: string;
  /** See emailSubject: the headline, with the embargo prefix when embargoed. */
  subject: string;
  /** The draft's Message-ID, `<slug.YYYYMMDD@domain>` (see messageId); each recipient's is derived from it. */
  messageIdBase: string;
  /** The plain-text release, as in the .txt. */
  text: string;
  /** Email-safe HTML (see emailSafeHtml). */
  html: string;
  from: { name: string; address: string };
  /** The statement's language (Content-Language). */
  lang: string;
  /** The List-Unsubscribe address (the organisation's unsubscribe_email, else the From address). */
  unsubscribe: string;
  attachments?: EmlAttachment[];
}

export interface Addressee {
  name?: string;
  address: string;
}

/** What is needed of a nodemailer transport (createTransport(url) is one). */
export interface SendTransport {
  sendMail(mail: { envelope: { from: string; to: string[] }; raw: Buffer }): Promise<{ response?: string; rejected?: unknown[] } | unknown>;
  close?(): void;
}

export interface SendOptions {
  recipients: readonly Addressee[];
  /** The statement's send log, e.g. sendLogPath(root, slug). */
  logFile: string;
  /** false: a dry run that reads the log and sends nothing. */
  send: boolean;
  /** Required when `send`. */
  transport?: SendTransport;
  /** Messages per minute (default 60). */
  rate?: number;
  /** SMTP transactions per recipient at most (default 3). */
  attempts?: number;
  /** Wait before the first retry, doubled before each further one (default 2000 ms). */
  backoffMs?: number;
  /** Stops the run after the message being sent (as Ctrl-C would). */
  signal?: AbortSignal;
  /** Told of each recipient's outcome as soon as it is known. */
  progress?: (outcome: SendOutcome) => void;
  /** For tests: the clock (also each message's Date) and the wait used by the rate limit and the back-off. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type SendStatus = 'sent' | 'failed' | 'skipped' | 'would-send';

export interface SendOutcome {
  name?: string;
  address: string;
  messageId: string;
  status: SendStatus;
  attempts: number;
  error?: string;
  /** What a permanent refusal (5xx) means, in plain words. */
  meaning?: string;
}

export interface SendResult {
  outcomes: SendOutcome[];
  counts: Record<SendStatus, number>;
  /** The run was stopped by the signal before every recipient was handled. */
  aborted: boolean;
}

export async function sendRelease(release: Release, options: SendOptions): Promise<SendResult> {
  const rate = options.rate ?? 60;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, signal ? { signal } : {}).catch(() => undefined));
  const retry: Retry = { attempts: Math.max(1, options.attempts ?? 3), backoffMs: options.backoffMs ?? 2000, sleep, ...(options.signal ? { signal: options.signal } : {}) };
  if (!(rate > 0)) throw new Error('the rate must be a positive number of messages per minute');
  if (options.send && !options.transport) throw new Error('sending needs a transport');

  const result: SendResult = { outcomes: [], counts: { sent: 0, failed: 0, skipped: 0, 'would-send': 0 }, aborted: false };
  const record = (outcome: SendOutcome) => {
    result.outcomes.push(outcome);
    result.counts[outcome.status]++;
    options.progress?.(outcome);
  };
  const done = await readSendLog(options.logFile);
  const alreadySent = (r: Addressee) => done.get(r.address.toLowerCase())?.result === 'sent';
  const unique = dedupe(options.recipients);

  if (!options.send) {
    for (const r of unique) {
      const messageId = recipientMessageId(release.messageIdBase, r.address);
      record({ ...named(r), address: r.address, messageId, status: alreadySent(r) ? 'skipped' : 'would-send', attempts: 0 });
    }
    return result;
  }

  const transport = options.transport!;
  const log = await SendLog.open(options.logFile);
  const slot = rateLimit(rate, now, sleep, options.signal);
  try {
    for (const r of unique) {
      const messageId = recipientMessageId(release.messageIdBase, r.address);
      if (alreadySent(r)) {
        record({ ...named(r), address: r.address, messageId, status: 'skipped', attempts: 0 });
        continue;
      }
      if (options.signal?.aborted) {
        result.aborted = true;
        break;
      }
      // The Date header counts whole seconds: so does the date the message is composed with.
      const compose = () => messageTo(release, r, messageId, new Date(Math.floor(now() / 1000) * 1000));
      const delivery = await deliver(transport, { from: release.from.address, to: r.address }, compose, retry, slot);
      const outcome = await logDelivery(log, r, messageId, delivery, now);
      if (outcome) record(outcome);
    }
  } finally {
    await log.close();
  }
  return result;
}

interface Retry {
  attempts: number;
  backoffMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

interface Delivery {
  /** SMTP transactions tried (0 when the run was stopped before the first). */
  tried: number;
  accepted: boolean;
  /** The server's answer to the accepted message. */
  response?: string;
  /** The last failure, when not accepted. */
  error?: unknown;
}

/** A slot function for `rate` messages per minute: it waits for the next free slot, and says false when the run was stopped meanwhile. */
function rateLimit(rate: number, now: () => number, sleep: Retry['sleep'], signal: AbortSignal | undefined): () => Promise<boolean> {
  const interval = 60_000 / rate;
  let nextSlot = -Infinity;
  return async () => {
    const t = now();
    if (nextSlot > t) await sleep(nextSlot - t, signal);
    if (signal?.aborted) return false;
    nextSlot = Math.max(now(), nextSlot) + interval;
    return true;
  };
}

/** The message for one recipient, addressed to them alone, dated the moment it is sent. */
async function messageTo(release: Release, r: Addressee, messageId: string, date: Date): Promise<Buffer> {
  return Buffer.from(
    await composeEml({
      from: release.from,
      to: [{ ...named(r), address: r.address }],
      subject: release.subject,
      date,
      messageId,
      text: release.text,
      html: release.html,
      draft: false,
      lang: release.lang,
      unsubscribe: release.unsubscribe,
      ...(release.attachments?.length ? { attachments: release.attachments } : {}),
    }),
  );
}

/** Sends one message, retried with exponential back-off unless the server refused for good. */
async function deliver(transport: SendTransport, envelope: { from: string; to: string }, compose: () => Promise<Buffer>, retry: Retry, slot: () => Promise<boolean>): Promise<Delivery> {
  let tried = 0;
  let error: unknown;
  while (tried < retry.attempts) {
    if (tried > 0) {
      await retry.sleep(retry.backoffMs * 2 ** (tried - 1), retry.signal);
    }
    if (!(await slot())) break;
    tried++;
    try {
      const info = (await transport.sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw: await compose() })) as { response?: unknown; rejected?: unknown[] } | undefined;
      if (info?.rejected?.length) throw Object.assign(new Error(`the server refused ${envelope.to}`), { responseCode: 550 });
      const response = typeof info?.response === 'string' ? info.response : undefined;
      return { tried, accepted: true, ...(response ? { response } : {}) };
    } catch (e) {
      error = e;
      if (isPermanent(e)) break;
    }
  }
  return { tried, accepted: false, error };
}

/** Appends the outcome to the send log (fsync'ed) and returns it; nothing when no transaction was tried. */
async function logDelivery(log: SendLog, r: Addressee, messageId: string, delivery: Delivery, now: () => number): Promise<SendOutcome | undefined> {
  const { tried, response } = delivery;
  if (delivery.accepted) {
    await log.append({ address: r.address, ...named(r), messageId, result: 'sent', attempts: tried, ...(response ? { response } : {}), time: new Date(now()).toISOString() });
    return { ...named(r), address: r.address, messageId, status: 'sent', attempts: tried };
  }
  if (tried === 0) return undefined;
  const reason = describe(delivery.error);
  const meaning = explainRefusal(delivery.error);
  const explained = meaning ? { meaning } : {};
  await log.append({ address: r.address, ...named(r), messageId, result: 'failed', error: reason, ...explained, attempts: tried, time: new Date(now()).toISOString() });
  return { ...named(r), address: r.address, messageId, status: 'failed', attempts: tried, error: reason, ...explained };
}

function named(r: Addressee): { name?: string } {
  return r.name ? { name: r.name } : {};
}

function dedupe(recipients: readonly Addressee[]): Addressee[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = r.address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(error: unknown): string {
  const e = error as { response?: unknown; message?: unknown; code?: unknown } | undefined;
  const text = typeof e?.response === 'string' && e.response ? e.response : typeof e?.message === 'string' ? e.message : String(error);
  return text.replace(/\s+/g, ' ').trim();
}
