/**
 * A diagnosis that knows who the person is (browser sign-in): a login that would surely be refused is not
 * sent, a refusal is narrowed, and the report names the signed-in person and nothing of the session.
 */
import { describe, expect, it } from 'vitest';
import type { CheckId, CheckResult } from '../../../src/diagnosis/check-result';
import { diagnoseVerdict, runDiagnosis, type DiagnoseTarget } from '../../../src/diagnosis/run-checks';
import { buildSupportReport, renderReportJson, renderReportMarkdown, siteFactsFrom } from '../../../src/diagnosis/support-report';
import type { SignedInPerson } from '../../../src/shotgrid/signed-in-person';
import { environmentFacts, fixedNow, healthyDependencies } from '../../fixtures/diagnosis/check-dependencies';
import { identitySite } from '../../fixtures/diagnosis/sites';
import { createFakeShotgridClient, failed, siteInfo, succeeded } from '../../fixtures/fake-shotgrid-client';
import { plantedSecret } from '../../fixtures/plant-secret';

const passphrase = plantedSecret('signed-in-diagnosis');
const jane: SignedInPerson = {
  id: 112, login: 'jdoe', name: 'Jane Doe', email: 'jane.doe@studio.example', status: 'act', permissionGroup: 'Artist',
  lockedUntil: null, lockedUntilReadable: true,
};

/** The site refuses every password, as it does for a wrong passphrase on an Identity site. */
function refusingClient() {
  return createFakeShotgridClient({
    probe: succeeded(siteInfo({ serverDate: new Date(fixedNow.getTime() - 2_000) })),
    verifyLogin: failed({ kind: 'auth-rejected', code: 102, serverMessage: 'Can\'t authenticate user' }),
  });
}

async function diagnoseAs(person: SignedInPerson, login: string) {
  const client = refusingClient();
  const target: DiagnoseTarget = { site: identitySite, login, passphrase, signedIn: person };
  const run = await runDiagnosis(target, healthyDependencies({ client }));
  const sent = client.calls.filter((call) => call.method === 'verifyLogin').length;
  return { ...run, sent, byId: (id: CheckId) => run.results.find((result) => result.id === id) as CheckResult };
}

describe('a diagnosis with the signed-in person', () => {
  it('does not send the passphrase for another person\'s login, and names the right one', async () => {
    const { byId, sent, results } = await diagnoseAs(jane, 'jane.doe@studio.example');
    expect(sent).toBe(0);
    expect(byId('credentials')).toMatchObject({ status: 'fail', summary: 'Not sent: the signed-in person\'s login is "jdoe", not "jane.doe@studio.example"' });
    expect(byId('credentials').finding?.code).toBe('GP-AUTH-WRONG-LOGIN');
    expect(byId('account')).toMatchObject({ status: 'skipped' });
    expect(diagnoseVerdict(results).finding?.title).toBe('Your login on this site is "jdoe"');
  });

  it('an inactive account: not sent, and the account check says so from the person\'s own record', async () => {
    const { byId, sent, results } = await diagnoseAs({ ...jane, status: 'dis' }, 'jdoe');
    expect(sent).toBe(0);
    expect(byId('credentials')).toMatchObject({ status: 'skipped', summary: 'not sent: the account is not active on this site' });
    expect(byId('account')).toMatchObject({ status: 'fail' });
    expect(byId('account').finding?.code).toBe('GP-ACCOUNT-INACTIVE');
    expect(byId('account').details).toContain('From the browser sign-in: status dis');
    expect(diagnoseVerdict(results).finding?.code).toBe('GP-ACCOUNT-INACTIVE');
  });

  it('a locked account: not sent, with the end of the lock in local time and from now', async () => {
    const lockedUntil = new Date(fixedNow.getTime() + 42 * 60_000).toISOString();
    const { byId, sent } = await diagnoseAs({ ...jane, lockedUntil }, 'JDoe');
    expect(sent).toBe(0);
    expect(byId('account').finding?.code).toBe('GP-ACCOUNT-LOCKED');
    expect(byId('account').summary).toMatch(/^The account is locked until (\d+ \w+, )?\d\d:\d\d \(in 42 minutes\)$/);
    expect(byId('credentials').summary).toMatch(/^not sent: the account is locked until (\d+ \w+, )?\d\d:\d\d \(in 42 minutes\)$/);
  });

  it('a lock that is over no longer holds the passphrase back', async () => {
    const { sent, byId } = await diagnoseAs({ ...jane, lockedUntil: new Date(fixedNow.getTime() - 60_000).toISOString() }, 'jdoe');
    expect(sent).toBe(1);
    expect(byId('credentials').finding?.code).toBe('GP-AUTH-NO-PAT');
  });

  it('the right login refused: sent once, narrowed to the passphrase and the token, and the account read from the sign-in', async () => {
    const { byId, sent } = await diagnoseAs(jane, 'jdoe');
    expect(sent).toBe(1);
    const finding = byId('credentials').finding;
    expect(finding?.code).toBe('GP-AUTH-NO-PAT');
    expect(finding?.explanation).toContain('You confirmed in the browser that you are Jane Doe, legacy login "jdoe"');
    expect(finding?.steps.map((step) => step.text).join(' ')).not.toContain('Let Gridpass find out which');
    expect(byId('account')).toMatchObject({ status: 'pass', summary: 'Active, not locked (from the browser sign-in)' });
  });

  it('where the site hides the lock, says so rather than "not locked"', async () => {
    const { byId } = await diagnoseAs({ ...jane, lockedUntilReadable: false }, 'jdoe');
    expect(byId('account')).toMatchObject({ status: 'pass', summary: 'Active, lock not readable (from the browser sign-in)' });
  });
});

describe('the support report of such a run', () => {
  it('names the signed-in person in Markdown and JSON, field by field', async () => {
    const { results, siteInfo: info } = await diagnoseAs(jane, 'jane.doe@studio.example');
    const withExtra = { ...jane, sessionToken: plantedSecret('session-token-in-person') } as SignedInPerson;
    const report = buildSupportReport({
      generatedAt: fixedNow, environment: environmentFacts(), site: siteFactsFrom(identitySite, info), login: 'jane.doe@studio.example',
      signedIn: withExtra, results, verdict: diagnoseVerdict(results), secrets: [passphrase],
    });
    expect(report.signedIn).toEqual({
      login: 'jdoe', name: 'Jane Doe', email: 'jane.doe@studio.example', status: 'act', permissionGroup: 'Artist', lockedUntil: null, lockedUntilReadable: true,
    });
    const markdown = renderReportMarkdown(report);
    expect(markdown).toContain('- Signed in through the browser as: Jane Doe, legacy login jdoe; email jane.doe@studio.example; status act; permission group Artist; not locked');
    const json = renderReportJson(report);
    expect(JSON.parse(json)).toMatchObject({ login: 'jane.doe@studio.example', signedIn: { login: 'jdoe' }, verdict: { code: 'GP-AUTH-WRONG-LOGIN' } });
    for (const text of [markdown, json]) {
      expect(text).not.toContain('planted-session-token');
      expect(text).not.toContain(passphrase);
    }
  });

  it('without a sign-in, says nothing about one', () => {
    const report = buildSupportReport({
      generatedAt: fixedNow, environment: environmentFacts(), site: null, results: [], verdict: { ok: true, headline: 'x', finding: null },
    });
    expect(report.signedIn).toBeNull();
    expect(renderReportMarkdown(report)).not.toContain('Signed in through the browser');
    expect(JSON.parse(renderReportJson(report))).toMatchObject({ signedIn: null });
  });
});
