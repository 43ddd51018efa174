/**
 * Global setup of the files and browser tiers: before a run, the projects an earlier run of the
 * same tier left are removed, so that the proof stage checks only what this run built.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectsRoot } from '../projects-root.ts';

export default async function setup(project: TestProject): Promise<void> {
  await rm(path.join(projectsRoot, project.name), { recursive: true, force: true });
}
