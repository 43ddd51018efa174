import type { Link } from 'mdast';
import type { State } from '../state.js';
import { isPrintableInText, urlScheme } from '../../url-rules.js';
import { oneLine, printableUrl } from '../util.js';

/** `text [n]`, n from the shared sequence, the reference list gets `[n] url`. */
export function link(state: State, node: Link): string {
  return renderLink(state, state.phrasing(node), node.url);
}

/**
 * Shared by links and resolved link references. `content` is the rendered
 * link text (phrasing). Unsafe or relative URLs: text only. Text equal to the
 * URL (or the address of a `mailto:`/number of a `tel:` link, or a `www.`
 * autolink): the URL/address itself, unnumbered. Otherwise `text [n]`.
 */
export function renderLink(state: State, content: string, rawUrl: string): string {
  if (!isPrintableInText(rawUrl)) return content;
  const url = printableUrl(rawUrl);
  const lead = /^[ \n]*/.exec(content)![0];
  const trail = /[ \n]*$/.exec(content.slice(lead.length))![0];
  const label = content.slice(lead.length, content.length - trail.length);
  const inline = inlineForm(url, oneLine(label));
  if (inline !== undefined) return lead + inline + trail;
  return `${lead}${label} [${state.registry.url(url)}]${trail}`;
}

/** The unnumbered inline form when the text adds nothing to the URL, otherwise undefined. */
function inlineForm(url: string, text: string): string | undefined {
  const scheme = urlScheme(url)!;
  const rest = url.slice(url.indexOf(':') + 1);
  if (scheme === 'mailto' || scheme === 'tel') {
    if (text === '' || sameText(text, url) || sameText(text, rest) || sameText(text, safeDecode(rest))) return rest;
    return undefined;
  }
  if (text === '' || sameText(text, url) || sameText(text, safeDecode(url))) return url;
  // GFM `www.` autolink literals: text `www.example.com`, URL `http://www.example.com`.
  if (/^www\./i.test(text) && (sameText(`http://${text}`, url) || sameText(`https://${text}`, url))) return url;
  return undefined;
}

/**
 * Whether link text is the URL. Typography (smart quotes, `--` to en dash,
 * `...` to ellipsis) may have touched the text of an autolink, so a text
 * without spaces also matches when the letters and digits are the same.
 */
function sameText(text: string, url: string): boolean {
  if (text === url) return true;
  if (/\s/.test(text)) return false;
  const letters = (value: string) => value.normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '');
  const reduced = letters(text);
  return reduced !== '' && reduced === letters(url);
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}
