#!/usr/bin/env node
// Runs Clarion's TypeScript sources directly: users need no compile step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli.ts');
process.exitCode = await run(process.argv.slice(2));
