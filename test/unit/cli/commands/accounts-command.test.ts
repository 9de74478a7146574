import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../src/cli/exit-codes';
import { accountIdFor } from '../../../../src/accounts/account-id';
import type { AccountRegistry } from '../../../../src/accounts/account-registry';
import type { KeychainAccess } from '../../../../src/cli/keychain-access';
import type { Vault } from '../../../../src/vault/vault';
import { runGridpass, testCliContext } from '../../../fixtures/cli-io';

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

  it('says plainly when there was nothing to forget, and trims the login it looks for', async () => {
    const forgotten: string[] = [];
    const registry = {
      forget: (id: string) => {
        forgotten.push(id);
        return Promise.resolve({ accountsRemoved: 0, secretsRemoved: 0, complete: true, settingsFailure: null, secretFailures: [] });
      },
    } as Partial<AccountRegistry> as AccountRegistry;
    const access: KeychainAccess = { registry, vault: {} as Vault, settingsNotice: null };
    const context = testCliContext({ keychain: () => Promise.resolve(access) });
    const { code, io } = await runGridpass(['accounts', 'forget', '--site', 'mystudio', '--login', ' nobody@studio.example ', '--yes'], context);
    expect(code).toBe(ExitCode.ok);
    expect(forgotten).toEqual([accountIdFor('mystudio.shotgrid.autodesk.com', 'nobody@studio.example')]);
    expect(io.stdout).toContain('Nothing matched: Gridpass had nothing saved for that. "gridpass accounts" lists the saved logins.');
    expect(io.stdout).not.toContain('revoke it');
  });

  it.each([
    [['accounts', 'forget'], 'Say what to forget'],
    [['accounts', 'forget', '--all', '--site', 'x'], 'either --all or --site'],
    [['accounts', 'forget', '--site', 'x', '--login', ''], '--login needs a login'],
    [['accounts', 'forget', '--site', 'x', '--login', 'https://x.example', '--yes'], '--login looks like a web address'],
    [['accounts', 'orphans', '--yes'], '--yes goes with --clean'],
    [['accounts', 'purge'], 'Unknown accounts command "purge"'],
    [['accounts', '--all'], "Unknown option '--all'"],
  ])('%j is a usage error', async (args, message) => {
    const { code, io } = await runGridpass(args);
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain(message);
  });
});
