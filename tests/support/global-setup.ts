/** Before a test run: no project of an earlier run is left for the proof stage to check. */
import { rm } from 'node:fs/promises';
import { projectsRoot } from './project.ts';

export default async function setup(): Promise<void> {
  await rm(projectsRoot, { recursive: true, force: true });
}
