import { describe, expect, it } from 'vitest';
import type { AttemptOutcome } from '../../../src/accounts/refusal-policy';
import type { DiagnoseTarget } from '../../../src/diagnosis/check-dependencies';
import { findingFor } from '../../../src/diagnosis/finding-catalogue';
import type { SupportReport } from '../../../src/diagnosis/support-report';
import { diagnose } from '../../../src/use-cases/diagnose';
import { createFakeShotgridClient, failed, siteInfo, succeeded } from '../../fixtures/fake-shotgrid-client';
import { healthyDependencies } from '../../fixtures/diagnosis/check-dependencies';
import { identitySite } from '../../fixtures/diagnosis/sites';
import { plantedSecret } from '../../fixtures/plant-secret';

const passphrase = plantedSecret('use-case-passphrase');

function request(target: DiagnoseTarget, overrides: { client?: ReturnType<typeof createFakeShotgridClient> } = {}) {
  const order: string[] = [];
  const attempts: AttemptOutcome[] = [];
  return {
    order,
    attempts,
    run: () => diagnose({
      target,
      deps: healthyDependencies(overrides.client === undefined ? {} : { client: overrides.client }),
      findingContext: (loginMethod) => ({ loginMethod, site: target.site }),
      secrets: [passphrase],
      now: () => new Date('2026-03-02T09:00:00Z'),
      onReport: (_report: SupportReport) => order.push('report'),
      recordLoginAttempt: async (attempt) => {
        order.push(`record ${attempt.kind}`);
        attempts.push(attempt);
        return attempt.kind;
      },
    }),
  };
}

describe('diagnose: the one pipeline behind the Diagnose screen and gridpass doctor', () => {
  it('runs the checks, sums them up in a redacted report, then records the one try of the login', async () => {
    const target: DiagnoseTarget = { site: identitySite, login: 'ana@studio.example', passphrase };
    const client = createFakeShotgridClient({
      probe: succeeded(siteInfo({ loginMethod: 'oxygen' })),
      verifyLogin: failed({ kind: 'auth-rejected', code: 102, serverMessage: `Can't authenticate user 'ana' with ${passphrase}.` }),
    });
    const { order, attempts, run } = request(target, { client });
    const diagnosis = await run();
    expect(diagnosis.verdict).toMatchObject({ ok: false, finding: { code: 'GP-AUTH-NO-PAT' } });
    expect(diagnosis.report.verdict.code).toBe('GP-AUTH-NO-PAT');
    expect(JSON.stringify(diagnosis.report)).not.toContain(passphrase);
    expect(order).toEqual(['report', 'record failed']);
    expect(attempts).toHaveLength(1);
    expect(diagnosis.recorded).toBe('failed');
    expect(client.calls.filter((call) => call.method === 'verifyLogin')).toHaveLength(1);
    expect(target.passphrase).toBeUndefined();
  });

  it('records nothing when the login was not tried', async () => {
    const { order, run } = request({ site: identitySite });
    const diagnosis = await run();
    expect(diagnosis.recorded).toBeNull();
    expect(order).toEqual(['report']);
  });

  it('makes a finding about the input itself the verdict', async () => {
    const inputFinding = findingFor('GP-INPUT-SITE', { loginMethod: null, site: null }, { detail: 'not an address' });
    const diagnosis = await diagnose({
      target: { site: null },
      deps: healthyDependencies(),
      findingContext: (loginMethod) => ({ loginMethod, site: null }),
      inputFinding,
      secrets: [],
      now: () => new Date('2026-03-02T09:00:00Z'),
      recordLoginAttempt: async () => null,
    });
    expect(diagnosis.verdict).toEqual({ ok: false, headline: inputFinding.title, finding: inputFinding });
  });
});
