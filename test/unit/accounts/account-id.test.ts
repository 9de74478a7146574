import { describe, expect, it } from 'vitest';
import { accountIdFor, parseAccountId, siteOrigin } from '../../../src/accounts/account-id';

describe('account ids', () => {
  it('are host:login and stable', () => {
    expect(accountIdFor('studio.shotgrid.autodesk.com', 'jane.doe')).toBe('studio.shotgrid.autodesk.com:jane.doe');
    expect(accountIdFor('Studio.Shotgrid.Autodesk.com', 'jane.doe')).toBe('studio.shotgrid.autodesk.com:jane.doe');
  });

  it('round-trip a host with a port and a login with a colon', () => {
    const id = accountIdFor('127.0.0.1:8443', 'ops:jane');
    expect(id).toBe('127.0.0.1%3A8443:ops%3Ajane');
    expect(parseAccountId(id)).toEqual({ host: '127.0.0.1:8443', login: 'ops:jane' });
  });

  it.each(['', 'no-colon', 'a:b:c', ':jane', 'host:', 'Host:jane'])('reject %j', (id) => {
    expect(parseAccountId(id)).toBeNull();
  });
});

describe('site origins', () => {
  it('keep only the origin and take host[:port] from it', () => {
    expect(siteOrigin('https://Studio.Shotgrid.Autodesk.com/page/123')).toEqual({
      ok: true,
      origin: 'https://studio.shotgrid.autodesk.com',
      host: 'studio.shotgrid.autodesk.com',
    });
    expect(siteOrigin('http://127.0.0.1:8443')).toEqual({ ok: true, origin: 'http://127.0.0.1:8443', host: '127.0.0.1:8443' });
  });

  it('refuse what is not an http(s) address', () => {
    expect(siteOrigin('studio')).toMatchObject({ ok: false });
    expect(siteOrigin('ftp://studio.example.com')).toMatchObject({ ok: false, message: expect.stringMatching(/https/) });
  });
});
