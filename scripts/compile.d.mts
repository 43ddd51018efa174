/** Types of compile.mjs, for the tests. */
export declare const COMPILED_DIR: string;
export declare function sourcesFingerprint(from?: string): string;
export declare function compiledCli(dir?: string): string | undefined;
export declare function compile(dir?: string): Promise<void>;
export declare function codeId(from?: string): string;
