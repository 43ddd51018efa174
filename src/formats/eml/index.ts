/**
 * The email draft: `<slug>/<slug>.eml`, ready to address and send, and `<slug>/email.html`, its
 * HTML part (what `clarion send` sends). Made for kinds with an email.hbs, when the organisation
 * has an address to send from; the PDF is attached when the organisation asks for it.
 */
import { ORGANIZATION_FILE } from '../../project/paths.ts';
import type { Organization } from '../../sources/schema.ts';
import type { OutputFormat } from '../format.ts';
import { emailSubject } from './email-subject.ts';
import { messageId, messageIdDomain } from './message-id.ts';

export const eml: OutputFormat = {
  name: 'eml',
  description: 'the email draft (.eml) and its HTML part',
  appliesTo: () => true,
  needs: ['text', 'email'],
  after: ['pdf'],
  browser: false,
  files: (s) => [`${s.folder}/email.html`, `${s.folder}/${s.slug}.eml`],
  async render({ statement: s, views, organization, made, pageUrl }) {
    if (views.email === undefined || views.text === undefined) return { outputs: [] };
    const from = fromAddress(organization);
    if (!from) {
      return {
        outputs: [],
        diagnostics: [{ file: ORGANIZATION_FILE, line: 1, column: 1, severity: 'warning', rule: 'no-press-email', field: 'press_email', message: 'there is no address to send releases from, so no email draft (.eml) is made', hint: 'add "press_email: press@your-domain" to the organisation profile' }],
      };
    }
    // The mail writers load only for the statements that need them.
    const [{ emailSafeHtml }, { composeEml }] = await loadWriters();
    const html = emailSafeHtml(views.email, pageUrl ? { baseUrl: pageUrl } : {});
    const pdf = made.get('pdf')?.[0];
    const attachments = organization.email_attach_pdf && pdf ? [{ filename: pdf.path.split('/').pop()!, content: pdf.content as Uint8Array, contentType: 'application/pdf' }] : [];
    const message = await composeEml({
      from: { name: organization.name, address: from },
      subject: emailSubject(s, organization),
      date: s.date.instant,
      messageId: messageId(s.folder.replace('/', '.'), s.date.date, messageIdDomain(organization.website, from)),
      text: views.text,
      html,
      draft: true,
      lang: s.lang,
      ...(attachments.length ? { attachments } : {}),
    });
    return { outputs: [{ path: `${s.folder}/email.html`, content: html }, { path: `${s.folder}/${s.slug}.eml`, content: message }] };
  },
  load: () => loadWriters(),
};

const loadWriters = () => Promise.all([import('./email-html.ts'), import('./compose-eml.ts')]);

/** The organisation's press address, else its first contact's email. */
export function fromAddress(organization: Organization): string | undefined {
  return organization.press_email ?? organization.contacts.find((c) => c.email)?.email;
}
