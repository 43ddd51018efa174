/**
 * A release as an email message (RFC 5322 + MIME), composed by nodemailer's MailComposer:
 * multipart/alternative with the plain text first and the HTML last (the part a client prefers),
 * inside multipart/mixed when there are attachments. CRLF line breaks; bodies are encoded
 * (7bit, quoted-printable or base64) so that no line is longer than 78 characters.
 *
 * Byte-identical for the same input: the date and Message-ID are given, and the MIME boundary is
 * derived from a hash of the input instead of random bytes. Nothing reads the clock: the draft
 * carries the statement's date, and `clarion send` gives each message the moment it sends it.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface EmlAddress {
  name?: string;
  address: string;
}

export interface EmlAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

export interface EmlInput {
  from: { name: string; address: string };
  /** Absent for the draft in dist/; one recipient when sending. */
  to?: EmlAddress[];
  /** The headline, already prefixed "EMBARGOED until <time, zone>: " when embargoed (see emailSubject). */
  subject: string;
  /** The statement's for the draft in dist/ (reproducible); the moment of sending for a sent message. */
  date: Date;
  /** `<local@domain>`, derived, never random (see messageId). */
  messageId: string;
  /** The plain-text release, byte-identical to the .txt. */
  text: string;
  /** Email-safe HTML (see emailSafeHtml). */
  html: string;
  /** Adds `X-Unsent: 1`: mail clients open the file as a message to send. */
  draft: boolean;
  /** The statement's language (BCP 47): `Content-Language` (RFC 3282), for spelling, fonts and speech in the reader's client. */
  lang?: string;
  /** Adds `List-Unsubscribe: <mailto:address?subject=unsubscribe>`: where a recipient asks to be taken off the list. */
  unsubscribe?: string;
  attachments?: EmlAttachment[];
}

export class EmlInputError extends Error {}

export async function composeEml(input: EmlInput): Promise<Uint8Array> {
  checkInput(input);
  const composer = new MailComposer({
    from: { name: oneLine(input.from.name), address: input.from.address },
    ...(input.to?.length ? { to: input.to.map((r) => (r.name ? { name: oneLine(r.name), address: r.address } : r.address)) } : {}),
    subject: oneLine(input.subject),
    date: input.date,
    messageId: input.messageId,
    text: input.text,
    html: input.html,
    ...(input.draft || input.unsubscribe || input.lang ? { headers: headersOf(input) } : {}),
    ...(input.attachments?.length
      ? {
          attachments: input.attachments.map((a) => ({
            filename: a.filename,
            content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
            contentType: a.contentType,
            contentTransferEncoding: 'base64',
          })),
        }
      : {}),
    baseBoundary: baseBoundary(input),
    newline: 'win',
    // The composer only ever sees content in memory.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const bytes = await composer.compile().build();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The shared part of every MIME boundary: a hash of everything that goes into the message. */
function baseBoundary(input: EmlInput): string {
  const hash = createHash('sha256');
  const field = (value: string | Uint8Array) => {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    hash.update(String(bytes.byteLength)).update(':').update(bytes).update(';');
  };
  field(input.from.name);
  field(input.from.address);
  for (const r of input.to ?? []) {
    field(r.name ?? '');
    field(r.address);
  }
  field(input.subject);
  field(input.date.toISOString());
  field(input.messageId);
  field(input.text);
  field(input.html);
  field(input.draft ? '1' : '0');
  if (input.lang !== undefined) field(input.lang);
  if (input.unsubscribe !== undefined) field(input.unsubscribe);
  for (const a of input.attachments ?? []) {
    field(a.filename);
    field(a.contentType);
    field(a.content);
  }
  return hash.digest('hex').slice(0, 24);
}

function headersOf(input: EmlInput): Record<string, string | { prepared: true; value: string }> {
  return {
    ...(input.lang ? { 'Content-Language': input.lang } : {}),
    ...(input.draft ? { 'X-Unsent': '1' } : {}),
    ...(input.unsubscribe ? { 'List-Unsubscribe': listUnsubscribe(input.unsubscribe) } : {}),
  };
}

/** On the header's own line when it fits in 78 characters (the composer would fold it anyway); else folded by the composer. */
function listUnsubscribe(address: string): string | { prepared: true; value: string } {
  const value = `<${unsubscribeUrl(address)}>`;
  return `List-Unsubscribe: ${value}`.length <= 78 ? { prepared: true, value } : value;
}

/** A mailto: URL (RFC 6068) asking to unsubscribe; what an address may hold beyond letters and digits is percent-encoded. */
export function unsubscribeUrl(address: string): string {
  const at = address.lastIndexOf('@');
  const escape = (part: string) => part.replace(/[^A-Za-z0-9._+\-]/g, (c) => encodeURIComponent(c));
  return `mailto:${escape(address.slice(0, at))}@${escape(address.slice(at + 1))}?subject=unsubscribe`;
}

/** Header values are one line: a line break in a name or subject could not start a new header anyway. */
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;
const MESSAGE_ID = /^<[^\s<>@]+@[^\s<>@]+>$/;

function checkInput(input: EmlInput): void {
  for (const address of [input.from.address, ...(input.to ?? []).map((r) => r.address), ...(input.unsubscribe !== undefined ? [input.unsubscribe] : [])]) {
    if (!ADDRESS.test(address)) throw new EmlInputError(`"${address}" is not an email address`);
  }
  if (!MESSAGE_ID.test(input.messageId)) throw new EmlInputError(`"${input.messageId}" is not a Message-ID: write it as <local@domain>`);
  if (Number.isNaN(input.date.getTime())) throw new EmlInputError('the date of the message is not a valid date');
}
