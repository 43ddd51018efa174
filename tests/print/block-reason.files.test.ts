import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockReason, realRoots } from '../../src/print/block-reason.ts';

let dir: string;
let roots: string[];
const url = (...parts: string[]) => pathToFileURL(path.join(dir, ...parts)).href;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clarion-block-reason-'));
  await mkdir(path.join(dir, 'site', 'fonts'), { recursive: true });
  await writeFile(path.join(dir, 'site', 'fonts', 'serif.woff2'), '');
  await writeFile(path.join(dir, 'site-secrets.txt'), '');
  await writeFile(path.join(dir, 'secret.txt'), '');
  await symlink(path.join(dir, 'secret.txt'), path.join(dir, 'site', 'link.txt'));
  await symlink(path.join(dir, 'site'), path.join(dir, 'site-link'));
  roots = realRoots([path.join(dir, 'site'), path.join(dir, 'not-there')]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('blockReason', () => {
  it('lets data: URLs and files inside an allowed folder load', () => {
    expect(blockReason('data:image/png;base64,AAAA', roots)).toBeUndefined();
    expect(blockReason(url('site', 'fonts', 'serif.woff2'), roots)).toBeUndefined();
    expect(blockReason(`${url('site', 'fonts', 'serif.woff2')}?v=2#iefix`, roots)).toBeUndefined();
    // The allowed folder named through a symlink is the same folder.
    expect(blockReason(url('site-link', 'fonts', 'serif.woff2'), roots)).toBeUndefined();
  });

  it('refuses anything that is not a local file', () => {
    for (const remote of ['https://example.com/x.png', 'http://localhost:8080/', 'ftp://example.com/a', 'blob:null/1', 'chrome://settings']) {
      expect(blockReason(remote, roots)).toBe('only local files may load when printing');
    }
  });

  it('refuses files outside the allowed folders, however they are reached', () => {
    const outside = 'outside the folders allowed when printing';
    expect(blockReason(url('secret.txt'), roots)).toBe(outside);
    expect(blockReason(`${pathToFileURL(path.join(dir, 'site')).href}/../secret.txt`, roots)).toBe(outside);
    expect(blockReason(`${pathToFileURL(path.join(dir, 'site')).href}/fonts/%2E%2E/%2E%2E/secret.txt`, roots)).toBe(outside);
    expect(blockReason(url('site', 'link.txt'), roots)).toBe(outside);
    // A sibling whose name merely starts with the folder's name is not inside it.
    expect(blockReason(url('site-secrets.txt'), roots)).toBe(outside);
  });

  it('refuses folders, missing files and other hosts', () => {
    expect(blockReason(url('site', 'fonts'), roots)).toBe('not a regular file');
    expect(blockReason(url('site'), roots)).toBe('outside the folders allowed when printing');
    expect(blockReason(url('site', 'missing.png'), roots)).toBe('no such file');
    expect(blockReason(`file://example.com${path.join(dir, 'site', 'fonts', 'serif.woff2')}`, roots)).toBe('no such file');
    expect(blockReason(`${pathToFileURL(path.join(dir, 'site')).href}%2Ffonts%2Fserif.woff2`, roots)).toBe('no such file');
  });

  it('allows nothing when no allowed folder exists', () => {
    expect(blockReason(url('site', 'fonts', 'serif.woff2'), realRoots([path.join(dir, 'not-there')]))).toBe(
      'outside the folders allowed when printing',
    );
  });
});
