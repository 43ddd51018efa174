/** Where a command writes: the process's streams on the command line, strings in tests. No imports, so every stage may take it. */
export interface Io {
  cwd: string;
  /** Whether stderr is a terminal (progress bars only there). */
  isTTY?: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}
