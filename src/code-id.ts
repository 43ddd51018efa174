/**
 * What Clarion's code is, by content (its sources and exact dependencies): caches that other code
 * made are not trusted. The compiled CLI has it built in; run from the sources, it is computed.
 */
declare const __CLARION_CODE_ID__: string | undefined;

let computed: Promise<string> | undefined;

export function codeId(): Promise<string> {
  if (typeof __CLARION_CODE_ID__ === 'string') return Promise.resolve(__CLARION_CODE_ID__);
  return (computed ??= import('../scripts/compile.mjs').then((compile) => compile.codeId()));
}
