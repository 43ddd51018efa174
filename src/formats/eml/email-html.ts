/**
 * HTML that mail clients show as written and that loads nothing: the stylesheet in <style> is
 * inlined into style attributes (juice; only media queries stay in a <style>), and everything
 * that would fetch or run something is removed: scripts, <link>, frames, media, <base>, event
 * handlers, images other than data: and cid: ones (their alt text stays), url()s in CSS other
 * than data: and cid: ones, @import and web fonts. Links stay: absolute http(s), mailto: and
 * tel: links as they are, #fragments too, relative ones resolved against `baseUrl` (without
 * one, a relative link cannot work in an email, so its text stays and the link goes).
 *
 * Pure and idempotent: emailSafeHtml(emailSafeHtml(x)) === emailSafeHtml(x).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import juice from 'juice';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

export interface EmailHtmlOptions {
  /** Absolute URL that relative links are resolved against, e.g. the page's canonical URL. */
  baseUrl?: string;
}

/** Elements that load, embed or run something; removed with their content. */
const REMOVED = new Set(['script', 'link', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'video', 'audio', 'source', 'track', 'noscript', 'template', 'portal', 'param']);

/** Properties (hast names) whose value is fetched by a client. `href` counts except on links. */
const RESOURCE_PROPERTIES = ['src', 'srcSet', 'href', 'xLinkHref', 'background', 'poster', 'data', 'action', 'formAction', 'lowsrc', 'dynsrc', 'longDesc', 'codeBase', 'archive', 'manifest', 'ping', 'icon', 'profile', 'imageSizes', 'imageSrcSet'];

const processor = unified().use(rehypeParse).use(rehypeStringify).freeze();

export function emailSafeHtml(html: string, options: EmailHtmlOptions = {}): string {
  const inlined = juice(html, {
    applyStyleTags: true,
    removeStyleTags: true,
    preserveMediaQueries: true,
    preserveFontFaces: false,
    preserveKeyFrames: false,
    preserveImportant: false,
    applyWidthAttributes: true,
    applyHeightAttributes: false,
    applyAttributesTableElements: true,
    resolveCSSVariables: true,
    insertPreservedExtraCss: true,
  });
  const tree = processor.parse(inlined) as Root;
  cleanChildren(tree, options);
  return processor.stringify(tree);
}

function cleanChildren(parent: Root | Element, options: EmailHtmlOptions): void {
  const kept: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type === 'comment') continue; // conditional comments can load things too
    if (child.type !== 'element') {
      kept.push(child);
      continue;
    }
    kept.push(...cleanElement(child, options));
  }
  parent.children = kept as typeof parent.children;
}

function cleanElement(element: Element, options: EmailHtmlOptions): ElementContent[] {
  const name = element.tagName.toLowerCase();
  if (REMOVED.has(name)) return [];
  const props = element.properties;
  if (name === 'meta' && props.httpEquiv !== undefined && String(props.httpEquiv).toLowerCase() !== 'content-type') return [];
  if (name === 'img') {
    if (!isEmbedded(props.src)) {
      const alt = typeof props.alt === 'string' ? props.alt.trim() : '';
      return alt ? [{ type: 'text', value: `[Image: ${alt}]` }] : [];
    }
    delete props.srcSet;
  }
  for (const key of Object.keys(props)) {
    if (/^on/i.test(key)) delete props[key];
  }
  const isLink = name === 'a' || name === 'area';
  if (isLink && props.href !== undefined) {
    const href = safeHref(String(props.href), options.baseUrl);
    if (href === undefined) {
      cleanChildren(element, options);
      return element.children;
    }
    props.href = href;
  }
  for (const key of RESOURCE_PROPERTIES) {
    if (key === 'href' && isLink) continue;
    if (key === 'src' && name === 'img') continue;
    if (props[key] !== undefined && !isEmbedded(props[key])) delete props[key];
  }
  delete props.ping;
  if (typeof props.style === 'string') {
    const style = safeCss(props.style).trim();
    if (style) props.style = style;
    else delete props.style;
  }
  if (name === 'style') {
    const css = safeCss(element.children.map((c) => (c.type === 'text' ? c.value : '')).join('')).trim();
    if (!css) return [];
    element.children = [{ type: 'text', value: `\n${css}\n` }];
    return [element];
  }
  cleanChildren(element, options);
  return [element];
}

function isEmbedded(value: unknown): boolean {
  const text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
  return /^\s*(data|cid):/i.test(text);
}

function safeHref(href: string, baseUrl: string | undefined): string | undefined {
  const value = href.trim();
  if (value.startsWith('#')) return value;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme) return ['http', 'https', 'mailto', 'tel'].includes(scheme) ? value : undefined;
  if (!baseUrl) return undefined;
  try {
    const absolute = new URL(value, baseUrl);
    return absolute.protocol === 'http:' || absolute.protocol === 'https:' ? absolute.href : undefined;
  } catch {
    return undefined;
  }
}

const URL_FUNCTION = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)]*?))\s*\)/gi;
const IMAGE_SET = /(?:-webkit-)?image-set\((?:[^()]|\([^()]*\))*\)/gi;
const QUOTED = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;

function imageSetIsEmbedded(call: string): boolean {
  const urls = [...call.matchAll(URL_FUNCTION)].map((m) => m[1] ?? m[2] ?? m[3]);
  const strings = [...call.replace(URL_FUNCTION, '').matchAll(QUOTED)].map((m) => m[1] ?? m[2]);
  return [...urls, ...strings].every(isEmbedded);
}

/** CSS (a stylesheet or a style attribute) with every reference to an outside resource taken out. */
export function safeCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@import\b[^;]*;?/gi, '')
    .replace(/@font-face\s*\{[^}]*\}/gi, '')
    .replace(IMAGE_SET, (call) => (imageSetIsEmbedded(call) ? call : 'none'))
    .replace(URL_FUNCTION, (call, a?: string, b?: string, c?: string) => (isEmbedded(a ?? b ?? c) ? call : 'none'))
    .replace(/expression\s*\(/gi, 'removed(')
    .replace(/(^|[\s;{])(behavior|-moz-binding)\s*:/gi, '$1removed-$2:');
}
