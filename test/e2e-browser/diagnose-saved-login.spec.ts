import { practiceAccount } from '../fixtures/practice-site';
import { checkList, checkRow } from '../fixtures/browser/diagnose-screen';
import { givenSavedLogin } from '../fixtures/browser/given-saved-login';
import { expectNoSecretsInPage } from '../fixtures/browser/secrets-in-page';
import { expect, test } from '../fixtures/browser/real-gridpass-app';

test.describe('diagnosing a saved login', () => {
  test('a login that stopped working: live progress, the cause, and a redacted report to copy and save', async ({ app, realService }) => {
    const { page } = app;
    const { site, vault } = realService;
    const maya = practiceAccount(site, 'works');
    const account = await givenSavedLogin(realService, 'works');
    // Maya changed her passphrase on the site since; the keychain still holds the old one.
    const stale = 'copper-lantern-41';
    await vault.save({ kind: 'passphrase', host: account.host, login: maya.login }, stale);
    // A slow site, so the checks are seen one by one.
    site.setFaults({ latencyMs: 300 });
    site.log.clear();

    await app.open('accounts');
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Diagnose' })).toBeFocused();
    await expect(page.getByRole('radio', { name: 'A saved login' })).toBeChecked();
    await expect(page.getByLabel('Saved login', { exact: true })).toHaveValue(account.id);
    await page.getByRole('button', { name: 'Run the checks' }).click();

    await expect(checkList(page)).toHaveAttribute('aria-busy', 'true');
    await expect(checkList(page).getByText('Checking')).toBeVisible();
    await expect(checkList(page).getByText('Waiting').first()).toBeVisible();
    await app.screenshot('diagnose-running', { fullPage: true });

    const verdict = page.locator('section.verdict');
    await expect(page.getByRole('button', { name: 'Copy report' })).toBeVisible({ timeout: 15_000 });
    await expect(checkList(page)).toHaveAttribute('aria-busy', 'false');
    await expect(checkRow(page, 'Login')).toContainText('Failed');
    await expect(checkRow(page, 'ShotGrid site')).toContainText('Passed');
    await expect(verdict).toContainText('GP-AUTH-NO-PAT');
    await expect(page.getByText(/^Checks finished\./)).toBeAttached();
    // One sign-in with the stale passphrase, and no retry.
    expect(site.log.credentialedCount(maya.login)).toBe(1);
    await app.screenshot('diagnose-done', { fullPage: true });
    await app.expectAccessible();

    await page.getByRole('button', { name: 'Copy report' }).click();
    await expect(page.getByText('Report copied.')).toBeVisible();
    const report = realService.clipboard.text;
    expect(report).toMatch(/^# /);
    expect(report).toContain('GP-AUTH-NO-PAT');
    expect(report).toContain(maya.login);
    expect(report).not.toContain(stale);
    expect(report).not.toContain(maya.passphrase);

    await page.getByRole('button', { name: 'Save report…' }).click();
    await expect(page.getByText(/^Report saved to .+\.$/)).toBeVisible();
    expect([...realService.savedFiles.values()]).toEqual([report]);

    await page.getByRole('button', { name: 'Show report' }).click();
    const preview = page.getByLabel('Report text');
    await expect(preview).toContainText('GP-AUTH-NO-PAT');
    // Read as a document, not as Markdown source.
    await expect(preview.getByRole('heading', { name: 'Gridpass support report' })).toBeVisible();
    await expect(preview.getByRole('table').getByRole('columnheader', { name: 'Status' })).toBeVisible();
    expect(await preview.innerText()).not.toMatch(/^#|\| --- \||\*\*/m);
    await expectNoSecretsInPage(page, [stale, maya.passphrase!]);
    await app.screenshot('diagnose-report', { fullPage: true });
    await app.expectAccessible();
  });
});
