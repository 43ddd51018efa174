#!/usr/bin/env node
// Runs Clarion: the compiled modules when they match the sources (see scripts/compile.mjs),
// otherwise the TypeScript sources themselves, so users need no compile step.
import { compiledCli } from '../scripts/compile.mjs';

const compiled = process.env.CLARION_FROM_SOURCES ? undefined : compiledCli();
let run;
if (compiled) {
  ({ run } = await import(compiled));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run } = await import('../src/cli/main.ts'));
}
process.exitCode = await run(process.argv.slice(2));
