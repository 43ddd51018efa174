/** The proof page of one statement, and the error panel shown on every previewed page. Pure. */
import type { Diagnostic } from '../report/diagnostic.ts';
import { formatDiagnostic } from '../report/diagnostic.ts';
import { escapeXml } from '../util/xml-text.ts';

/** Errors first; nothing at all when there are none. */
export function errorPanel(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return '';
  const items = errors.map((d) => `<li><code>${escapeXml(formatDiagnostic(d))}</code></li>`).join('');
  return `<div id="clarion-errors" role="alert" style="position:sticky;top:0;z-index:2147483647;margin:0;padding:12px 16px;background:#fde8e8;color:#5c0000;border-bottom:3px solid #b00020;font:14px/1.4 system-ui,sans-serif"><strong>${errors.length} error${errors.length === 1 ? '' : 's'}: the outputs below are the last good ones</strong><ul style="margin:6px 0 0;padding-inline-start:20px">${items}</ul></div>`;
}

export interface ProofInputs {
  /** The statement's output folder: its slug, or `<slug>/<lang>`. */
  folder: string;
  slug: string;
  title: string;
  text?: string;
  hasPdf: boolean;
  /** e.g. "1,234 of 2,000 words (hrc-written-statement, general status)", for UN submissions. */
  wordCount?: string;
  /** What the page says it is: a draft, or a proof over the word limit ("Over the word limit: not for submission"). */
  notice?: string;
}

export function proofPage(inputs: ProofInputs): string {
  const { slug, folder } = inputs;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Proof: ${escapeXml(inputs.title)}</title>
<style>
body { margin: 0; font: 15px/1.4 system-ui, sans-serif; background: #eee; }
header { padding: 8px 16px; background: #1f4e79; color: #fff; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
header h1 { font-size: 16px; margin: 0; }
header a { color: #fff; }
.panes { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 8px; padding: 8px; }
section { background: #fff; display: flex; flex-direction: column; min-block-size: 80vh; }
section h2 { font-size: 13px; margin: 0; padding: 6px 10px; background: #ddd; text-transform: uppercase; letter-spacing: .05em; }
iframe, embed { border: 0; inline-size: 100%; flex: 1; }
section { container-type: inline-size; }
/* The text release is 72 columns wide: small enough to show each line as it breaks in an email. */
pre { margin: 0; padding: 10px; overflow: auto; flex: 1; font: clamp(9px, calc((100cqi - 20px) / 44), 13px)/1.35 ui-monospace, monospace; white-space: pre; }
</style>
</head>
<body>
<header aria-label="Proof"><h1>${escapeXml(inputs.title)}</h1>${inputs.notice ? `<strong id="notice">${escapeXml(inputs.notice)}</strong>` : ''}${inputs.wordCount ? `<span id="word-count">${escapeXml(inputs.wordCount)}</span>` : ''}<a href="/__clarion/">All proofs</a></header>
<main class="panes" aria-label="Outputs">
<section><h2>Web page</h2><iframe title="Web page" src="/${folder}/index.html"></iframe></section>
${inputs.hasPdf ? `<section><h2>PDF</h2><embed title="PDF" type="application/pdf" src="/${folder}/${slug}.pdf"></section>` : ''}
${inputs.text !== undefined ? `<section><h2>Plain text</h2><pre id="plain-text">${escapeXml(inputs.text)}</pre></section>` : ''}
</main>
</body>
</html>
`;
}

export function proofIndex(statements: readonly { folder: string; title: string; file: string }[]): string {
  const items = statements.map((s) => `<li><a href="/__clarion/proof/${s.folder.split('/').map(encodeURIComponent).join('/')}/">${escapeXml(s.title)}</a> <small>${escapeXml(s.file)}</small></li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Proofs</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:48rem;padding:0 1rem}</style></head>
<body><main><h1>Proofs</h1><p><a href="/index.html">Newsroom index</a></p><ul>
${items}
</ul></main></body></html>
`;
}
