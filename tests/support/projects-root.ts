/**
 * Every project the tests make lives under `$TMPDIR/clarion-test-projects/`, in a folder per tier
 * (`files/`, `browser/`): after the suite, the proof stage (tests/proof/) checks every output their
 * builds left. A tier's folder is emptied when a run of that tier starts (tiers/clean.ts).
 */
import os from 'node:os';
import path from 'node:path';

export const projectsRoot = path.join(os.tmpdir(), 'clarion-test-projects');

/** Where a tier's tests save web pages that are no build's output, for the proof stage to check (pages-for-proof.ts). */
export const PAGES_FOR_PROOF = 'pages-for-proof';
