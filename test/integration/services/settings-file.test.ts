/**
 * The application service over a settings file that is partly unreadable, from a newer Gridpass,
 * or not a file at all: what can be used is, nothing saved is lost, and keychain entries of the
 * accounts it could not read are never offered for clean-up.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VerifyResponse } from '../../../src/ipc/contract';
import type { PracticeSite } from '../../../src/practice-site/practice-site';
import type { RealService } from '../../fixtures/real-service';
import { realServicePerTest } from '../../fixtures/real-service-per-test';
import { practiceAccount } from '../../fixtures/practice-site';

const start = realServicePerTest();

function verified(response: VerifyResponse): Extract<VerifyResponse, { ok: true }> {
  if (!response.ok) throw new Error(`expected a verified login, got ${response.finding.code}`);
  return response;
}

async function saveWorkingLogin(real: RealService, scenario: 'works' | 'admin'): Promise<void> {
  const who = practiceAccount(real.site, scenario);
  const response = verified(await real.service.verifyLogin({ site: real.site.url, login: who.login, passphrase: who.passphrase! }));
  const saved = await real.service.saveLogin({ verificationId: response.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 6 });
  if (!saved.ok) throw new Error(saved.finding.title);
}

const configPath = (real: RealService) => path.join(real.home, 'config.json');

/** An account as a newer Gridpass might record it: a health state this version does not know. */
function accountFromNewerVersion(site: PracticeSite, login: string) {
  const host = new URL(site.url).host;
  return { id: `${host}:${login}`, site: new URL(site.url).origin, host, login, createdAt: '2026-01-05T10:00:00.000Z', lastHealth: 'expired' };
}

describe('the service over a settings file it can only partly use', () => {
  it('with one of three accounts unreadable, lists and checks the other two and leaves the third and its keychain entry alone', async () => {
    const real = await start();
    await saveWorkingLogin(real, 'works');
    await saveWorkingLogin(real, 'admin');
    const jonas = practiceAccount(real.site, 'no-pat');
    const host = new URL(real.site.url).host;
    await real.vault.save({ kind: 'passphrase', host, login: jonas.login }, jonas.passphrase!);
    const file = JSON.parse(fs.readFileSync(configPath(real), 'utf8')) as { accounts: unknown[] };
    const unreadable = accountFromNewerVersion(real.site, jonas.login);
    fs.writeFileSync(configPath(real), JSON.stringify({ ...file, accounts: [...file.accounts, unreadable] }));

    const accounts = await real.service.listAccounts({});
    expect(accounts.map((account) => account.login).sort()).toEqual(
      [practiceAccount(real.site, 'works').login, practiceAccount(real.site, 'admin').login].sort(),
    );
    const notice = (await real.service.getAppState({})).settings.notice;
    expect(notice).toContain(`${jonas.login} on ${host} (lastHealth: not an allowed value)`);
    expect(notice).not.toMatch(/--clean/);
    for (const account of accounts) {
      expect(await real.service.checkAccount({ accountId: account.id })).toMatchObject({ health: 'ok', lastCheckReason: 'manual' });
    }

    expect(await real.service.listOrphans({})).toEqual([]);
    expect(await real.service.cleanOrphans({})).toEqual({ removed: 0 });
    expect(await real.vault.read({ kind: 'passphrase', host, login: jonas.login })).toEqual({ ok: true, value: jonas.passphrase });
    const after = JSON.parse(fs.readFileSync(configPath(real), 'utf8')) as { accounts: unknown[] };
    expect(after.accounts).toHaveLength(3);
    expect(after.accounts).toContainEqual(unreadable);
  });

  it('uses a file a newer Gridpass wrote and leaves it byte for byte as it was after checks and changes', async () => {
    let written = '';
    const real = await start({
      prepareHome: (home, site) => {
        const maya = practiceAccount(site, 'works');
        const account = { ...accountFromNewerVersion(site, maya.login), lastHealth: 'ok', loginMethod: 'oxygen' };
        written = `\uFEFF${JSON.stringify({ schemaVersion: 2, settings: { checkIntervalHours: 3 }, accounts: [account], vaults: ['new'] }, null, 2)}`;
        fs.writeFileSync(path.join(home, 'config.json'), written);
      },
    });
    const maya = practiceAccount(real.site, 'works');
    await real.vault.save({ kind: 'passphrase', host: new URL(real.site.url).host, login: maya.login }, maya.passphrase!);

    const state = await real.service.getAppState({});
    expect(state.settings.notice).toMatch(/written by a newer version of Gridpass \(settings version 2\).*will not be saved until Gridpass is updated/);
    expect(state.settings.checkIntervalHours).toBe(3);
    const [account] = await real.service.listAccounts({});
    expect(account).toMatchObject({ login: maya.login });
    expect(await real.service.checkAccount({ accountId: account!.id })).toMatchObject({ health: 'ok' });
    expect(await real.service.updateSettings({ notifications: false })).toMatchObject({ notifications: false });

    expect(fs.readFileSync(configPath(real), 'utf8')).toBe(written);
    expect(fs.readdirSync(real.home)).toEqual(['config.json']);
  });

  it('starts, and says so, when a named pipe (FIFO) stands in place of the settings file', async () => {
    const real = await start({ prepareHome: (home) => execFileSync('mkfifo', [path.join(home, 'config.json')]) });
    const state = await real.service.getAppState({});
    expect(state.settings.notice).toMatch(/it is a named pipe \(FIFO\), not a file/);
    await saveWorkingLogin(real, 'works');
    expect(await real.service.listAccounts({})).toHaveLength(1);
    expect(fs.statSync(configPath(real)).isFIFO()).toBe(true);
  });

  it('starts, and says so, when a folder stands in place of the settings file', async () => {
    const real = await start({ prepareHome: (home) => fs.mkdirSync(path.join(home, 'config.json')) });
    expect((await real.service.getAppState({})).settings.notice).toMatch(/it is a folder, not a file/);
  });
});
