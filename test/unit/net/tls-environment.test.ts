import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/diagnosis/run-checks';
import { tlsWeakeningVariables } from '../../../src/net/tls-environment';
import { environmentFacts, healthyDependencies } from '../../fixtures/diagnosis/check-dependencies';

describe('tlsWeakeningVariables', () => {
  it.each([
    [{}, []],
    [{ NODE_TLS_REJECT_UNAUTHORIZED: '1' }, []],
    [{ NODE_TLS_REJECT_UNAUTHORIZED: '0' }, ['NODE_TLS_REJECT_UNAUTHORIZED=0']],
    [{ NODE_TLS_REJECT_UNAUTHORIZED: 'false' }, ['NODE_TLS_REJECT_UNAUTHORIZED=false']],
    [{ NODE_OPTIONS: '--max-old-space-size=512 --tls-min-v1.0' }, ['NODE_OPTIONS --tls-min-v1.0']],
    [{ NODE_OPTIONS: '--max-old-space-size=512' }, []],
  ])('finds %j', (env, expected) => {
    expect(tlsWeakeningVariables(env)).toEqual(expected);
  });
});

describe('the environment check', () => {
  it('warns, naming the variable, when the environment asks to skip certificate checks', async () => {
    const deps = healthyDependencies({ environment: { ...environmentFacts(), network: { ...environmentFacts().network, ignoredTlsSettings: ['NODE_TLS_REJECT_UNAUTHORIZED=0'] } } });
    const [environment] = await runChecks({ site: null }, deps);
    expect(environment).toMatchObject({
      id: 'environment',
      status: 'warn',
      finding: { code: 'GP-ENV-TLS-OVERRIDE', severity: 'warning', explanation: expect.stringContaining('NODE_TLS_REJECT_UNAUTHORIZED=0') },
    });
    expect(environment?.details).toContain('Ignored: NODE_TLS_REJECT_UNAUTHORIZED=0 (certificate checks stay on)');
  });

  it('passes without such a setting', async () => {
    const [environment] = await runChecks({ site: null }, healthyDependencies());
    expect(environment).toMatchObject({ id: 'environment', status: 'pass', finding: null });
  });
});
