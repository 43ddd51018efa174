import { describe, expect, it } from 'vitest';
import { explainRefusal, isPermanent } from '../../src/send/explain-refusal.ts';

/** A failure as nodemailer reports a server's answer. */
const answer = (response: string) => Object.assign(new Error(`Can't send mail - all recipients were rejected: ${response}`), { responseCode: Number(response.slice(0, 3)), response });

describe('explainRefusal: a permanent refusal in plain words', () => {
  it.each([
    ['550 5.1.1 <bob@wire.example>: Recipient address rejected: User unknown', 'the mailbox does not exist or refuses mail from you: check the address'],
    ['550 Requested action not taken: mailbox unavailable', 'the mailbox does not exist or refuses mail from you: check the address'],
    ['551 User not local; please try <bob@new.example>', 'the recipient is not at this server (the address may have changed): check the address'],
    ['552 5.2.2 Mailbox full', "the recipient's mailbox is full"],
    ['550 5.2.2 The email account that you tried to reach is over quota', "the recipient's mailbox is full"],
    ['552 5.3.4 Message size exceeds fixed maximum message size', "the message is too big for the recipient's server: send it without the PDF (email_attach_pdf: false)"],
    ['553 5.1.3 Bad recipient address syntax', 'the server does not accept this address: check the address'],
    ['554 5.7.1 Message rejected as spam', "the server refused the message: it may look like spam; ask the recipient's mail administrator"],
    ['550 5.7.26 Unauthenticated email from press.example.org is not accepted due to domain\'s DMARC policy', "the recipient's server does not trust mail from your domain (SPF, DKIM or DMARC): ask whoever runs your domain's email settings"],
    ['556 5.1.10 Recipient address has null MX', "the address's domain does not receive mail: check the address"],
    ['554 5.7.1 <bob@wire.example>: Relay access denied', 'the sending server wants a valid login: check the user name and password in CLARION_SMTP_URL'],
    ['535 5.7.8 Authentication credentials invalid', 'the sending server wants a valid login: check the user name and password in CLARION_SMTP_URL'],
    ['500 5.5.2 Syntax error', 'the server refused the message for good'],
  ])('%s', (response, meaning) => {
    expect(isPermanent(answer(response))).toBe(true);
    expect(explainRefusal(answer(response))).toBe(meaning);
  });

  it('says nothing of a temporary failure or a network error (they are tried again)', () => {
    expect(explainRefusal(answer('421 4.7.0 Try again later'))).toBeUndefined();
    expect(explainRefusal(answer('452 4.2.2 Mailbox full, try later'))).toBeUndefined();
    expect(explainRefusal(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }))).toBeUndefined();
    expect(isPermanent(new Error('no code'))).toBe(false);
  });
});
