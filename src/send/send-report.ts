/** The lines `clarion send` prints: one per recipient as it goes, and the failures at the end. */
import type { Recipient } from './read-recipients.ts';
import type { SendOutcome } from './send-release.ts';

export function who(o: { name?: string; address: string }): string {
  return o.name ? `${o.name} <${o.address}>` : o.address;
}

export function outcomeLine(o: SendOutcome): string {
  switch (o.status) {
    case 'would-send': return `would send   ${who(o)}  ${o.messageId}`;
    case 'skipped': return `already sent ${who(o)}`;
    case 'sent': return `sent         ${who(o)}${o.attempts > 1 ? ` (attempt ${o.attempts})` : ''}`;
    case 'failed': return `failed       ${who(o)}: ${o.meaning ? `${o.meaning} (${o.error ?? 'refused'}; ${plural(o.attempts, 'attempt')})` : `${o.error ?? 'unknown error'} (${plural(o.attempts, 'attempt')})`}`;
  }
}

/** A recipient that was not sent the release: why, in plain words when the server refused for good, and what the server said. */
export function failureLine(o: SendOutcome): string {
  if (o.meaning) return `${who(o)}: ${o.meaning} (the server said: ${o.error ?? 'refused'})`;
  return `${who(o)}: ${o.error ?? 'unknown error'}`;
}

/** Someone the list marks as unsubscribed, and where. */
export function unsubscribedLine(r: Recipient, listPath: string): string {
  return `unsubscribed ${who(r)} (${listPath}:${r.line}): sent nothing`;
}

/** "; N unsubscribed, sent nothing", added to the summary; "" when the list marks nobody. */
export function unsubscribedSummary(n: number): string {
  return n ? `; ${n} unsubscribed, sent nothing` : '';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
