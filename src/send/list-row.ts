/** What the readers of a press list (CSV, YAML) give: its rows, and its problems as they find them. */

export interface ListRow {
  name?: string;
  /** As written; checked by readRecipients. */
  address: string;
  /** The list says this person unsubscribed: they are never sent anything. */
  unsubscribed: boolean;
  /** Where the address is (1-based). */
  line: number;
  column: number;
}

export interface ListProblems {
  /** A problem of the whole list (not CSV, no email column...): nothing can be sent. */
  fatal(line: number, rule: string, message: string, hint: string, column?: number): void;
  /** A row that cannot be sent to: nothing is sent unless --skip-bad, which skips it. */
  badRow(line: number, rule: string, message: string, hint: string, column?: number): void;
}
