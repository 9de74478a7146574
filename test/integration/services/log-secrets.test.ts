/**
 * Main's log redactor is the service's list of secrets: whatever an operation handled (a passphrase
 * typed, a 2FA code, a pasted PAT, a passphrase read from the keychain for a check or a diagnosis)
 * never reaches the log file, even when a line quotes it outright.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { LogFile } from '../../../src/app-shell/log-file';
import type { VerifyResponse } from '../../../src/ipc/contract';
import { SecretList } from '../../../src/redaction/redact';
import { plantedSecret } from '../../fixtures/plant-secret';
import { startRealService, type RealService } from '../../fixtures/real-service';
import { practiceAccount } from '../../fixtures/practice-site';

let running: RealService | null = null;
let logDir: string | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
  if (logDir !== null) await rm(logDir, { recursive: true, force: true });
});

function verified(response: VerifyResponse): Extract<VerifyResponse, { ok: true }> {
  if (!response.ok) throw new Error(`expected a verified login, got ${response.finding.code}`);
  return response;
}

it('masks in the log every secret of every operation, each spelled as a line might quote it', async () => {
  const secrets = new SecretList();
  running = await startRealService({ secrets });
  logDir = await mkdtemp(path.join(tmpdir(), 'gridpass-log-'));
  const log = new LogFile({ dir: logDir, redact: secrets.redact });
  const { service, site, vault } = running;
  const maya = practiceAccount(site, 'works');
  const lucas = practiceAccount(site, 'two-factor');
  const planted = {
    typed: plantedSecret('typed-passphrase'),
    code: plantedSecret('2fa-code'),
    pat: `gpPAT${plantedSecret('pat').replace(/[^A-Za-z0-9]/g, '')}`,
    diagnose: plantedSecret('diagnose-passphrase'),
    saved: plantedSecret('saved-passphrase'),
  };

  await service.verifyLogin({ site: site.url, login: maya.login, passphrase: planted.typed });
  const challenge = await service.verifyLogin({ site: site.url, login: lucas.login, passphrase: lucas.passphrase! });
  if (challenge.ok || !('attemptId' in challenge) || typeof challenge.attemptId !== 'string') throw new Error('expected a 2FA challenge');
  await service.submitTwoFactorCode({ attemptId: challenge.attemptId, code: planted.code });
  expect(await service.holdPat({ site: site.url, pat: planted.pat })).toMatchObject({ ok: true });
  await service.startDiagnose({ target: { kind: 'site', site: site.url, login: maya.login, passphrase: planted.diagnose } });

  // A passphrase the service never saw typed: it reads it from the keychain for a check.
  const response = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
  const saved = await service.saveLogin({ verificationId: response.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 6 });
  if (!saved.ok) throw new Error('saving failed');
  expect(await vault.save({ kind: 'passphrase', host: new URL(site.url).host, login: saved.account.login }, planted.saved)).toMatchObject({ ok: true });
  await service.checkAccount({ accountId: saved.account.id });

  for (const secret of Object.values(planted)) {
    log.info(`a bug quotes ${secret}`);
    log.warn(`a bug quotes it upper-cased: ${secret.toUpperCase()}`);
    log.error(`a bug quotes it in JSON: ${JSON.stringify({ value: secret })}, URL-encoded: ${encodeURIComponent(secret)}`);
  }
  const written = await readFile(log.path, 'utf8');
  expect(written.split('\n').filter((line) => line.includes('[redacted]'))).toHaveLength(3 * Object.keys(planted).length);
  for (const secret of Object.values(planted)) expect(written.toLowerCase()).not.toContain(secret.toLowerCase());
});
