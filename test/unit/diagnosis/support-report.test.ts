import { describe, expect, it } from 'vitest';
import { checkIds } from '../../../src/diagnosis/check-result';
import { helpLinks } from '../../../src/diagnosis/help-links';
import { diagnoseVerdict, runChecks } from '../../../src/diagnosis/run-checks';
import {
  buildSupportReport,
  renderReportJson,
  renderReportMarkdown,
  siteFactsFrom,
  supportReportSchema,
  type SupportReport,
} from '../../../src/diagnosis/support-report';
import { createFakeShotgridClient, failed, siteInfo, succeeded } from '../../fixtures/fake-shotgrid-client';
import { environmentFacts, fixedNow, healthyDependencies } from '../../fixtures/diagnosis/check-dependencies';
import { identitySite } from '../../fixtures/diagnosis/sites';
import { plantedSecret } from '../../fixtures/plant-secret';

const passphrase = plantedSecret('passphrase', { spice: 'Q7x!' });
const twoFactorCode = '918273';
const proxySecret = plantedSecret('proxy-pw');
const pat = plantedSecret('pat');

/** A run where the site refuses the login and its message echoes what was sent, as a misbehaving proxy page might. */
async function refusedLoginReport(): Promise<{ report: SupportReport; secrets: string[] }> {
  const info = siteInfo({ loginMethod: 'oxygen', serverDate: new Date(fixedNow.getTime() - 1_000) });
  const client = createFakeShotgridClient({
    probe: succeeded(info),
    verifyLogin: failed({
      kind: 'auth-rejected',
      code: 102,
      serverMessage: `Can't authenticate user 'ana'. (you sent ${passphrase} with code ${twoFactorCode}; PAT ${pat})`,
    }),
  });
  const environment = environmentFacts({ proxy: `http://jo:${proxySecret}@proxy.corp:3128`, noProxy: 'localhost' });
  const target = { site: identitySite, login: 'ana@studio.example', passphrase, twoFactorCode };
  const results = await runChecks(target, healthyDependencies({ client, environment }));
  const secrets = [passphrase, twoFactorCode, pat];
  const report = buildSupportReport({
    generatedAt: fixedNow,
    environment,
    site: siteFactsFrom(identitySite, info),
    login: target.login,
    results,
    verdict: diagnoseVerdict(results),
    secrets,
  });
  return { report, secrets };
}

function expectNoSecrets(text: string): void {
  for (const secret of [passphrase, twoFactorCode, proxySecret, pat, encodeURIComponent(passphrase)]) expect(text).not.toContain(secret);
}

describe('buildSupportReport', () => {
  it('carries the verdict, the site, the login and every check', async () => {
    const { report } = await refusedLoginReport();
    expect(report.schema).toBe(supportReportSchema);
    expect(report.generatedAt).toBe(fixedNow.toISOString());
    expect(report.verdict).toMatchObject({ ok: false, code: 'GP-AUTH-NO-PAT' });
    expect(report.site).toEqual({
      address: identitySite.origin,
      loginMethod: 'oxygen',
      rawLoginMethod: 'oxygen',
      version: '8.89.0.9724',
      unifiedLoginFlow: true,
      appSessionLauncher: true,
    });
    expect(report.login).toBe('ana@studio.example');
    expect(report.checks.map((c) => c.id)).toEqual([...checkIds]);
    expect(report.checks.find((c) => c.id === 'credentials')?.findingCode).toBe('GP-AUTH-NO-PAT');
  });

  it('lists each finding once, the verdict\'s first', async () => {
    const { report } = await refusedLoginReport();
    const codes = report.findings.map((f) => f.code);
    expect(codes[0]).toBe('GP-AUTH-NO-PAT');
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('holds no secret anywhere in the object, and no proxy credentials', async () => {
    const { report } = await refusedLoginReport();
    expectNoSecrets(JSON.stringify(report));
    expect(report.environment.network.proxy).toBe('http://proxy.corp:3128');
    expect(report.checks.find((c) => c.id === 'credentials')?.details.join(' ')).toContain('[redacted]');
  });

  it('describes a site that never answered', () => {
    expect(siteFactsFrom(identitySite, null)).toEqual({
      address: identitySite.origin, loginMethod: null, rawLoginMethod: null, version: null, unifiedLoginFlow: null, appSessionLauncher: null,
    });
  });
});

describe('renderReportJson', () => {
  it('prints a stable shape with the GP- codes', async () => {
    const { report, secrets } = await refusedLoginReport();
    const parsed = JSON.parse(renderReportJson(report, secrets)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['schema', 'generatedAt', 'verdict', 'environment', 'site', 'login', 'signedIn', 'checks', 'findings']);
    expect(parsed.schema).toBe('gridpass.report/1');
    expect(parsed.verdict).toEqual({ ok: false, headline: report.verdict.headline, code: 'GP-AUTH-NO-PAT' });
    const checks = parsed.checks as Array<Record<string, unknown>>;
    expect(Object.keys(checks[0] ?? {})).toEqual(['id', 'name', 'status', 'summary', 'details', 'durationMs', 'findingCode']);
    const findings = parsed.findings as Array<{ code: string; steps: Array<{ text: string; link?: { url: string } }> }>;
    expect(findings[0]?.code).toBe('GP-AUTH-NO-PAT');
    expect(findings[0]?.steps.some((s) => s.link?.url === helpLinks.autodeskProfile.url)).toBe(true);
  });

  it('redacts the rendered text again, even for a report built without the secrets', async () => {
    const { report } = await refusedLoginReport();
    const leaky: SupportReport = { ...report, login: `ana password=${passphrase}` };
    const text = renderReportJson(leaky, [passphrase]);
    expectNoSecrets(text);
    expect(text).toContain('password=[redacted]');
  });
});

describe('renderReportMarkdown', () => {
  it('leads with the verdict and what to do', async () => {
    const { report, secrets } = await refusedLoginReport();
    const text = renderReportMarkdown(report, secrets);
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Gridpass support report');
    expect(lines[2]).toBe(`**Problem found: ${report.verdict.headline}** (\`GP-AUTH-NO-PAT\`)`);
    expect(text.indexOf('## What to do')).toBeLessThan(text.indexOf('## Checks'));
    expect(text).toContain('### GP-AUTH-NO-PAT: ');
    expect(text).toMatch(/^1\. Open mystudio\.shotgrid\.autodesk\.com in your browser/m);
    expect(text).toContain(`[${helpLinks.autodeskProfile.label}](${helpLinks.autodeskProfile.url})`);
    expect(text).toMatch(/^\d\. Back in "Legacy Login and Personal Access Token".*click Bind/m);
  });

  it('tabulates every check with its status and time', async () => {
    const { report, secrets } = await refusedLoginReport();
    const text = renderReportMarkdown(report, secrets);
    expect(text).toContain('| Check | Status | Time | Result |');
    for (const check of report.checks) {
      const row = text.split('\n').find((line) => line.startsWith(`| ${check.name} |`));
      expect(row).toBeDefined();
      expect(row).toContain(check.status === 'skipped' ? '| skipped |  |' : `| ${check.status.toUpperCase()} | ${check.durationMs} ms |`);
    }
    expect(text).toMatch(/\| Login \| FAIL \| \d+ ms \| .*\(`GP-AUTH-NO-PAT`\) \|/);
    expect(text).toMatch(/\| Account state \| skipped \|  \| the login was refused/);
  });

  it('shows the environment, the site and the details', async () => {
    const { report, secrets } = await refusedLoginReport();
    const text = renderReportMarkdown(report, secrets);
    expect(text).toContain('- Gridpass 0.1.0 on linux 6.8.0 (x64), Node.js 20.20.2');
    expect(text).toContain('proxy: http://proxy.corp:3128; NO_PROXY: localhost');
    expect(text).toContain(`- Site: ${identitySite.origin}, ShotGrid 8.89.0.9724`);
    expect(text).toContain('- Login method: Autodesk Identity (oxygen); unified login flow on, App Session Launcher on');
    expect(text).toContain('- Login: ana@studio.example');
    expect(text).toContain('### DNS lookup (PASS)');
    expect(text).toContain('- Address: 203.0.113.10');
  });

  it('contains no secret, even one Markdown escaping would disguise', async () => {
    const { report, secrets } = await refusedLoginReport();
    expectNoSecrets(renderReportMarkdown(report, secrets));
    const starred = 'pass*with_marks`';
    const leaky: SupportReport = { ...report, login: `ana ${starred}` };
    const text = renderReportMarkdown(leaky, [starred]);
    expect(text).not.toContain('with_marks');
    expect(text).not.toContain('with\\_marks');
    expect(text).toContain('- Login: ana [redacted]');
  });

  it('keeps table rows intact when a summary holds a pipe or a line break', async () => {
    const { report } = await refusedLoginReport();
    const odd: SupportReport = { ...report, checks: report.checks.map((c) => (c.id === 'site' ? { ...c, summary: 'a | b\nc' } : c)) };
    const row = renderReportMarkdown(odd).split('\n').find((line) => line.startsWith('| ShotGrid site |'));
    expect(row).toContain('a \\| b c');
  });

  it('escapes server text: no control sequence, link, image or HTML survives', async () => {
    const { report } = await refusedLoginReport();
    const hostile = 'Bad\u001b[2J login \u001b]52;c;cGxhbnRlZA==\u0007[click](https://evil.example) ![x](https://evil.example/t.png) <img src=x> ~~gone~~';
    const odd: SupportReport = { ...report, checks: report.checks.map((c) => (c.id === 'credentials' ? { ...c, summary: hostile, details: [hostile] } : c)) };
    const text = renderReportMarkdown(odd);
    expect(text).not.toContain('\u001b');
    expect(text).not.toMatch(/[^\\]\]\(https:\/\/evil/);
    expect(text).toContain('- Bad login \\[click\\](https://evil.example) !\\[x\\](https://evil.example/t.png) \\<img src=x\\> \\~\\~gone\\~\\~');
  });

  it('says when there is nothing to do', async () => {
    const results = await runChecks({ site: null }, healthyDependencies());
    const report = buildSupportReport({ generatedAt: fixedNow, environment: environmentFacts(), site: null, results, verdict: diagnoseVerdict(results) });
    const text = renderReportMarkdown(report);
    expect(text).toMatch(/^\*\*OK: No problem found on this computer; no site was checked\*\*$/m);
    expect(text).not.toContain('## What to do');
    expect(text).toContain('- Site: not given');
    expect(text).toContain('- Login: not given');
  });
});
