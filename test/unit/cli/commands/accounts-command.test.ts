import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../src/cli/exit-codes';
import { runGridpass } from '../../../fixtures/cli-io';

// The saved-account behaviour itself runs against the real keychain in test/integration/cli.
describe('gridpass accounts usage', () => {
  it('refuses to forget without a terminal to confirm on and without --yes, before touching anything', async () => {
    const { code, io } = await runGridpass(['accounts', 'forget', '--site', 'mystudio']);
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain('No terminal to ask for confirmation: add --yes');
  });

  it('forgets nothing when the person answers no', async () => {
    const { code, io } = await runGridpass(['accounts', 'forget', '--all'], undefined, { tty: true, answers: ['n'] });
    expect(code).toBe(ExitCode.ok);
    expect(io.questions[0]?.text).toContain('Forget every saved login and every Gridpass keychain entry');
    expect(io.stderr).toContain('Nothing was forgotten.');
  });

  it.each([
    [['accounts', 'forget'], 'Say what to forget'],
    [['accounts', 'forget', '--all', '--site', 'x'], 'either --all or --site'],
    [['accounts', 'forget', '--site', 'x', '--login', ''], '--login needs a login'],
    [['accounts', 'orphans', '--yes'], '--yes goes with --clean'],
    [['accounts', 'purge'], 'Unknown accounts command "purge"'],
    [['accounts', '--all'], "Unknown option '--all'"],
  ])('%j is a usage error', async (args, message) => {
    const { code, io } = await runGridpass(args);
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain(message);
  });
});
