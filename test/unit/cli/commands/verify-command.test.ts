import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../src/cli/exit-codes';
import type { Outcome } from '../../../../src/shotgrid/failure';
import type { HumanUserRecord } from '../../../../src/shotgrid/shotgrid-client';
import { runGridpass, testCliContext } from '../../../fixtures/cli-io';
import { createFakeShotgridClient, failed, humanUser, siteInfo, succeeded, type FakeShotgridClient } from '../../../fixtures/fake-shotgrid-client';
import { plantedSecret } from '../../../fixtures/plant-secret';

const site = ['--site', 'mystudio'];
const login = ['--login', 'ana@studio.example'];

/** A fake client whose logins answer in turn, for the 2FA retry. */
function clientAnswering(...logins: Array<Outcome<HumanUserRecord>>): FakeShotgridClient {
  const client = createFakeShotgridClient({ probe: succeeded(siteInfo()) });
  const verify = client.verifyLogin.bind(client);
  client.verifyLogin = (target, credentials, options) => {
    void verify(target, credentials, options).catch(() => undefined);
    const next = logins.shift();
    return next === undefined ? Promise.reject(new Error('one login too many')) : Promise.resolve(next);
  };
  return client;
}

const loginCalls = (client: FakeShotgridClient) => client.calls.filter((call) => call.method === 'verifyLogin');

describe('gridpass verify (a person\'s login)', () => {
  it('refuses to run without a terminal and without --passphrase-stdin, before contacting the site', async () => {
    const client = clientAnswering();
    const { code, io } = await runGridpass(['verify', ...site, ...login], testCliContext({ client: () => client }));
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain('No terminal to ask for the passphrase: pipe it in with --passphrase-stdin');
    expect(client.calls).toEqual([]);
  });

  it('reads the first line of stdin, without its line ending, and says who the person is', async () => {
    const client = clientAnswering(succeeded(humanUser({ name: 'Ana Artist', permissionGroup: 'Artist' })));
    const { code, io } = await runGridpass(['verify', ...site, ...login, '--passphrase-stdin'], testCliContext({ client: () => client }), {
      stdin: 'two words\r\nsecond line\n',
    });
    expect(code).toBe(ExitCode.ok);
    expect(loginCalls(client)).toMatchObject([{ credentials: { login: 'ana@studio.example', passphrase: 'two words' } }]);
    expect(io.stdout).toContain('[GP-OK]');
    expect(io.stdout).toMatch(/Name +Ana Artist/);
    expect(io.stdout).toMatch(/Status +active \(act\)/);
    expect(io.stdout).toMatch(/Permission group +Artist/);
  });

  it('asks for the passphrase without echo on a terminal', async () => {
    const client = clientAnswering(succeeded(humanUser()));
    const { code, io } = await runGridpass(['verify', ...site, ...login], testCliContext({ client: () => client }), { tty: true, answers: ['typed-secret'] });
    expect(code).toBe(ExitCode.ok);
    expect(io.questions).toEqual([{ text: 'Legacy passphrase (not shown as you type): ', secret: true }]);
    expect(loginCalls(client)[0]).toMatchObject({ credentials: { passphrase: 'typed-secret' } });
  });

  it('refuses an empty passphrase as a usage error', async () => {
    const client = clientAnswering();
    const { code, io } = await runGridpass(['verify', ...site, ...login, '--passphrase-stdin'], testCliContext({ client: () => client }), { stdin: '\n' });
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain('Standard input was empty');
    expect(loginCalls(client)).toEqual([]);
  });

  it('on a terminal asks for a 2FA code when the site wants one, and tries exactly once more with it', async () => {
    const client = clientAnswering(failed({ kind: 'two-factor-required', serverMessage: 'need code' }), succeeded(humanUser()));
    const { code, io } = await runGridpass(['verify', ...site, ...login], testCliContext({ client: () => client }), {
      tty: true,
      answers: ['pass-phrase', '246810'],
    });
    expect(code).toBe(ExitCode.ok);
    expect(io.questions[1]).toMatchObject({ secret: true, text: expect.stringContaining('backup code') });
    expect(loginCalls(client)).toMatchObject([
      { credentials: { passphrase: 'pass-phrase' } },
      { credentials: { passphrase: 'pass-phrase', twoFactorCode: '246810' } },
    ]);
  });

  it('does not ask again when the code given is refused', async () => {
    const client = clientAnswering(
      failed({ kind: 'two-factor-required', serverMessage: '' }),
      failed({ kind: 'two-factor-rejected', serverMessage: '' }),
    );
    const { code, io } = await runGridpass(['verify', ...site, ...login], testCliContext({ client: () => client }), { tty: true, answers: ['pw', '000000'] });
    expect(code).toBe(ExitCode.checkFailed);
    expect(io.stdout).toContain('[GP-AUTH-2FA-REJECTED]');
    expect(loginCalls(client)).toHaveLength(2);
  });

  it('without a terminal reports GP-AUTH-2FA-REQUIRED after one login and exits 1', async () => {
    const client = clientAnswering(failed({ kind: 'two-factor-required', serverMessage: '' }));
    const { code, io } = await runGridpass(['verify', ...site, ...login, '--passphrase-stdin', '--json'], testCliContext({ client: () => client }), { stdin: 'pw\n' });
    expect(code).toBe(ExitCode.checkFailed);
    expect(JSON.parse(io.stdout)).toMatchObject({ schema: 'gridpass.verify/1', ok: false, results: [{ finding: { code: 'GP-AUTH-2FA-REQUIRED' } }] });
    expect(loginCalls(client)).toHaveLength(1);
  });

  it('sends a code piped in with --2fa-stdin (the line after the passphrase) with the first login', async () => {
    const client = clientAnswering(succeeded(humanUser()));
    const { code } = await runGridpass(['verify', ...site, ...login, '--passphrase-stdin', '--2fa-stdin'], testCliContext({ client: () => client }), { stdin: 'pw\n135 791\n' });
    expect(code).toBe(ExitCode.ok);
    expect(loginCalls(client)).toMatchObject([{ credentials: { passphrase: 'pw', twoFactorCode: '135791' } }]);
  });

  it('refuses a code given on the command line, before anything is sent, without repeating it', async () => {
    const client = clientAnswering(succeeded(humanUser()));
    const { code, io } = await runGridpass(['verify', ...site, ...login, '--passphrase-stdin', '--2fa-code', '246802'], testCliContext({ client: () => client }), { stdin: 'pw\n' });
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain('--2fa-stdin');
    expect(io.stderr).not.toContain('246802');
    expect(client.calls).toHaveLength(0);
  });

  it('treats a blank piped code as a usage error and sends no login', async () => {
    const client = clientAnswering(succeeded(humanUser()));
    const { code, io } = await runGridpass(['verify', ...site, ...login, '--passphrase-stdin', '--2fa-stdin'], testCliContext({ client: () => client }), { stdin: 'pw\n  \n' });
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain('No two-step verification code on the second line');
    expect(loginCalls(client)).toHaveLength(0);
  });

  it('treats a blank code typed at the prompt as a usage error: the passphrase is not sent again', async () => {
    const client = clientAnswering(failed({ kind: 'two-factor-required', serverMessage: '' }));
    const { code } = await runGridpass(['verify', ...site, ...login], testCliContext({ client: () => client }), { tty: true, answers: ['pw', ''] });
    expect(code).toBe(ExitCode.usage);
    expect(loginCalls(client)).toHaveLength(1);
  });

  it('offers gridpass whoami as the first step of a refusal when the site has browser sign-in, and only then', async () => {
    const refusal = failed<HumanUserRecord>({ kind: 'auth-rejected', code: 102, serverMessage: 'Can\'t authenticate user' });
    const withLauncher = await runGridpass(['verify', ...site, ...login, '--passphrase-stdin', '--json'], testCliContext({ client: () => clientAnswering(refusal) }), { stdin: 'pw\n' });
    const steps = (run: typeof withLauncher) => (JSON.parse(run.io.stdout) as { results: Array<{ finding: { steps: Array<{ text: string }> } }> }).results[0]!.finding.steps;
    expect(steps(withLauncher)[0]?.text).toContain('"gridpass whoami --site mystudio.shotgrid.autodesk.com"');
    const withoutClient = createFakeShotgridClient({ probe: succeeded(siteInfo({ appSessionLauncher: false })), verifyLogin: refusal });
    const without = await runGridpass(['verify', ...site, ...login, '--passphrase-stdin', '--json'], testCliContext({ client: () => withoutClient }), { stdin: 'pw\n' });
    expect(steps(without).map((step) => step.text).join('\n')).not.toContain('whoami');
  });

  it('never retries a refused passphrase', async () => {
    const client = clientAnswering(failed({ kind: 'auth-rejected', code: 102, serverMessage: 'Can\'t authenticate user' }));
    const { code, io } = await runGridpass(['verify', ...site, ...login], testCliContext({ client: () => client }), { tty: true, answers: ['wrong'] });
    expect(code).toBe(ExitCode.checkFailed);
    expect(io.stdout).toContain('[GP-AUTH-NO-PAT]');
    expect(loginCalls(client)).toHaveLength(1);
    expect(io.questions).toHaveLength(1);
  });

  it('reports a site that cannot be reached before asking for any secret', async () => {
    const client = createFakeShotgridClient({ probe: failed({ kind: 'timeout', afterMs: 2000 }) });
    const { code, io } = await runGridpass(['verify', ...site, ...login], testCliContext({ client: () => client }), { tty: true });
    expect(code).toBe(ExitCode.checkFailed);
    expect(io.stdout).toContain('[GP-NET-TIMEOUT]');
    expect(io.questions).toEqual([]);
  });

  it('treats Ctrl-C at the 2FA prompt as a cancel: no second login, exit 2, no pointer to --help', async () => {
    const client = clientAnswering(failed({ kind: 'two-factor-required', serverMessage: '' }));
    const { code, io } = await runGridpass(['verify', ...site, ...login], testCliContext({ client: () => client }), { tty: true, answers: ['pw', null] });
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toMatch(/\ngridpass: Cancelled: the login was not tried with a code\.\n$/);
    expect(io.stderr).not.toContain('See:');
    expect(io.stdout).toBe('');
    expect(loginCalls(client)).toHaveLength(1);
  });

  it('treats Ctrl-C at the passphrase prompt as a cancel, without a pointer to --help', async () => {
    const client = clientAnswering();
    const { code, io } = await runGridpass(['verify', ...site, ...login], testCliContext({ client: () => client }), { tty: true, answers: [null] });
    expect(code).toBe(ExitCode.usage);
    // After the live line of the probe has been cleared from the terminal.
    expect(io.stderr.split('\r\u001b[2K').at(-1)).toBe('gridpass: Cancelled: the login was not tried.\n');
    expect(loginCalls(client)).toEqual([]);
  });

  it('on a terminal, --passphrase-stdin still asks without echo instead of reading the echoing terminal', async () => {
    const client = clientAnswering(succeeded(humanUser()));
    const { code, io } = await runGridpass(['verify', ...site, ...login, '--passphrase-stdin'], testCliContext({ client: () => client }), {
      tty: true, answers: ['typed-secret'],
    });
    expect(code).toBe(ExitCode.ok);
    expect(io.stdinReads).toBe(0);
    expect(io.questions).toEqual([{ text: 'Legacy passphrase (not shown as you type): ', secret: true }]);
  });

  it('sends a pasted login without the blanks around it', async () => {
    const client = clientAnswering(succeeded(humanUser()));
    const { code } = await runGridpass(['verify', ...site, '--login', ' ana@studio.example\t', '--passphrase-stdin'], testCliContext({ client: () => client }), {
      stdin: 'pw\n',
    });
    expect(code).toBe(ExitCode.ok);
    expect(loginCalls(client)).toMatchObject([{ credentials: { login: 'ana@studio.example' } }]);
  });

  it.each([
    ['ana@studio.example typed-secret-2209', 'has a space in it'],
    ['https://mystudio.shotgrid.autodesk.com', 'looks like a web address'],
    ['a'.repeat(3000), 'too long for a ShotGrid login'],
  ])('refuses the login %j before anything is sent, read or counted', async (badLogin, message) => {
    const client = clientAnswering();
    const context = testCliContext({ client: () => client });
    const { code, io } = await runGridpass(['verify', ...site, '--login', badLogin, '--passphrase-stdin'], context, { stdin: 'pw\n' });
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain(message);
    expect(io.stderr).not.toContain('typed-secret-2209');
    expect(io.stderr.length).toBeLessThan(600);
    expect(client.calls).toEqual([]);
    expect(io.stdinReads).toBe(0);
  });

  it('keeps secrets out of everything it prints, even when the site echoes them back', async () => {
    const passphrase = plantedSecret('passphrase');
    const twoFactorCode = plantedSecret('code');
    const client = clientAnswering(failed({ kind: 'fault', code: 999, serverMessage: `bad ${passphrase} and ${twoFactorCode}` }));
    const { code, io } = await runGridpass(['verify', ...site, ...login, '--passphrase-stdin', '--2fa-stdin'], testCliContext({ client: () => client }), {
      stdin: `${passphrase}\n${twoFactorCode}\n`,
    });
    expect(code).toBe(ExitCode.checkFailed);
    expect(io.stdout).toContain('[redacted]');
    for (const secret of [passphrase, twoFactorCode]) expect(io.stdout + io.stderr).not.toContain(secret);
  });
});

describe('gridpass verify (a script key)', () => {
  it('reads the key from stdin and shows whom the script may act as', async () => {
    const client = createFakeShotgridClient({
      probe: succeeded(siteInfo()),
      verifyScriptKey: succeeded({ scriptName: 'publisher', apiUserId: null, sudoAs: humanUser({ login: 'rin', name: 'Rin Tanaka' }) }),
    });
    const { code, io } = await runGridpass(['verify', ...site, '--script', 'publisher', '--key-stdin', '--sudo-as', 'rin'], testCliContext({ client: () => client }), {
      stdin: 'key-123\n',
    });
    expect(code).toBe(ExitCode.ok);
    expect(client.calls[1]).toMatchObject({ method: 'verifyScriptKey', credentials: { scriptName: 'publisher', scriptKey: 'key-123', sudoAsLogin: 'rin' } });
    expect(io.stdout).toContain('The script key for "publisher" works.');
    expect(io.stdout).toMatch(/may act as[\s\S]*Rin Tanaka/);
  });

  it('drops blanks pasted around the key, and refuses a key with a blank inside without sending it', async () => {
    const client = createFakeShotgridClient({ probe: succeeded(siteInfo()), verifyScriptKey: succeeded({ scriptName: 'publisher', apiUserId: 3, sudoAs: null }) });
    const trimmed = await runGridpass(['verify', ...site, '--script', 'publisher', '--key-stdin'], testCliContext({ client: () => client }), { stdin: ' key-123 \n' });
    expect(trimmed.code).toBe(ExitCode.ok);
    expect(client.calls[1]).toMatchObject({ method: 'verifyScriptKey', credentials: { scriptKey: 'key-123' } });
    const spaced = await runGridpass(['verify', ...site, '--script', 'publisher', '--key-stdin'], testCliContext({ client: () => client }), { stdin: 'key-planted 77\n' });
    expect(spaced.code).toBe(ExitCode.usage);
    expect(spaced.io.stderr).toContain('The script key has a space in it');
    expect(spaced.io.stderr).not.toContain('key-planted');
    expect(client.calls.filter((call) => call.method === 'verifyScriptKey')).toHaveLength(1);
  });

  it('reports a refused key as GP-AUTH-BAD-SCRIPT-KEY', async () => {
    const client = createFakeShotgridClient({ probe: succeeded(siteInfo()), verifyScriptKey: failed({ kind: 'auth-rejected', code: 102, serverMessage: '' }) });
    const { code, io } = await runGridpass(['verify', ...site, '--script', 'publisher', '--key-stdin'], testCliContext({ client: () => client }), { stdin: 'k' });
    expect(code).toBe(ExitCode.checkFailed);
    expect(io.stdout).toContain('[GP-AUTH-BAD-SCRIPT-KEY]');
  });
});

describe('gridpass verify usage', () => {
  it.each([
    [['verify', ...site], 'exactly one of them'],
    [['verify', ...site, ...login, '--script', 'x'], 'exactly one of them'],
    [['verify', ...login, '--passphrase-stdin'], 'Give the site address with --site'],
    [['verify', ...site, ...login, '--key-stdin'], '--key-stdin goes with --script'],
    [['verify', ...site, '--script', 'x', '--2fa-stdin'], '--2fa-stdin goes with --login'],
    [['verify', '--saved', '--sudo-as', 'x'], '--sudo-as goes with --script'],
    [['verify', '--site', 'https://user:pw@mystudio.example', ...login], 'Leave your login and password out of the site address'],
    [['verify', ...site, ...login, '--passphrase', 'hunter2'], 'There is no --passphrase option'],
    [['verify', ...site, '--script', 'publisher', '--sudo-as', 'jane doe'], '--sudo-as has a space in it'],
    [['verify', ...site, '--script', 'https://mystudio.shotgrid.autodesk.com'], '--script looks like a web address'],
    [['verify', ...site, '--login'], '--login needs a value.'],
  ])('%j is a usage error', async (args, message) => {
    const { code, io } = await runGridpass(args);
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain(message);
    expect(io.stderr).toContain('See: gridpass verify --help');
    expect(io.stderr).not.toContain('hunter2');
  });
});
