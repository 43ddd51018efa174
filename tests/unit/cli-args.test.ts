import { describe, expect, it } from 'vitest';
import { CliUsageError, helpText, OPTION_HELP, parseCli } from '../../src/cli-args.ts';

describe('parseCli', () => {
  it('reads commands, paths and options', () => {
    expect(parseCli(['build', 'statements/a.md', '--out', 'public', '--formats', 'html,pdf', '--concurrency=3', '--strict'])).toMatchObject({
      command: 'build', paths: ['statements/a.md'], out: 'public', formats: ['html', 'pdf'], concurrency: 3, strict: true,
    });
    expect(parseCli(['check', '--json']).json).toBe(true);
    expect(parseCli(['build', '--now', '2023-11-28T09:00Z']).now?.toISOString()).toBe('2023-11-28T09:00:00.000Z');
    expect(parseCli([]).command).toBe('help');
  });

  it('refuses what it does not understand, saying what to do', () => {
    expect(() => parseCli(['publish'])).toThrow(CliUsageError);
    expect(() => parseCli(['build', '--concurrency', 'many'])).toThrow('--concurrency must be a whole number from 1 to 64');
    expect(() => parseCli(['build', '--out'])).toThrow('--out needs a value');
    expect(() => parseCli(['build', '--now', 'tomorrow'])).toThrow('is not a date-time');
  });

  it('documents every option in the help text', () => {
    const help = helpText();
    for (const option of Object.keys(OPTION_HELP)) expect(help).toContain(option);
  });
});
