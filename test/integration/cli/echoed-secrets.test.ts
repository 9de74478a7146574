/**
 * A site that echoes the credentialed request back (raw, `\u`-escaped, re-cased, cut off, HTML-escaped,
 * URL-encoded, or as the person's name): neither `gridpass verify` nor `doctor` (on screen and in both
 * report formats), nor the app's service (its responses, the settings folder, the clipboard) shows any
 * 8-character fragment of the planted passphrase's random part, in any letter case.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnoseStatus } from '../../../src/ipc/contract';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';
import { ECHO_FORMS, startEchoingSite, type EchoForm } from '../../fixtures/echoing-site';
import type { LoopbackServer } from '../../fixtures/loopback-server';
import { startRealService } from '../../fixtures/real-service';
import { leakedFragments } from '../../fixtures/secret-fragments';

const login = 'ana@studio.example';

function plantedPassphrase(): { passphrase: string; random: string } {
  const random = randomUUID().replace(/-/g, '');
  return { passphrase: `planted-Ünïcødé"q-${random}`, random };
}

async function folderText(folder: string): Promise<string> {
  const names = await readdir(folder, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(names.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')));
  return texts.join('\n');
}

let sandbox: CliSandbox;
beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('echoed-secrets');
});
afterAll(async () => {
  await sandbox?.cleanup();
});

describe.each(ECHO_FORMS)('a site that echoes the request %s', (form: EchoForm) => {
  let site: LoopbackServer;
  beforeAll(async () => {
    site = await startEchoingSite(form);
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each([
    ['verify', ['verify']],
    ['verify --json', ['verify', '--json']],
    ['doctor --report .md', ['doctor', '--report', 'REPORT.md']],
    ['doctor --report .json', ['doctor', '--report', 'REPORT.json']],
  ])('%s shows no fragment of the passphrase', async (_name, command) => {
    const { passphrase, random } = plantedPassphrase();
    const report = join(sandbox.home, `report-${randomUUID()}`);
    const args = command.map((arg) => arg.replace('REPORT', report));
    const run = await sandbox.run([...args, '--site', site.origin, '--login', login, '--passphrase-stdin'], { stdin: `${passphrase}\n` });
    expect(site.requests.some((request) => request.body.includes(random))).toBe(true);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const written = await folderText(sandbox.home);
    expect(leakedFragments(`${run.stdout}\n${run.stderr}\n${written}`, random)).toEqual([]);
  });

  it('the service answers verify and diagnose, and copies the report, with no fragment of the passphrase', async () => {
    const real = await startRealService();
    try {
      const { passphrase, random } = plantedPassphrase();
      const responses: unknown[] = [];
      const verified = await real.service.verifyLogin({ site: site.origin, login, passphrase });
      responses.push(verified);
      // A site that takes the login hands back the person's record, which saving writes to the settings file.
      expect(verified.ok).toBe(form === 'person-name');
      if (verified.ok) responses.push(await real.service.saveLogin({ verificationId: verified.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 6 }));
      const { runId } = await real.service.startDiagnose({ target: { kind: 'site', site: site.origin, login, passphrase } });
      let status: DiagnoseStatus | null = null;
      for (let i = 0; i < 400 && status?.done !== true; i += 1) {
        status = await real.service.diagnoseStatus({ runId });
        responses.push(status);
        if (!status.done) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(status?.done).toBe(true);
      responses.push(await real.service.diagnoseReport({ runId, format: 'markdown' }));
      responses.push(await real.service.diagnoseReport({ runId, format: 'json' }));
      responses.push(await real.service.copyDiagnoseReport({ runId }));
      expect(site.requests.some((request) => request.body.includes(random))).toBe(true);
      expect(real.clipboard.history.length).toBeGreaterThan(0);
      if (form === 'person-name') expect(real.settings.read().accounts.map((account) => account.login)).toEqual([login]);
      const seen = [JSON.stringify(responses), real.clipboard.history.join('\n'), await folderText(real.home)].join('\n');
      expect(leakedFragments(seen, random)).toEqual([]);
    } finally {
      await real.close();
    }
  });
});
