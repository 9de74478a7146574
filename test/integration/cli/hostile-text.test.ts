/**
 * A site whose faults carry terminal control sequences (a screen clear, an OSC 52 clipboard write, a
 * title change): the built `gridpass` prints none of them, and the Markdown report keeps none.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';
import { api3Fault, api3Handler, IDENTITY_SITE_INFO, sendJson, startLoopbackServer, type LoopbackServer } from '../../fixtures/loopback-server';

const ESC = '\u001b';
const hostileMessage = `Can't authenticate user.${ESC}[2J${ESC}]52;c;cGxhbnRlZC1jbGlwYm9hcmQ=\u0007${ESC}]0;owned${ESC}\\\u009b31m end`;

let sandbox: CliSandbox;
let site: LoopbackServer;

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('hostile-text');
  site = await startLoopbackServer(api3Handler({
    info: (_request, response) => sendJson(response, IDENTITY_SITE_INFO),
    read: (_request, response) => sendJson(response, api3Fault(102, hostileMessage)),
    get_session_token: (_request, response) => sendJson(response, api3Fault(102, hostileMessage)),
  }));
});

afterAll(async () => {
  await site?.close();
  await sandbox?.cleanup();
});

it.each([
  ['verify', ['verify', '--login', 'ana@studio.example', '--passphrase-stdin']],
  ['verify --json', ['verify', '--login', 'ana@studio.example', '--passphrase-stdin', '--json']],
  ['doctor', ['doctor', '--login', 'ana@studio.example', '--passphrase-stdin', '--report', 'report.md']],
  ['doctor --json', ['doctor', '--login', 'ana@studio.example', '--passphrase-stdin', '--json']],
])('%s prints no ESC byte or other control character from an escape-laden API3 fault', async (_name, args) => {
  const report = join(sandbox.home, 'report.md');
  const run = await sandbox.run([...args.map((arg) => (arg === 'report.md' ? report : arg)), '--site', site.origin], { stdin: 'escape-test-passphrase\n' });
  expect(run.code).toBe(1);
  const printed = run.stdout + run.stderr;
  expect(printed).toContain('authenticate user');
  expect(printed).not.toMatch(/[\u001b\u0007\u009b\u009c\u009d]/);
  expect(printed).not.toContain('52;c;');
  if (args.includes('--report')) {
    const markdown = await readFile(report, 'utf8');
    expect(markdown).toContain('authenticate user');
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  }
});
