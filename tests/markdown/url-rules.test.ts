import { describe, expect, it } from 'vitest';
import { isAllowedLinkTarget, isPrintableInText, isRelativeUrl, urlScheme } from '../../src/markdown/url-rules.ts';

describe('URL rules', () => {
  it('allow http(s), mailto, tel and relative link targets, and nothing else', () => {
    for (const url of ['https://example.org/', 'HTTP://x', 'mailto:a@b.org', 'tel:+41', 'report.pdf', '#top', '../a', '', ' https://x']) {
      expect(isAllowedLinkTarget(url), url).toBe(true);
    }
    for (const url of ['javascript:alert(1)', 'java\tscript:x', ' javascript:x', 'data:text/html,x', 'file:///etc/passwd', '//evil.example/x']) {
      expect(isAllowedLinkTarget(url), url).toBe(false);
    }
  });

  it('tell a relative URL from an absolute or protocol-relative one', () => {
    expect(['a.png', 'img/a.png', '../a.png', '#x'].map(isRelativeUrl)).toEqual([true, true, true, true]);
    expect(['https://x/a.png', 'data:image/png;base64,', '//x/a.png'].map(isRelativeUrl)).toEqual([false, false, false]);
  });

  it('print in the text release only absolute URLs with a safe scheme', () => {
    expect(['https://example.org/', 'MAILTO:a@b.org', 'tel:+41', ' http://x'].map(isPrintableInText)).toEqual([true, true, true, true]);
    expect(['report.pdf', '#top', 'ftp://x', 'javascript:x'].map(isPrintableInText)).toEqual([false, false, false, false]);
    expect(urlScheme('HTTPS://x')).toBe('https');
    expect(urlScheme('a/b:c')).toBeUndefined();
  });
});
