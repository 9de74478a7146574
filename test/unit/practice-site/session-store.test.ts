import { describe, expect, it } from 'vitest';
import { api3, manualClock, passwordAuth, practiceSites, seededAccount, sessionIdOf, tokenRequest } from '../../fixtures/practice-site';

const sites = practiceSites();
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('session idle expiry', () => {
  it('keeps a session alive for the idle window and refuses it after, when reject_if_expired is sent', async () => {
    const clock = manualClock();
    const site = await sites.start({ clock: clock.now });
    const sessionId = sessionIdOf(await api3(site, 'get_session_token', passwordAuth(seededAccount('works'))));
    const auth = { session_token: sessionId, reject_if_expired: true };

    clock.advance(DAY);
    expect((await api3(site, 'get_session_token', auth)).body).toHaveProperty('results.session_id', sessionId);
    clock.advance(DAY + 1000);
    expect((await api3(site, 'get_session_token', auth)).body).toEqual({
      exception: true, error_code: 102, message: expect.stringMatching(/ending with '.{4}': the session has expired/),
    });
  });

  it('extends the window with use', async () => {
    const clock = manualClock();
    const site = await sites.start({ clock: clock.now, idleWindowSeconds: 3600 });
    const sessionId = sessionIdOf(await api3(site, 'get_session_token', passwordAuth(seededAccount('works'))));
    const auth = { session_token: sessionId, reject_if_expired: true };
    for (let hour = 0; hour < 5; hour += 1) {
      clock.advance(HOUR - 60_000);
      expect((await api3(site, 'get_session_token', auth)).body).toHaveProperty('results.session_id');
    }
  });

  it('accepts an expired session when the client does not ask for reject_if_expired', async () => {
    const clock = manualClock();
    const site = await sites.start({ clock: clock.now, idleWindowSeconds: 60 });
    const sessionId = sessionIdOf(await api3(site, 'get_session_token', passwordAuth(seededAccount('works'))));
    clock.advance(120_000);
    expect((await api3(site, 'get_session_token', { session_token: sessionId })).body).toHaveProperty('results.session_id');
  });

  it('refuses an expired session at the REST token endpoint with the recorded wording', async () => {
    const clock = manualClock();
    const site = await sites.start({ clock: clock.now, idleWindowSeconds: 60 });
    const sessionId = sessionIdOf(await api3(site, 'get_session_token', passwordAuth(seededAccount('works'))));
    clock.advance(61_000);
    const answer = await tokenRequest(site, { grant_type: 'session_token', session_token: sessionId });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ title: `Can't authenticate session token ending with '${sessionId.slice(-4)}': the session has expired` }] });
  });

  it('opens browser sessions for active people only, and they work as API3 session tokens', async () => {
    const site = await sites.start();
    const sessionId = site.openBrowserSession(seededAccount('admin').login);
    expect((await api3(site, 'get_session_token', { session_token: sessionId, reject_if_expired: true })).body)
      .toHaveProperty('results.session_id', sessionId);
    expect(() => site.openBrowserSession(seededAccount('inactive').login)).toThrow(/No active practice account/);
  });
});
