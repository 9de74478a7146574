/**
 * A site that echoes the credentialed request back (raw, `\u`-escaped, re-cased, cut off, HTML-escaped,
 * URL-encoded, or as the person's name): neither `gridpass verify` (with a passphrase and 2FA code, or a
 * script key) nor `doctor --2fa-stdin` (on screen and in both report formats), nor the app's service
 * (every response and event the window gets in the wizard flow, through main's IPC layer, main's log
 * file, the settings folder, the clipboard) shows any 8-character fragment of a planted secret, in any
 * letter case or escaped spelling.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerGridpassHandlers, type IpcMainLike } from '../../../main/ipc/validated-ipc';
import { LogFile } from '../../../src/app-shell/log-file';
import { channelOf, type DiagnoseStatus, type RequestName, type RequestOf, type ResponseOf } from '../../../src/ipc/contract';
import { SecretList } from '../../../src/redaction/redact';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';
import { ECHO_FORMS, startEchoingSite, type EchoForm } from '../../fixtures/echoing-site';
import type { LoopbackServer } from '../../fixtures/loopback-server';
import { leakedFragments, plantedSecret } from '../../fixtures/plant-secret';
import { startRealService, type RealService } from '../../fixtures/real-service';

const login = 'ana@studio.example';
/** A quote and non-ASCII letters, which every escaping changes. */
const spice = 'Ünïcødé"q-';

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

interface CliCase {
  args: string[];
  stdin: (secrets: { passphrase: string; code: string; key: string }) => string;
  /** The secrets this run sends, which the site must have received. */
  sends: ('passphrase' | 'code' | 'key')[];
}

const withCode: CliCase['stdin'] = ({ passphrase, code }) => `${passphrase}\n${code}\n`;
const cliCases: Record<string, CliCase> = {
  'verify --2fa-stdin': { args: ['verify', '--login', login, '--passphrase-stdin', '--2fa-stdin'], stdin: withCode, sends: ['passphrase', 'code'] },
  'verify --2fa-stdin --json': { args: ['verify', '--login', login, '--passphrase-stdin', '--2fa-stdin', '--json'], stdin: withCode, sends: ['passphrase', 'code'] },
  'verify --script --key-stdin --sudo-as': { args: ['verify', '--script', 'ingest', '--key-stdin', '--sudo-as', login], stdin: ({ key }) => `${key}\n`, sends: ['key'] },
  'verify --script --key-stdin --json': { args: ['verify', '--script', 'ingest', '--key-stdin', '--json'], stdin: ({ key }) => `${key}\n`, sends: ['key'] },
  'doctor --2fa-stdin --report .md': { args: ['doctor', '--login', login, '--passphrase-stdin', '--2fa-stdin', '--report', 'REPORT.md'], stdin: withCode, sends: ['passphrase', 'code'] },
  'doctor --2fa-stdin --report .json': { args: ['doctor', '--login', login, '--passphrase-stdin', '--2fa-stdin', '--report', 'REPORT.json'], stdin: withCode, sends: ['passphrase', 'code'] },
  'doctor --json, without a code': { args: ['doctor', '--login', login, '--passphrase-stdin', '--json'], stdin: ({ passphrase }) => `${passphrase}\n`, sends: ['passphrase'] },
};

/** Main's IPC layer over the service, with a stand-in for Electron's ipcMain that keeps the handlers. */
function ipcOver(real: RealService, log: LogFile): <K extends RequestName>(name: K, request: RequestOf<K>) => Promise<ResponseOf<K>> {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = { handle: (channel: string, handler: never) => handlers.set(channel, handler), removeHandler: () => undefined } as unknown as IpcMainLike;
  registerGridpassHandlers(ipcMain, real.service, () => true, (message) => log.info(message));
  const event = { senderFrame: { parent: null, url: 'app://bundle/index.html' }, sender: {} } as unknown as IpcMainInvokeEvent;
  return async (name, request) => (await handlers.get(channelOf(name))!(event, request)) as never;
}

describe.each(ECHO_FORMS)('a site that echoes the request %s', (form: EchoForm) => {
  let site: LoopbackServer;
  beforeAll(async () => {
    site = await startEchoingSite(form);
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each(Object.keys(cliCases))('%s shows and writes no fragment of any secret sent', async (name) => {
    const { args, stdin, sends } = cliCases[name]!;
    const secrets = { passphrase: plantedSecret('passphrase', { spice }), code: plantedSecret('2fa-code'), key: plantedSecret('script-key', { spice }) };
    const report = join(sandbox.home, `report-${randomUUID()}`);
    const before = site.requests.length;
    const run = await sandbox.run([...args.map((arg) => arg.replace('REPORT', report)), '--site', site.origin], { stdin: stdin(secrets) });
    const received = site.requests.slice(before).map((request) => request.body).join('\n');
    for (const sent of sends) expect(received.includes(JSON.stringify(secrets[sent]).slice(1, -1)), `the site received the ${sent}`).toBe(true);
    expect(run.code, run.stderr).not.toBe(3);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(leakedFragments(`${run.stdout}\n${run.stderr}\n${await folderText(sandbox.home)}`, Object.values(secrets))).toEqual([]);
  });

  it('the wizard flow through main\'s IPC layer gets and logs no fragment of the passphrase or the code', async () => {
    const secrets = new SecretList();
    const real = await startRealService({ secrets });
    try {
      const log = new LogFile({ dir: join(real.home, 'logs'), redact: secrets.redact });
      const call = ipcOver(real, log);
      const planted = { passphrase: plantedSecret('passphrase', { spice }), code: plantedSecret('2fa-code') };
      const seen: unknown[] = [];
      real.service.events.on((event) => seen.push(event));
      const record = <T>(response: T): T => {
        seen.push(response);
        // Worst case: a debugging line that quotes each answer, as main's log would keep it.
        log.info(`answered ${JSON.stringify(response)}`);
        return response;
      };

      record(await call('getAppState', {}));
      expect(record(await call('probeSite', { address: site.origin })).ok).toBe(true);
      const challenge = record(await call('verifyLogin', { site: site.origin, login, passphrase: planted.passphrase }));
      if (challenge.ok || challenge.reason !== 'two-factor-required') throw new Error(`expected a 2FA challenge, got ${JSON.stringify(challenge)}`);
      const verified = record(await call('submitTwoFactorCode', { attemptId: challenge.attemptId, code: planted.code }));
      // Only the site that takes the login hands back the person's record, which saving writes to the settings file.
      expect(verified.ok).toBe(form === 'person-name');
      if (verified.ok) {
        const saved = record(await call('saveLogin', { verificationId: verified.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 6 }));
        if (!saved.ok) throw new Error('saving failed');
        expect(real.settings.read().accounts.map((account) => account.login)).toEqual([login]);
        record(await call('checkAccount', { accountId: saved.account.id }));
      }
      record(await call('listAccounts', {}));

      const { runId } = record(await call('startDiagnose', { target: { kind: 'site', site: site.origin, login, passphrase: planted.passphrase } }));
      let status: DiagnoseStatus | null = null;
      for (let i = 0; i < 400 && status?.done !== true; i += 1) {
        status = record(await call('diagnoseStatus', { runId }));
        if (!status.done) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(status?.done).toBe(true);
      record(await call('diagnoseReport', { runId, format: 'markdown' }));
      record(await call('diagnoseReport', { runId, format: 'json' }));
      record(await call('copyDiagnoseReport', { runId }));
      record(await call('saveDiagnoseReport', { runId, format: 'markdown' }));
      record(await call('saveDiagnoseReport', { runId, format: 'json' }));

      const received = site.requests.map((request) => request.body).join('\n');
      for (const secret of Object.values(planted)) expect(received).toContain(JSON.stringify(secret).slice(1, -1));
      expect(real.clipboard.history.length).toBeGreaterThan(0);
      expect(real.savedFiles.size).toBe(2);
      const logText = await readFile(log.path, 'utf8');
      expect(logText.split('\n').filter((line) => line.includes('answered')).length).toBeGreaterThan(10);
      const everything = [JSON.stringify(seen), real.clipboard.history.join('\n'), logText, await folderText(real.home)].join('\n');
      expect(leakedFragments(everything, Object.values(planted))).toEqual([]);
    } finally {
      await real.close();
    }
  });
});
