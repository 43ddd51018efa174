/** The imported statement's front matter, date, language and pictures. Pure. */
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { convertHtml } from '../../src/import/convert-docx.ts';
import type { DocxImage } from '../../src/import/docx-to-html.ts';
import { chooseLanguage, languageOfText } from '../../src/import/guess-language.ts';
import { placeImages } from '../../src/import/place-images.ts';
import { statementDate, statementText } from '../../src/import/statement-text.ts';
import { toMarkdown } from '../../src/import/to-markdown.ts';
import { newStatementText } from '../../src/new-statement.ts';

const tree = (html: string): Root => convertHtml(html).tree;

describe('statementText', () => {
  it('is the front matter clarion new writes, with the subtitle filled in, then the text', () => {
    const text = statementText({ title: 'Forty mosques: "enough"', subtitle: 'A call to act', date: '2023-11-27', kind: 'press-release', lang: 'ur', tree: tree('<p>Body.</p>') });
    const fresh = newStatementText({ title: 'Forty mosques: "enough"', date: '2023-11-27', kind: 'press-release', lang: 'ur' });
    const front = fresh.slice(0, fresh.indexOf('\n---\n') + 5).replace('# subtitle: One line that adds to the headline', 'subtitle: A call to act');
    expect(text).toBe(`${front}\nBody.\n`);
    expect(text).toMatch(/^---\ntitle: 'Forty mosques: "enough"'\nsubtitle: A call to act\ndate: 2023-11-27\n/);
    expect(statementText({ title: 'T', date: '2023-11-27', kind: 'press-release', tree: tree('') })).toMatch(/\n---\n\nThe document had no text: write the statement here\.\n$/);
  });
});

describe('statementDate', () => {
  const today = new Date('2024-03-01T12:00:00Z');

  it("is the day the document was last saved, in the organisation's time zone, said so that it is checked", () => {
    expect(statementDate({ modified: new Date('2023-11-26T23:30:00Z'), created: new Date('2023-01-01T00:00:00Z') }, today, 'Asia/Karachi')).toEqual({
      date: '2023-11-27',
      finding: { what: 'date: 2023-11-27 is the day the document was last saved', todo: 'change it to the release date if that is another day' },
    });
    expect(statementDate({ created: new Date('2023-11-26T23:30:00Z') }, today, 'UTC').finding?.what).toBe('date: 2023-11-26 is the day the document was created');
  });

  it('is today when the document has no date', () => {
    expect(statementDate({}, new Date('2024-02-29T23:30:00Z'), 'Asia/Karachi')).toEqual({ date: '2024-03-01' });
  });
});

describe('the language', () => {
  it('tells Urdu, Persian, Arabic and Hebrew from their letters, and nothing from Latin script', () => {
    expect(languageOfText('پاکستان میں احمدیوں پر ظلم جاری ہے')).toBe('ur');
    expect(languageOfText('نقض آزادی مذهبی در ایران گزارش شد')).toBe('fa');
    expect(languageOfText('استمرار العنف ضد الأحمديين في باكستان')).toBe('ar');
    expect(languageOfText('המשך האלימות נגד האחמדים')).toBe('he');
    expect(languageOfText('Forty mosques, and a quote: "استمرار"')).toBeUndefined();
    expect(languageOfText('2023')).toBeUndefined();
  });

  it("takes --lang, else the document's language property, else its script; and writes none that is the organisation's", () => {
    const urdu = 'پاکستان میں احمدیوں پر ظلم جاری ہے';
    expect(chooseLanguage({ given: 'FR', property: 'de', text: urdu, organization: 'en' })).toEqual({ lang: 'fr' });
    expect(chooseLanguage({ given: 'en', text: urdu, organization: 'en' })).toEqual({});
    expect(chooseLanguage({ property: 'en-gb', text: 'x', organization: 'en' })).toEqual({ lang: 'en-GB' });
    expect(chooseLanguage({ property: 'English', text: 'x', organization: 'en' })).toEqual({});
    expect(chooseLanguage({ text: urdu, organization: 'en' })).toEqual({
      lang: 'ur',
      finding: { what: "the statement's language was taken to be Urdu (ur), from its script", todo: 'check lang: in the front matter, or import again with --lang' },
    });
    expect(chooseLanguage({ text: urdu, organization: 'ur-PK' })).toEqual({});
  });
});

describe('placeImages', () => {
  const image = (number: number, contentType: string, size = 10): DocxImage => ({ number, contentType, bytes: new Uint8Array(size) });
  const name = (n: number, ext: string) => `images/x-${n}.${ext}`;

  it('names the pictures a page can show and keeps their description; leaves out the others, saying where they were', () => {
    const body = tree('<p>Before the pictures.</p><p><img src="docx-image:1" alt="A map"></p><p>Chart: <img src="docx-image:2"></p><p><img src="docx-image:3"></p><p><img src="docx-image:4" alt="Big"></p>');
    const placed = placeImages(body, [image(1, 'image/jpeg'), image(2, 'image/x-emf'), image(3, 'image/png'), image(4, 'image/png', 20 * 1024 * 1024 + 1)], name);
    expect(placed.files.map((f) => f.path)).toEqual(['images/x-1.jpg', 'images/x-3.png']);
    expect(toMarkdown(body)).toBe('Before the pictures.\n\n![A map](images/x-1.jpg)\n\nChart:\n\n![](images/x-3.png)\n');
    const add = 'put it in statements/images/ and add it where it was: ![what it shows](images/picture.png)';
    expect(placed.findings).toEqual([
      { what: 'picture 2 (in “Chart:”) is an EMF picture, which web pages cannot show, and was left out', todo: `save it from Word as a PNG or JPEG (right-click > Save as Picture), ${add}` },
      { what: 'picture 3 (after “Chart:”) has no description (alt text)', todo: 'write what it shows between the brackets of ![](images/x-3.png) in the statement, for readers who cannot see it' },
      { what: 'picture 4 (after “Chart:”) is larger than 20 MB and was left out', todo: `make it smaller (e.g. 2000 pixels wide), ${add}` },
    ]);
  });
});
