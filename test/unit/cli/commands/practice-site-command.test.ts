import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../src/cli/exit-codes';
import { startPracticeSite, type PracticeSite } from '../../../../src/practice-site/practice-site';
import { runGridpass, testCliContext } from '../../../fixtures/cli-io';

describe('gridpass practice-site', () => {
  it('starts the site with the options given, prints its summary as JSON, and closes it when stopped', async () => {
    const running: { site: PracticeSite | null } = { site: null };
    let stoppedWhileOpen = false;
    const context = testCliContext({
      startPracticeSite: async (options) => (running.site = await startPracticeSite(options)),
      untilStopped: async () => {
        stoppedWhileOpen = (await fetch(`${running.site?.url}/__practice/accounts`)).ok;
        return 'SIGTERM';
      },
    });
    const { code, io } = await runGridpass(['practice-site', '--method', 'ldap', '--json'], context);
    expect(code).toBe(ExitCode.ok);
    expect(stoppedWhileOpen).toBe(true);
    const summary = JSON.parse(io.stdout) as { schema: string; url: string; method: string; accounts: Array<{ login: string }> };
    expect(summary.schema).toBe('gridpass.practice-site/1');
    expect(summary.method).toBe('ldap');
    expect(summary.url).toBe(running.site?.url);
    expect(summary.accounts.map((account) => account.login)).toContain('mokafor');
    await expect(fetch(`${summary.url}/__practice/accounts`)).rejects.toThrow();
  });

  it('prints the banner with the accounts when not asked for JSON', async () => {
    const context = testCliContext({ startPracticeSite, untilStopped: async () => 'SIGINT' });
    const { code, io } = await runGridpass(['practice-site'], context);
    expect(code).toBe(ExitCode.ok);
    expect(io.stdout).toContain('Gridpass practice site');
    expect(io.stdout).toContain('maya.okafor@studio.example');
    expect(io.stderr).toContain('Practice site stopped (SIGINT).');
  });

  it.each([
    [['practice-site', '--method', 'kerberos'], '--method is one of default, ldap, saml2, oxygen'],
    [['practice-site', '--port', '70000'], '--port takes a number from 1 to 65535'],
  ])('%j is a usage error', async (args, message) => {
    const { code, io } = await runGridpass(args);
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain(message);
  });
});
