import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutsideOutputError, outputPath } from '../../src/write/output-path.ts';

describe('outputPath', () => {
  const out = path.resolve('/srv/site/dist');

  it('places plain and unusual names inside the output folder, as path.resolve does', () => {
    for (const name of ['a/index.html', 'forty-mosques/forty-mosques.pdf', 'assets/fonts/serif.ab12cd34ef.woff2', '.clarion-manifest.json', 'ur/مساجد.txt', 'a/./b.txt', 'a/b/../c.txt', 'x_y/z-1.eml']) {
      expect(outputPath(out, name)).toBe(path.resolve(out, name));
    }
    expect(outputPath(`${out}/`, 'a/index.html')).toBe(path.resolve(out, 'a/index.html'));
  });

  it('refuses names that would leave it or name it', () => {
    for (const name of ['../x.html', 'a/../../x.html', '/etc/passwd', '', '.', 'a/..', 'a\0b']) {
      expect(() => outputPath(out, name), name).toThrow(OutsideOutputError);
    }
  });
});
