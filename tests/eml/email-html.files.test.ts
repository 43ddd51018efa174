import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailSafeHtml, safeCss } from '../../src/formats/eml/email-html.ts';
import { loadTemplateSet } from '../../src/project/load-template-set.ts';
import { makeProject, repoRoot, statement } from '../support/project.ts';
import { renderRelease, type RenderedRelease } from './support.ts';

const parseHtml = (html: string) => unified().use(rehypeParse).parse(html) as Root;

/** Every place an HTML document could load something from: what the tests require to be empty. */
function externalResources(html: string): string[] {
  const tree = parseHtml(html);
  const found: string[] = [];
  const external = (v: unknown) => !/^\s*(data|cid):/i.test(String(v));
  for (const el of selectAll('*', tree) as Element[]) {
    const p = el.properties;
    if (['script', 'link', 'iframe', 'object', 'embed', 'video', 'audio', 'source', 'base'].includes(el.tagName)) found.push(`<${el.tagName}>`);
    for (const key of ['src', 'srcSet', 'background', 'poster', 'xLinkHref', 'data', 'action']) {
      if (p[key] !== undefined && external(p[key])) found.push(`${el.tagName}[${key}=${String(p[key])}]`);
    }
    if (p.href !== undefined && el.tagName !== 'a' && el.tagName !== 'area') found.push(`${el.tagName}[href=${String(p.href)}]`);
    if (Object.keys(p).some((k) => /^on/i.test(k))) found.push(`${el.tagName}[on...]`);
    const css = el.tagName === 'style' ? toText(el) : typeof p.style === 'string' ? p.style : '';
    for (const m of css.matchAll(/url\(\s*["']?([^"')]*)/gi)) if (external(m[1])) found.push(`url(${m[1]})`);
    if (/@import|@font-face|expression\(/i.test(css)) found.push(css);
  }
  return found;
}

const HOSTILE = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=https://evil.example/">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://cdn.example/style.css">
<link rel="preload" href="/font.woff2" as="font">
<style>
  @import url("https://cdn.example/more.css");
  @import 'other.css';
  @font-face { font-family: X; src: url(https://fonts.example/x.woff2) format('woff2'); }
  .lead { color: #c00; font-weight: bold; }
  .hero { background: #eee url('https://img.example/bg.png') no-repeat; }
  .set { background-image: image-set("https://img.example/a.png" 1x, url(https://img.example/b.png) 2x); }
  .local { background-image: url(data:image/png;base64,iVBORw0KGgo=); }
  @media (max-width: 600px) { .lead { font-size: 14px; } .hero { background-image: url(//img.example/m.png); } }
</style>
<script>alert(1)</script>
<script type="application/ld+json">{"@type":"NewsArticle"}</script>
</head>
<body onload="alert(1)">
<p class="lead">Lead <a href="https://example.org/a" onclick="steal()">absolute</a>,
<a href="../other/">relative</a>, <a href="#fn1">fragment</a>, <a href="mailto:press@example.org">mail</a>,
<a href="javascript:alert(1)">script link</a>, <a href="tel:+442079460000">phone</a>.</p>
<div class="hero" style="background-image: url(https://track.example/pixel.gif); color: #333; behavior: url(x.htc)">Hero</div>
<p class="set">Set</p><p class="local">Local</p>
<img src="https://track.example/pixel.gif" alt="">
<img src="/media/chart.png" alt="A chart of attacks" srcset="/media/chart-2x.png 2x">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">
<img src="cid:logo@example.org" alt="logo">
<picture><source srcset="https://img.example/p.webp"><img src="https://img.example/p.jpg" alt="Picture"></picture>
<iframe src="https://video.example/embed"></iframe>
<video src="https://video.example/v.mp4" poster="https://video.example/p.jpg"></video>
<svg width="10" height="10"><image href="https://img.example/s.png" xlink:href="https://img.example/s.png"/></svg>
<table background="https://img.example/t.png"><tr><td background="https://img.example/td.png">cell</td></tr></table>
<form action="https://evil.example/post"><input type="image" src="https://img.example/btn.png"></form>
<!--[if mso]><v:image src="https://img.example/outlook.png"/><![endif]-->
<noscript><img src="https://track.example/noscript.gif"></noscript>
</body></html>`;

describe('emailSafeHtml', () => {
  const safe = emailSafeHtml(HOSTILE, { baseUrl: 'https://press.example.org/forty-mosques/' });
  const tree = parseHtml(safe);

  it('leaves nothing that loads from outside or runs', () => {
    expect(externalResources(HOSTILE).length).toBeGreaterThan(20);
    expect(externalResources(safe)).toEqual([]);
    expect(safe).not.toMatch(/<script|<link|<iframe|<base|http-equiv="refresh"|alert\(|<!--/i);
    expect(safe).not.toMatch(/(src|href|srcset|background|poster)=["']?(https?:)?\/\/(img|track|cdn|video|fonts|evil)\./i);
  });

  it('inlines the stylesheet into style attributes, keeping media queries in <style>', () => {
    const lead = select('p.lead', tree) as Element;
    expect(String(lead.properties.style)).toContain('color: #c00');
    expect(String(lead.properties.style)).toContain('font-weight: bold');
    const style = select('style', tree) as Element;
    expect(toText(style)).toContain('@media (max-width: 600px)');
    expect(toText(style)).not.toContain('img.example');
    expect(String((select('p.local', tree) as Element).properties.style)).toContain('url(data:image/png;base64,iVBORw0KGgo=)');
    expect(String((select('div.hero', tree) as Element).properties.style)).toContain('color: #333');
  });

  it('keeps links: absolute, mail, phone and fragments as they are, relative ones resolved, unsafe ones unwrapped', () => {
    const hrefs = (selectAll('a', tree) as Element[]).map((a) => [toText(a), a.properties.href]);
    expect(hrefs).toEqual([
      ['absolute', 'https://example.org/a'],
      ['relative', 'https://press.example.org/other/'],
      ['fragment', '#fn1'],
      ['mail', 'mailto:press@example.org'],
      ['phone', 'tel:+442079460000'],
    ]);
    expect(toText(tree)).toContain('script link');
    const withoutBase = parseHtml(emailSafeHtml(HOSTILE));
    expect((selectAll('a', withoutBase) as Element[]).map((a) => a.properties.href)).toEqual(['https://example.org/a', '#fn1', 'mailto:press@example.org', 'tel:+442079460000']);
  });

  it('keeps data: and cid: images, and the alt text of the others', () => {
    expect((selectAll('img', tree) as Element[]).map((i) => String(i.properties.src))).toEqual(['data:image/png;base64,iVBORw0KGgo=', 'cid:logo@example.org']);
    expect(toText(tree)).toContain('[Image: A chart of attacks]');
    expect(toText(tree)).toContain('[Image: Picture]');
  });

  it('is idempotent', () => {
    expect(emailSafeHtml(safe, { baseUrl: 'https://press.example.org/forty-mosques/' })).toBe(safe);
  });

  it('takes every outside reference out of CSS', () => {
    expect(safeCss('a { background: url("https://x.example/a.png") } b { src: url(//x.example/f.woff) }')).toBe('a { background: none } b { src: none }');
    expect(safeCss('color: red; background: url(\'cid:bg@x\')')).toBe("color: red; background: url('cid:bg@x')");
    expect(safeCss('@import "x.css"; @font-face { src: url(data:font/woff2;base64,AA==) } p { width: expression(alert(1)) }')).not.toMatch(/@import|@font-face|expression\(/);
  });
});

describe('templates/press-release/email.hbs', () => {
  let release: RenderedRelease;
  beforeAll(async () => {
    const dir = await makeProject({
      'statements/forty-mosques.md': statement(
        { title: 'Forty mosques <desecrated> & counting', date: '2023-11-27', location: 'Rabwah, Pakistan', embargo: '2023-11-28T09:00+05:00', notes: ['See [the report](https://example.org/report).'] },
        'The community **denounced** the attack.[^1] ![A chart](chart.png)\n\n> Quoted.\n\n[Relative](../other/) and [absolute](https://example.org/x).\n\n[^1]: A footnote.',
      ),
    });
    release = await renderRelease(dir);
  });

  it('compiles with the other templates of its kind (knownHelpersOnly)', () => {
    const kind = loadTemplateSet(repoRoot, path.join(repoRoot, 'templates'), 'press-release');
    expect(Object.keys(kind.templates)).toContain('email');
  });

  it('renders the statement in one column of at most 600 px, without tables or outside resources', () => {
    const tree = parseHtml(release.html);
    expect(externalResources(release.html)).toEqual([]);
    expect(select('table', tree)).toBeUndefined();
    const column = select('body > div', tree) as Element;
    expect(String(column.properties.style)).toMatch(/max-width: 600px/);
    expect(toText(select('h1', tree)!)).toBe('Forty mosques <desecrated> & counting');
    expect(release.html).toContain('Forty mosques &#x3C;desecrated> &#x26; counting');
    const text = toText(tree);
    expect(text).toContain('EMBARGOED UNTIL 28 November 2023');
    expect(text).toContain('RABWAH, Pakistan — The community denounced the attack.');
    expect(text).toContain('[Image: A chart]');
    expect(text).toContain('Media contacts');
    expect(text).toContain('Notes to editors');
    expect(text).toContain('About Fixture Press Office');
    expect(text).toContain('A footnote.');
    const links = (selectAll('a', tree) as Element[]).map((a) => String(a.properties.href));
    expect(links).toContain('https://example.org/report');
    expect(links).toContain('https://example.org/x');
    expect(links).toContain('https://press.example.org/other/');
    expect(links).toContain('mailto:press@example.org');
    expect(links).toContain('https://press.example.org/forty-mosques/');
    // Styles are inlined: the headline carries its own.
    expect(String((select('h1', tree) as Element).properties.style)).toMatch(/font-size/);
  });
});
