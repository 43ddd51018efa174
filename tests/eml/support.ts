/**
 * For the email tests: a real SMTP server on 127.0.0.1 (smtp-server, no TLS, no auth) that keeps
 * every message it accepts, and a project whose release is "built" (the .txt and email.html the
 * build writes next to each other), rendered by the real templates.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { emailSafeHtml } from '../../src/formats/eml/email-html.ts';
import { renderViews } from '../../src/formats/views.ts';
import { loadStatements, ORGANIZATION_FILE, TEMPLATES_DIR } from '../../src/sources/load-statements.ts';
import type { Organization } from '../../src/sources/schema.ts';
import type { Statement } from '../../src/sources/statement.ts';
import { loadTemplateSet } from '../../src/project/load-template-set.ts';
import { loadStrings } from '../../src/project/locales.ts';

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface TestSmtp {
  url: string;
  port: number;
  messages: Received[];
  /** Messages accepted per envelope recipient (lower-cased). */
  countFor(address: string): number;
  /** Connections the server has not closed yet. */
  openConnections(): number;
  close(): Promise<void>;
}

/** An SMTP answer a test makes the server give, e.g. { code: 552, message: '5.2.2 Mailbox full' }. */
export interface Refusal {
  code: number;
  message: string;
}

export interface SmtpOptions {
  /** Refuse these recipients with 550 5.1.1. */
  reject?: (address: string) => boolean;
  /** Refuse a recipient (RCPT TO) with the given answer. */
  refuse?: (address: string) => Refusal | undefined;
  /** Refuse the message itself (after DATA) with the given answer. */
  refuseData?: (to: string[]) => Refusal | undefined;
  onMailFrom?: (transactions: number) => Error | void;
}

const refusal = (r: Refusal) => Object.assign(new Error(r.message), { responseCode: r.code });

export async function startSmtp(options: SmtpOptions = {}): Promise<TestSmtp> {
  const messages: Received[] = [];
  let transactions = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    hideSTARTTLS: true,
    logger: false,
    onMailFrom(_address, _session, callback) {
      transactions++;
      callback(options.onMailFrom?.(transactions) ?? null);
    },
    onRcptTo(address, _session, callback) {
      if (options.reject?.(address.address)) return callback(refusal({ code: 550, message: '5.1.1 Mailbox unavailable' }));
      const refused = options.refuse?.(address.address);
      callback(refused ? refusal(refused) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const refused = options.refuseData?.(to);
        if (refused) return callback(refusal(refused));
        const from = session.envelope.mailFrom;
        messages.push({ from: from ? from.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  // A client that dies mid-session (the SIGKILL test) resets its connection: expected, not a failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    countFor: (address) => messages.filter((m) => m.to.some((t) => t.toLowerCase() === address.toLowerCase())).length,
    openConnections: () => (server as unknown as { connections: Set<unknown> }).connections.size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface RenderedRelease {
  statement: Statement;
  organization: Organization;
  text: string;
  /** email.hbs after emailSafeHtml, as the build writes it to email.html. */
  html: string;
}

/** The text release and the email HTML of one statement, rendered with the project's own templates. */
export async function renderRelease(root: string, file?: string): Promise<RenderedRelease> {
  const loaded = await loadStatements(root, file ? [file] : undefined);
  const statement = loaded.statements[0];
  const organization = loaded.organization;
  if (!statement || !organization) throw new Error(`cannot load the statement: ${JSON.stringify(loaded.diagnostics)}`);
  const templatesDir = path.join(root, TEMPLATES_DIR);
  const kind = loadTemplateSet(root, templatesDir, statement.kind);
  const { strings } = loadStrings(path.join(templatesDir, 'locales'), statement.lang);
  const canonicalUrl = organization.website ? new URL(`${statement.slug}/`, organization.website).href : undefined;
  const common = { statement, organization, organizationFile: ORGANIZATION_FILE, strings, formats: [], assets: {}, generator: 'Clarion test', ...(canonicalUrl ? { canonicalUrl } : {}) };
  const text = renderViews({ ...common, templates: kind, want: new Set(['text']) }).views.text!;
  // The same view model as the web page: render email.hbs in the place of page.hbs.
  const email = renderViews({ ...common, templates: kind, want: new Set(['email']) }).views.email!;
  return { statement, organization, text, html: emailSafeHtml(email, canonicalUrl ? { baseUrl: canonicalUrl } : {}) };
}

/** Writes what `clarion build` writes for sending: dist/<slug>/<slug>.txt and dist/<slug>/email.html. */
export async function writeBuiltRelease(root: string, file?: string, out = 'dist'): Promise<RenderedRelease> {
  const release = await renderRelease(root, file);
  const dir = path.join(root, out, release.statement.slug);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${release.statement.slug}.txt`), release.text);
  await writeFile(path.join(dir, 'email.html'), release.html);
  return release;
}

/** Every line of a message, split on CRLF; a bare LF or CR would be left inside a line. */
export function rawLines(raw: Uint8Array): string[] {
  return Buffer.from(raw).toString('latin1').split('\r\n');
}
