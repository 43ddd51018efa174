/** The first line of an error's message: Chromium's, puppeteer's and YAML's go on with stacks and excerpts. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
