/**
 * `clarion send <statement> --to <list> [--yes] [--skip-bad] [--rate N] [--out dist]`: emails the
 * release that `clarion build` wrote (`<out>/<slug>/<slug>.txt` and `<out>/<slug>/email.html`,
 * and the PDF when the organisation sets `email_attach_pdf`) to every address of a press list,
 * one message per recipient, except those the list marks as unsubscribed. A dry run unless --yes.
 * The SMTP server comes from CLARION_SMTP_URL only.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import type { Io } from '../cli/io.ts';
import type { CliOptions } from '../cli/options.ts';
import { emailSafeHtml } from '../formats/eml/email-html.ts';
import { emailSubject } from '../formats/eml/email-subject.ts';
import type { EmlAttachment } from '../formats/eml/compose-eml.ts';
import { messageId, messageIdDomain } from '../formats/eml/message-id.ts';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../report/diagnostic.ts';
import { loadStatements, ORGANIZATION_FILE, type LoadedStatements } from '../sources/load-statements.ts';
import type { Organization } from '../sources/schema.ts';
import type { Statement } from '../sources/statement.ts';
import { GITIGNORE, ignoreSendState, SEND_STATE_DIR } from './ignore-send-state.ts';
import type { Recipient } from './read-recipients.ts';
import { readPressList } from './read-press-list.ts';
import { failureLine, outcomeLine, plural, unsubscribedLine, unsubscribedSummary } from './send-report.ts';
import { readSendLog, SendLockedError, sendLogPath } from './send-log.ts';
import { sendRelease, type Release, type SendOutcome, type SendTransport } from './send-release.ts';

export const SMTP_URL_VARIABLE = 'CLARION_SMTP_URL';

/** What tests replace; the command line uses the defaults. */
export interface SendHooks {
  env?: Record<string, string | undefined>;
  createTransport?: (url: string) => SendTransport;
  attempts?: number;
  backoffMs?: number;
  /** Ctrl-C: stop after the message being sent, with the log up to date. */
  signal?: AbortSignal;
}

type Fail = (diagnostics: Diagnostic[], why?: string) => number;

export type SendCommandOptions = Pick<CliOptions, 'paths' | 'to' | 'yes' | 'rate' | 'out' | 'correction'> & {
  /** Skip the rows of the list that cannot be sent to, instead of sending nothing. */
  skipBad?: boolean;
};

export async function sendCommand(io: Io, options: SendCommandOptions, hooks: SendHooks = {}): Promise<number> {
  const root = io.cwd;
  const env = hooks.env ?? process.env;
  const fail: Fail = (diagnostics, why) => {
    io.stderr(sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n') + `\nNothing was sent${why ? `: ${why}` : '.'}\n`);
    return 1;
  };
  // The press list, then the statement and the release as built: every problem before anything is sent.
  const list = await readPressList(io, root, options.to!, options.skipBad ?? false);
  if ('diagnostics' in list) return fail(list.diagnostics, list.why);
  const prepared = await prepareRelease(io, root, options);
  if ('diagnostics' in prepared) return fail(prepared.diagnostics);
  const { statement } = prepared;
  let release = prepared.release;
  let recipients = list.recipients;
  let logFile = sendLogPath(root, statement.slug);
  if (options.correction) {
    // The corrected release goes to those of the list who got the release, under a log of its own.
    const correction = await asCorrection(prepared, logFile, recipients);
    if ('diagnostics' in correction) return fail(correction.diagnostics);
    ({ release, recipients, logFile } = { ...correction, logFile: sendLogPath(root, correction.logName) });
  }
  const logShown = path.relative(root, logFile).split(path.sep).join('/');
  io.stdout(`From: ${release.from.name} <${release.from.address}>\nSubject: ${release.subject}\n`);
  for (const r of list.unsubscribed) io.stdout(unsubscribedLine(r, options.to!) + '\n');
  const unsubscribed = unsubscribedSummary(list.unsubscribed.length);
  const progress = (o: SendOutcome) => io.stdout(outcomeLine(o) + '\n');
  if (!options.yes) {
    // A dry run: who would get what.
    const result = await sendRelease(release, { recipients, logFile, send: false, progress });
    const n = result.counts['would-send'];
    let summary = `Dry run: ${plural(n, 'message')} would be sent`;
    if (result.counts.skipped) summary += `; ${plural(result.counts.skipped, 'recipient')} already had it (${logShown})`;
    summary += `${unsubscribed}. Nothing was sent: add --yes to send.`;
    if (!env[SMTP_URL_VARIABLE]) summary += ` Set ${SMTP_URL_VARIABLE} first (e.g. smtp://user:password@smtp.example.org:587).`;
    io.stdout(summary + '\n');
    return 0;
  }
  return sendForReal(io, { root, release, recipients, logFile, logShown, progress, unsubscribed, rate: options.rate, env, hooks });
}

/** The statement, its organisation's sender address, and the release as `clarion build` wrote it. */
async function prepareRelease(io: Io, root: string, options: Pick<CliOptions, 'paths' | 'out'>): Promise<{ release: Release; statement: Statement } | { diagnostics: Diagnostic[] }> {
  const found = await findStatement(root, options.paths[0]!);
  if ('diagnostics' in found) return found;
  const { statement, organization } = found;
  if (statement.draft) {
    return { diagnostics: [{ file: statement.file, line: 1, column: 1, severity: 'error', rule: 'draft', field: 'status', message: 'the statement is a draft, and drafts are never sent', hint: 'write "status: published" (or remove the status line), run clarion build, then send it' }] };
  }
  const from = fromAddress(organization);
  if ('message' in from) return { diagnostics: [from] };
  const outDir = path.resolve(root, options.out);
  const shown = (name: string) => `${options.out}/${statement.slug}/${name}`;
  const missing: Diagnostic[] = [];
  const readBuilt = async (name: string, how: string) => {
    try {
      return await readFile(path.join(outDir, statement.slug, name));
    } catch {
      missing.push({ file: shown(name), line: 1, column: 1, severity: 'error', rule: 'not-built', message: 'the built release is missing', hint: `run "clarion build${how}" first` });
      return undefined;
    }
  };
  const text = await readBuilt(`${statement.slug}.txt`, '');
  const html = await readBuilt('email.html', '');
  const pdf = organization.email_attach_pdf ? await readBuilt(`${statement.slug}.pdf`, ' --formats html,text,pdf') : undefined;
  if (missing.length || !text || !html) return { diagnostics: missing };
  for (const warning of await staleBuild(root, statement.file, path.join(outDir, statement.slug, `${statement.slug}.txt`))) io.stderr(formatDiagnostic(warning) + '\n');
  const unsubscribe = organization.unsubscribe_email ?? from.address;
  const canonical = organization.website ? new URL(`${statement.slug}/`, organization.website.endsWith('/') ? organization.website : `${organization.website}/`).href : undefined;
  const release: Release = {
    slug: statement.slug,
    subject: emailSubject(statement, organization),
    messageIdBase: messageId(statement.slug, statement.date.date, messageIdDomain(organization.website, from.address)),
    text: new TextDecoder().decode(text),
    html: emailSafeHtml(new TextDecoder().decode(html), canonical ? { baseUrl: canonical } : {}),
    from,
    lang: statement.lang,
    unsubscribe,
    ...(pdf ? { attachments: [{ filename: `${statement.slug}.pdf`, content: new Uint8Array(pdf), contentType: 'application/pdf' } satisfies EmlAttachment] } : {}),
  };
  return { release, statement };
}

interface Sending {
  root: string;
  release: Release;
  recipients: Recipient[];
  logFile: string;
  logShown: string;
  progress: (o: SendOutcome) => void;
  /** For the summary: see unsubscribedSummary. */
  unsubscribed: string;
  rate: number | undefined;
  env: NodeJS.ProcessEnv;
  hooks: SendHooks;
}

async function sendForReal(io: Io, job: Sending): Promise<number> {
  const { hooks } = job;
  const url = job.env[SMTP_URL_VARIABLE];
  const server = url ? smtpServer(url) : undefined;
  if (!url || !server) {
    io.stderr(`clarion: ${url ? `${SMTP_URL_VARIABLE} is not an smtp:// or smtps:// URL` : `${SMTP_URL_VARIABLE} is not set`} — set it to your SMTP server, e.g. ${SMTP_URL_VARIABLE}=smtp://user:password@smtp.example.org:587\nNothing was sent.\n`);
    return 1;
  }
  io.stdout(`Sending through ${server}, ${job.rate ?? 60} messages a minute at most\n`);
  await keepSendStateOutOfGit(io, job.root);
  const transport = (hooks.createTransport ?? ((u: string) => createTransport(u) as unknown as SendTransport))(url);
  const onInterrupt = () => io.stderr('Stopping after the message being sent (press Ctrl-C again to stop at once)…\n');
  hooks.signal?.addEventListener('abort', onInterrupt, { once: true });
  let result;
  try {
    result = await sendRelease(job.release, {
      recipients: job.recipients,
      logFile: job.logFile,
      send: true,
      transport,
      ...(job.rate ? { rate: job.rate } : {}),
      ...(hooks.attempts ? { attempts: hooks.attempts } : {}),
      ...(hooks.backoffMs !== undefined ? { backoffMs: hooks.backoffMs } : {}),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      progress: job.progress,
    });
  } catch (error) {
    if (!(error instanceof SendLockedError)) throw error;
    io.stderr(`clarion: ${error.message}\nNothing was sent.\n`);
    return 1;
  } finally {
    hooks.signal?.removeEventListener('abort', onInterrupt);
    transport.close?.();
  }
  const { sent, failed, skipped } = result.counts;
  let summary = `Sent ${plural(sent, 'message')}`;
  if (skipped) summary += ` (${plural(skipped, 'recipient')} already had it)`;
  if (failed) summary += `; ${failed} failed`;
  if (result.aborted) summary += `; stopped before ${plural(job.recipients.length - result.outcomes.length, 'recipient')}`;
  summary += `${job.unsubscribed}. Log: ${job.logShown}`;
  io.stdout(summary + '\n');
  const failures = result.outcomes.filter((o) => o.status === 'failed');
  if (failures.length) {
    io.stderr(`Not sent (run the same command again to retry them):\n${failures.map((o) => `  ${failureLine(o)}`).join('\n')}\n`);
  }
  return failures.length || result.aborted ? 1 : 0;
}

/**
 * The first time a log is written (no `.clarion/` yet), `.clarion/` goes into .gitignore: the
 * logs hold the press list. A .gitignore that cannot be written is a warning, not a reason to stop.
 */
async function keepSendStateOutOfGit(io: Io, root: string): Promise<void> {
  if (existsSync(path.join(root, SEND_STATE_DIR))) return;
  try {
    const done = await ignoreSendState(root);
    if (done !== 'present') io.stdout(`${done === 'created' ? 'Created' : 'Updated'} ${GITIGNORE}: ${SEND_STATE_DIR}/ holds the send logs, with the press list, and stays out of git\n`);
  } catch (error) {
    io.stderr(`${GITIGNORE}:1:1 warning cannot add ${SEND_STATE_DIR}/ (${(error as Error).message}) — add the line ${SEND_STATE_DIR}/ yourself: the send logs hold the press list\n`);
  }
}

/**
 * The corrected release: its subject marked, its own Message-IDs (a mail client shows it as a new
 * message), for the recipients the release's log shows it was sent to.
 */
async function asCorrection(prepared: { release: Release; statement: Statement }, releaseLog: string, recipients: Recipient[]): Promise<{ release: Release; recipients: Recipient[]; logName: string } | { diagnostics: Diagnostic[] }> {
  const { release, statement } = prepared;
  const latest = statement.corrections.at(-1);
  if (!latest) {
    return { diagnostics: [{ file: statement.file, line: 1, column: 1, severity: 'error', rule: 'no-correction', field: 'corrections', message: 'the statement has no correction to send', hint: 'add the correction to the front matter, e.g. corrections: [{date: 2023-11-28, note: "The date of the attack was 24 November."}], then run clarion build' }] };
  }
  const sent = await readSendLog(releaseLog);
  const day = latest.date.date.replace(/-/g, '');
  const domain = release.messageIdBase.slice(release.messageIdBase.lastIndexOf('@') + 1, -1);
  return {
    release: { ...release, subject: `CORRECTION: ${release.subject}`, messageIdBase: messageId(`${statement.slug}-correction-${day}`, statement.date.date, domain) },
    recipients: recipients.filter((r) => sent.get(r.address.toLowerCase())?.result === 'sent'),
    logName: `${statement.slug}.correction-${latest.date.date}`,
  };
}

type Found = { statement: Statement; organization: Organization } | { diagnostics: Diagnostic[] };

/** `<statement>` is a source path or a slug. */
async function findStatement(root: string, given: string): Promise<Found> {
  const asPath = /[\\/]|\.(md|markdown)$/i.test(given) || (existsSync(path.resolve(root, given)) && statSync(path.resolve(root, given)).isFile());
  const loaded: LoadedStatements = await loadStatements(root, asPath ? [given] : undefined);
  const statement = asPath ? loaded.statements[0] : loaded.statements.find((s) => s.slug === given);
  const file = statement?.file ?? (asPath ? loaded.files[0] : loaded.files.find((f) => path.basename(f).replace(/\.[^.]+$/, '') === given));
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error' && (d.file === file || d.file === ORGANIZATION_FILE));
  if (errors.length) return { diagnostics: errors };
  if (!statement || !loaded.organization) {
    return { diagnostics: [{ file: given, line: 1, column: 1, severity: 'error', rule: 'unknown-statement', message: `no statement has the slug or path "${given}"`, hint: 'give the path of the statement (e.g. statements/forty-mosques.md) or its slug' }] };
  }
  return { statement, organization: loaded.organization };
}

/** The organisation's press address, else the first contact with an email. */
function fromAddress(organization: Organization): { name: string; address: string } | Diagnostic {
  const address = organization.press_email ?? organization.contacts.find((c) => c.email)?.email;
  if (address) return { name: organization.name, address };
  return {
    file: ORGANIZATION_FILE, line: 1, column: 1, severity: 'error', rule: 'no-press-email', field: 'press_email',
    message: 'there is no address to send the release from',
    hint: 'add a line "press_email: press@your-domain.org" to the organisation profile (or an email to one of its contacts)',
  };
}

/** A warning when the statement changed after its release was built. */
async function staleBuild(root: string, source: string, built: string): Promise<Diagnostic[]> {
  const [s, o, b] = await Promise.all([stat(path.join(root, source)), stat(path.join(root, ORGANIZATION_FILE)), stat(built)]);
  if (Math.max(s.mtimeMs, o.mtimeMs) <= b.mtimeMs) return [];
  const changed = s.mtimeMs > b.mtimeMs ? source : ORGANIZATION_FILE;
  return [{ file: changed, line: 1, column: 1, severity: 'warning', rule: 'stale-build', message: 'changed after the release was built', hint: 'run "clarion build" first, or the release as last built is sent' }];
}

/** host:port of the SMTP URL, never its user name or password. */
function smtpServer(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') return undefined;
    return u.port ? `${u.hostname}:${u.port}` : u.hostname;
  } catch {
    return undefined;
  }
}
