/**
 * Every statement rendered in memory, in every format but those the browser makes, for what it
 * reports: `check` finds this way every problem a build finds before printing, with the build's
 * own renderer and formats.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { allFormats, formatNames } from '../formats/index.ts';
import { loadProject } from '../project/load-project.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { STATEMENTS_DIR, TEMPLATES_DIR, type LoadedStatements } from '../sources/load-statements.ts';
import { sourceDateEpoch } from '../util/source-date-epoch.ts';
import { createRenderer, madeWhileRendering } from './render-job.ts';

export async function renderingProblems(root: string, loaded: LoadedStatements): Promise<Diagnostic[]> {
  const organization = loaded.organization;
  if (!organization || loaded.statements.length === 0) return [];
  const templatesDir = path.join(root, TEMPLATES_DIR);
  const project = loadProject(root, { kinds: loaded.statements.map((s) => s.kind), newsroom: true, organization });
  project.fontFaces();
  const diagnostics = [...project.diagnostics];
  if (project.broken) return diagnostics;
  const documentDate = sourceDateEpoch();
  const render = createRenderer({ root, templatesDir, statementsDir: realpathSync(path.join(root, STATEMENTS_DIR)), organization, hrefs: {}, formats: formatNames(), strict: false, generator: 'Clarion', ...(documentDate ? { documentDate } : {}) }, project);
  const later = allFormats().filter((f) => !f.browser && !madeWhileRendering(f));
  for (const statement of loaded.statements.filter((s) => project.templates.has(s.kind))) {
    const outcome = await render(statement);
    diagnostics.push(...outcome.diagnostics);
    const job = outcome.job;
    if (!job) continue;
    for (const format of later.filter((f) => f.appliesTo(statement))) {
      const result = await format.render({ statement, views: job.views, organization, made: new Map(job.made), ...(job.pageUrl ? { pageUrl: job.pageUrl } : {}), generator: 'Clarion', documentDate: documentDate ?? statement.date.instant });
      diagnostics.push(...(result.diagnostics ?? []));
    }
  }
  return diagnostics;
}
