/** The `submission` block of a UN submission's front matter. */
import { z } from 'zod';

const text = z.string();
const consultativeStatus = z.enum(['general', 'special', 'roster']);

export const submissionSchema = z
  .strictObject({
    profile: text.min(1).describe('A profile of templates/un-submission/profiles.yaml, e.g. hrc-written-statement'),
    body: text.min(1).optional().describe('The UN body, e.g. Human Rights Council'),
    session: z.union([z.int().min(1), text.min(1)]).optional().describe('Session number, e.g. 55'),
    agenda_item: z.int().min(1).max(10).optional().describe('Agenda item (1-10)'),
    country: text.min(1).optional().describe('The country under review (UPR, treaty bodies)'),
    status: consultativeStatus.describe("The submitting organisation's ECOSOC consultative status"),
    submitters: z.array(z.strictObject({ name: text.min(1), status: consultativeStatus })).optional().describe('Co-submitting organisations with their status'),
    supporters: z.array(text.min(1)).optional().describe('Organisations without status that share the views (named in a footnote to the title)'),
  })
  .describe('For kind un-submission: the UN document this statement is');

export type SubmissionFields = z.infer<typeof submissionSchema>;
