/** The build stage, as the commands, watch mode, the preview, the tests and the benchmark use it. */
export { browserFor, formatsOf, runBuild, type BuildOptions } from './run.ts';
export { buildExitCode, type BuildResult } from './result.ts';
