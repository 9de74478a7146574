/**
 * Refusals sent at the same time by the app's service and by `gridpass` processes, all on one
 * settings folder: the count Gridpass keeps is exactly what the practice site's request log saw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountRegistry } from '../../../src/accounts/account-registry';
import { openSettingsStore } from '../../../src/settings/settings-store';
import { createKeychainVault } from '../../../src/vault/keychain-vault';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';
import { requireWorkingKeychain } from '../../fixtures/keyring';
import { startRealService, type RealService } from '../../fixtures/real-service';
import { practiceAccount } from '../../fixtures/practice-site';
import { plantedSecret } from '../../fixtures/plant-secret';

let sandbox: CliSandbox;
let app: RealService;

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('parallel');
  await requireWorkingKeychain(createKeychainVault({ service: sandbox.service }));
  app = await startRealService({ shared: { home: sandbox.home, keychainService: sandbox.service } });
});

afterAll(async () => {
  await app?.close();
  await sandbox?.cleanup();
});

describe('refusals from the app and the command line at once', () => {
  it('are all counted: the saved count equals the logins the site saw', async () => {
    const jonas = practiceAccount(app.site, 'no-pat');
    const cli = Array.from({ length: 6 }, (_, n) =>
      sandbox.run(['verify', '--site', app.site.url, '--login', jonas.login, '--passphrase-stdin', '--json'], { stdin: `${plantedSecret(`wrong-cli-${n}`)}\n` }));
    const wizard = Array.from({ length: 6 }, (_, n) =>
      app.service.verifyLogin({ site: app.site.url, login: jonas.login, passphrase: plantedSecret(`wrong-app-${n}`) }));
    const [runs, answers] = await Promise.all([Promise.all(cli), Promise.all(wizard)]);

    expect(runs.map((run) => run.code)).toEqual(Array(6).fill(1));
    expect(answers.every((answer) => !answer.ok)).toBe(true);
    const seen = app.site.log.credentialedCount(jonas.login);
    expect(seen).toBe(12);
    // Read afresh, as the next process to start would.
    const saved = createAccountRegistry({ settings: openSettingsStore({ cwd: sandbox.home }), vault: app.vault });
    expect(saved.failedLogins(app.site.url, jonas.login)).toBe(seen);
  });
});
