import { describe, expect, it } from 'vitest';
import { healthNotice } from '../../../src/app-shell/health-notice';
import type { Finding } from '../../../src/ipc/contract';
import { accountView } from '../../fixtures/account-view';

const noPat: Finding = { code: 'GP-AUTH-NO-PAT', severity: 'error', title: 'No Personal Access Token is bound to this login', explanation: '', steps: [] };
const locked: Finding = { code: 'GP-AUTH-LOCKED', severity: 'error', title: 'The account is locked', explanation: '', steps: [] };

describe('healthNotice', () => {
  it('tells the person when a scheduled check finds a working login broken, and offers the fix', () => {
    const notice = healthNotice(accountView(), accountView({ health: 'failing', lastFinding: noPat, checksPaused: true }));
    expect(notice).toEqual({
      title: 'Your ShotGrid login stopped working',
      body: 'alex on mystudio.shotgrid.autodesk.com: No Personal Access Token is bound to this login. Automatic checks are paused so the account is not locked.',
      target: { screen: 'diagnose', accountId: 'mystudio.shotgrid.autodesk.com|alex' },
    });
  });

  it('stays quiet while the same problem persists, and speaks when it changes', () => {
    const failing = accountView({ health: 'failing', lastFinding: noPat });
    expect(healthNotice(failing, accountView({ health: 'failing', lastFinding: noPat, lastCheckReason: 'resume' }))).toBeNull();
    expect(healthNotice(failing, accountView({ health: 'failing', lastFinding: locked }))?.body).toContain('The account is locked.');
  });

  it('says nothing about working logins or about checks the person ran', () => {
    expect(healthNotice(undefined, accountView())).toBeNull();
    expect(healthNotice(accountView(), accountView({ health: 'failing', lastFinding: noPat, lastCheckReason: 'manual' }))).toBeNull();
    expect(healthNotice(accountView(), accountView({ health: 'failing', lastFinding: noPat, lastCheckReason: null }))).toBeNull();
  });

  it('sends a login whose passphrase vanished from the keychain back to the wizard', () => {
    const notice = healthNotice(accountView(), accountView({ health: 'attention', secretMissing: true, lastCheckReason: 'startup' }));
    expect(notice).toMatchObject({
      title: 'Your ShotGrid login needs attention',
      body: 'alex on mystudio.shotgrid.autodesk.com: Gridpass cannot read the saved passphrase from the keychain.',
      target: { screen: 'wizard', site: 'https://mystudio.shotgrid.autodesk.com' },
    });
  });

  it('leaves network and site trouble to the tray colour, but speaks when the keychain cannot serve the login', () => {
    const maintenance: Finding = { code: 'GP-SITE-MAINTENANCE', severity: 'warning', title: 'The site is down for maintenance', explanation: '', steps: [] };
    const keychainLocked: Finding = { code: 'GP-KEYCHAIN-LOCKED', severity: 'error', title: 'The keychain is locked', explanation: '', steps: [] };
    expect(healthNotice(accountView(), accountView({ health: 'attention', lastFinding: maintenance }))).toBeNull();
    expect(healthNotice(accountView(), accountView({ health: 'attention', lastFinding: keychainLocked }))?.body).toContain('The keychain is locked.');
  });
});
