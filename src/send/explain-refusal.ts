/**
 * What a permanent refusal (an SMTP 5xx answer) means, in words a press officer can act on. The
 * reply code says roughly what went wrong; the enhanced status code (RFC 3463, such as 5.2.2),
 * when the server gives one, is more precise and wins where it says something else.
 */

/** The server refused for good (5xx): trying again would get the same answer. */
export function isPermanent(error: unknown): boolean {
  const code = replyCode(error);
  return code !== undefined && code >= 500 && code < 600;
}

const CHECK_ADDRESS = 'check the address';
const LOGIN = 'the sending server wants a valid login: check the user name and password in CLARION_SMTP_URL';
const SPAM = "the server refused the message: it may look like spam; ask the recipient's mail administrator";
const NO_MAIL_DOMAIN = `the address's domain does not receive mail: ${CHECK_ADDRESS}`;

const BY_ENHANCED_CODE: Record<string, string> = {
  '5.1.2': NO_MAIL_DOMAIN,
  '5.1.10': NO_MAIL_DOMAIN,
  '5.2.2': "the recipient's mailbox is full",
  '5.2.3': "the message is too big for the recipient's server: send it without the PDF (email_attach_pdf: false)",
  '5.3.4': "the message is too big for the recipient's server: send it without the PDF (email_attach_pdf: false)",
  '5.7.23': "the recipient's server does not trust mail from your domain (SPF, DKIM or DMARC): ask whoever runs your domain's email settings",
  '5.7.25': "the recipient's server does not trust mail from your sending server (it has no reverse DNS name): ask your email provider",
  '5.7.26': "the recipient's server does not trust mail from your domain (SPF, DKIM or DMARC): ask whoever runs your domain's email settings",
  '5.7.27': "the recipient's server does not trust mail from your domain (SPF, DKIM or DMARC): ask whoever runs your domain's email settings",
  '5.7.8': LOGIN,
};

const BY_REPLY_CODE: Record<number, string> = {
  521: NO_MAIL_DOMAIN,
  530: LOGIN,
  534: LOGIN,
  535: LOGIN,
  538: LOGIN,
  541: SPAM,
  550: `the mailbox does not exist or refuses mail from you: ${CHECK_ADDRESS}`,
  551: `the recipient is not at this server (the address may have changed): ${CHECK_ADDRESS}`,
  552: "the recipient's mailbox is full",
  553: `the server does not accept this address: ${CHECK_ADDRESS}`,
  554: SPAM,
  556: NO_MAIL_DOMAIN,
};

/** Plain words for a permanent refusal; undefined for anything else (a temporary failure, a network error). */
export function explainRefusal(error: unknown): string | undefined {
  if (!isPermanent(error)) return undefined;
  const response = responseOf(error);
  // "Relay access denied": the sending server itself will not carry mail to other domains.
  if (/\brelay/i.test(response)) return LOGIN;
  const enhanced = /\b5\.\d{1,3}\.\d{1,3}\b/.exec(response)?.[0];
  return (enhanced && BY_ENHANCED_CODE[enhanced]) ?? BY_REPLY_CODE[replyCode(error)!] ?? 'the server refused the message for good';
}

function replyCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | undefined)?.responseCode;
  return typeof code === 'number' ? code : undefined;
}

function responseOf(error: unknown): string {
  const response = (error as { response?: unknown } | undefined)?.response;
  return typeof response === 'string' ? response : '';
}
