import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../src/cli/exit-codes';
import { runGridpass, testCliContext } from '../../../fixtures/cli-io';
import { createFakeShotgridClient, failed, siteInfo, succeeded } from '../../../fixtures/fake-shotgrid-client';

describe('gridpass site', () => {
  it('describes an Autodesk Identity site and what its people need (passphrase and bound PAT)', async () => {
    const client = createFakeShotgridClient({ probe: succeeded(siteInfo({ loginMethod: 'oxygen', unifiedLoginFlow: true, appSessionLauncher: false })) });
    const { code, io } = await runGridpass(['site', 'mystudio'], testCliContext({ client: () => client }));
    expect(code).toBe(ExitCode.ok);
    expect(client.calls).toMatchObject([{ method: 'probe', site: { origin: 'https://mystudio.shotgrid.autodesk.com' } }]);
    expect(io.stdout).toMatch(/Login method +Autodesk Identity \(oxygen\)/);
    expect(io.stdout).toMatch(/ShotGrid version +8\.89\.0\.9724/);
    expect(io.stdout).toMatch(/Unified login flow +on/);
    expect(io.stdout).toMatch(/App Session Launcher +off/);
    expect(io.stdout).toContain('legacy passphrase');
    expect(io.stdout).toContain('click Bind');
  });

  it('prints one JSON document with the site facts and the login guide', async () => {
    const client = createFakeShotgridClient({ probe: succeeded(siteInfo({ loginMethod: 'saml2', rawLoginMethod: 'saml2' })) });
    const { code, io } = await runGridpass(['site', 'mystudio', '--json', '--timeout', '3'], testCliContext({ client: () => client }));
    expect(code).toBe(ExitCode.ok);
    expect(client.calls[0]).toMatchObject({ options: { timeoutMs: 3000 } });
    expect(JSON.parse(io.stdout)).toMatchObject({
      schema: 'gridpass.site/1',
      ok: true,
      site: { address: 'https://mystudio.shotgrid.autodesk.com', loginMethod: 'saml2', version: '8.89.0.9724' },
      loginMethodDescription: 'Single sign-on (SSO)',
      apiLogins: { passwordLogins: 'refused-sso' },
      finding: null,
    });
  });

  it('warns about a login method it does not know, without failing', async () => {
    const client = createFakeShotgridClient({ probe: succeeded(siteInfo({ loginMethod: null, rawLoginMethod: 'kerberos' })) });
    const { code, io } = await runGridpass(['site', 'mystudio', '--json'], testCliContext({ client: () => client }));
    expect(code).toBe(ExitCode.ok);
    expect(JSON.parse(io.stdout)).toMatchObject({ finding: { code: 'GP-METHOD-UNKNOWN' }, apiLogins: { passwordLogins: 'unknown' } });
  });

  it('turns a failure into a finding and exit 1', async () => {
    const client = createFakeShotgridClient({ probe: failed({ kind: 'maintenance', status: 503 }) });
    const { code, io } = await runGridpass(['site', 'mystudio'], testCliContext({ client: () => client }));
    expect(code).toBe(ExitCode.checkFailed);
    expect(io.stdout).toContain('[GP-SITE-MAINTENANCE]');
    expect(io.stdout).toContain('What to do:');
  });

  it.each([
    [['site'], 'Give the site address, for example: gridpass site mystudio.shotgrid.autodesk.com\n'],
    [['site', 'javascript:alert(1)'], 'not javascript:'],
    [['site', 'jane:typed-secret@mystudio'], 'Leave your login and password out of the site address'],
    [['site', 'my studio'], 'has a space in it'],
    [['site', 'x'.repeat(3000)], 'too long to be a site address'],
    [['site', 'a', 'b'], 'Give one site address'],
    [['site', 'ftp://mystudio'], 'start with https://'],
    [['site', 'mystudio', '--timeout', 'soon'], '--timeout takes a number'],
  ])('%j is a usage error', async (args, message) => {
    const { code, io } = await runGridpass(args);
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain(message);
    expect(io.stderr).not.toContain('typed-secret');
    expect(io.stderr.length).toBeLessThan(400);
  });
});
