/**
 * Web pages that are no build's output (the preview's proof pages, made in memory) but that the
 * proof stage checks with the others, in its one run of the W3C Nu HTML Checker: a test saves
 * them here, in its tier's folder of projects.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tierProjects } from './project.ts';
import { PAGES_FOR_PROOF } from './projects-root.ts';

/** Saves a page for the proof stage; `name` tells where it comes from. */
export async function saveForProof(name: string, html: string): Promise<string> {
  const folder = path.join(tierProjects(), PAGES_FOR_PROOF);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}.html`);
  await writeFile(file, html);
  return file;
}
