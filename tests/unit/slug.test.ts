import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../../src/sources/schema.ts';
import { distinctSlug, fileSlug, slugFor, slugify, textHash } from '../../src/sources/slug.ts';

describe('slugs', () => {
  it('transliterates every script into a readable ASCII slug, the same every time', () => {
    const slugs = {
      'ربوہ میں احمدیوں کی چالیسویں مسجد کی بے حرمتی': 'rbwh-myn-hmdywn-khy-chlyswyn-msjd-khy-by-hrmty',
      'استمرار العنف ضد الأحمديين في باكستان': 'stmrr-laanf-dd-l-hmdyyn-fy-bkstn',
      'Quarante mosquées profanées : « assez »': 'quarante-mosquees-profanees-assez',
      'Große Sorge über Übergriffe': 'grosse-sorge-uber-ubergriffe',
      'Насилие против ахмадийцев продолжается': 'nasilie-protiv-ahmadiycev-prodolzhaetsya',
      '巴基斯坦第四十座清真寺遭亵渎': 'ba-ji-si-tan-di-si-shi-zuo-qing-zhen-si-zao-xie-du',
      'Βία κατά των Αχμαντί': 'via-kata-ton-ahmanti',
      'पाकिस्तान में अहमदियों पर हमले': 'paakistaan-men-ahmdiyon-pr-hmle',
      'Forty mosques desecrated in 2023: "enough"': 'forty-mosques-desecrated-in-2023-enough',
    };
    for (const [headline, slug] of Object.entries(slugs)) {
      expect(slugFor(headline), headline).toBe(slug);
      expect(slug).toMatch(SLUG_PATTERN);
    }
  });

  it('reads composed and decomposed accents alike', () => {
    expect(slugify('e\u0301te\u0301')).toBe(slugify('\u00e9t\u00e9'));
  });

  it('gives two different Urdu headlines two different slugs', () => {
    const a = slugFor('ربوہ میں احمدیوں کی چالیسویں مسجد کی بے حرمتی');
    const b = slugFor('پاکستان میں احمدیوں پر ظلم جاری ہے');
    expect(b).toBe('pkhstn-myn-hmdywn-pr-zlm-jry-hy');
    expect(a).not.toBe(b);
  });

  it('names a headline with nothing to transliterate by a hash of it', () => {
    expect(slugify('🕌🔥')).toBe('');
    expect(slugFor('🕌🔥')).toBe(`statement-${textHash('🕌🔥')}`);
    expect(slugFor('🕌🔥')).toMatch(/^statement-[0-9a-f]{6}$/);
    expect(slugFor('🙏')).not.toBe(slugFor('🕌🔥'));
    expect(slugFor('!!!')).toMatch(SLUG_PATTERN);
  });

  it('cuts a long headline at a word, and makes a slug distinct with the hash of its headline', () => {
    expect(slugFor('Violence against Ahmadis continues as a fortieth mosque is desecrated in 2023 in Pakistan', 80)).toBe('violence-against-ahmadis-continues-as-a-fortieth-mosque-is-desecrated-in-2023-in');
    expect(slugFor('Übergriffe in Rabwah')).toBe(slugFor('Ubergriffe in Rabwah'));
    expect(distinctSlug('ubergriffe-in-rabwah', 'Übergriffe in Rabwah')).not.toBe(distinctSlug('ubergriffe-in-rabwah', 'Ubergriffe in Rabwah'));
    expect(distinctSlug('ubergriffe-in-rabwah', 'Übergriffe in Rabwah')).toMatch(/^ubergriffe-in-rabwah-[0-9a-f]{6}$/);
    expect(textHash('e\u0301')).toBe(textHash('\u00e9'));
  });

  it('makes the default slug of a file from its name, in any script', () => {
    expect(fileSlug('statements/2023/احمدی.md')).toBe('hmdy');
    expect(fileSlug('statements/Forty Mosques.markdown')).toBe('forty-mosques');
    expect(fileSlug('statements/🕌.md')).toMatch(/^statement-[0-9a-f]{6}$/);
  });
});
