/**
 * Message-IDs of emailed releases, derived from what the message is, never random: the draft is
 * `<slug.YYYYMMDD@domain>`, the copy sent to one recipient `<slug.YYYYMMDD.hash@domain>` with a
 * hash of the (lower-cased) recipient address. So a message resent to the same person carries the
 * same Message-ID, and mail clients that see it twice can tell it is one message.
 */
import { createHash } from 'node:crypto';

/** "Message-ID: <...>" fits in the 78 characters RFC 5322 recommends for a line. */
const MAX_LINE = 78;
const HEADER = 'Message-ID: ';

export function messageId(slug: string, date: string, domain: string): string {
  const day = date.slice(0, 10).replace(/-/g, '');
  const room = MAX_LINE - HEADER.length - '<@>'.length - domain.length - day.length - 1 - RECIPIENT_PART;
  return `<${fit(slug, room)}.${day}@${domain}>`;
}

/** The Message-ID of the copy sent to `address`: the draft's with a hash of the address. */
export function recipientMessageId(base: string, address: string): string {
  const at = base.lastIndexOf('@');
  if (!base.startsWith('<') || !base.endsWith('>') || at < 0) throw new Error(`"${base}" is not a Message-ID`);
  return `${base.slice(0, at)}.${hash(address.trim().toLowerCase()).slice(0, RECIPIENT_PART - 1)}${base.slice(at)}`;
}

/** The domain of Message-IDs: the newsroom's host when there is a website, else the sender's domain. */
export function messageIdDomain(website: string | undefined, fromAddress: string): string {
  if (website) {
    try {
      return new URL(website).hostname;
    } catch {
      // fall through to the address
    }
  }
  return fromAddress.slice(fromAddress.lastIndexOf('@') + 1).toLowerCase();
}

/** ".<10 hex>" added for a recipient. */
const RECIPIENT_PART = 11;

function fit(slug: string, room: number): string {
  if (slug.length <= room) return slug;
  const tail = `-${hash(slug).slice(0, 8)}`;
  return `${slug.slice(0, Math.max(1, room - tail.length)).replace(/-+$/, '')}${tail}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
