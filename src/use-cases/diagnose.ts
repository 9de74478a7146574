/**
 * One diagnosis, the way the app's Diagnose screen and `gridpass doctor` both run it: every check once
 * (the passphrase sent at most once), the verdict, the redacted support report, and the run's one try
 * of the login handed to the caller to record under the refusal policy. The app turns the result into
 * IPC views and the CLI prints it; neither builds the pipeline itself.
 */
import type { AttemptOutcome } from '../accounts/refusal-policy';
import type { CheckDependencies, DiagnoseTarget } from '../diagnosis/check-dependencies';
import type { CheckResult } from '../diagnosis/check-result';
import { diagnoseVerdict, type DiagnoseVerdict } from '../diagnosis/diagnose-verdict';
import type { Finding } from '../diagnosis/finding';
import type { FindingContext } from '../diagnosis/finding-context';
import { runDiagnosis, type CheckProgress } from '../diagnosis/run-checks';
import { buildSupportReport, siteFactsFrom, type SupportReport } from '../diagnosis/support-report';
import type { LoginMethod } from '../shotgrid/login-method';
import type { SiteInfo } from '../shotgrid/shotgrid-client';

interface DiagnoseRequest<Recorded> {
  target: DiagnoseTarget;
  deps: CheckDependencies;
  /** The finding context for the verdict, once the site has said how its people log in. */
  findingContext: (loginMethod: LoginMethod | null) => FindingContext;
  /** What was asked cannot be checked (a bad address, a login forgotten meanwhile): this is the verdict. */
  inputFinding?: Finding | null;
  /** Secrets used in the run, removed from the report wherever they appear. */
  secrets: readonly string[];
  now: () => Date;
  onProgress?: CheckProgress;
  /** The report is ready, before the login's try is recorded (which may take a moment). */
  onReport?: (report: SupportReport) => void;
  /** The run tried the login once: the caller records it under the refusal policy. */
  recordLoginAttempt: (attempt: AttemptOutcome) => Promise<Recorded>;
}

interface Diagnosis<Recorded> {
  results: CheckResult[];
  siteInfo: SiteInfo | null;
  verdict: DiagnoseVerdict;
  report: SupportReport;
  /** What recording the login's try gave back; null when the login was not tried. */
  recorded: Recorded | null;
}

export async function diagnose<Recorded>(request: DiagnoseRequest<Recorded>): Promise<Diagnosis<Recorded>> {
  const { target, deps } = request;
  const { results, siteInfo, loginAttempt } = await runDiagnosis(target, deps, request.onProgress);
  // The passphrase was needed for one attempt only; the target no longer holds it.
  target.passphrase = undefined;
  const inputFinding = request.inputFinding ?? null;
  const verdict = inputFinding === null
    ? diagnoseVerdict(results, request.findingContext(siteInfo?.loginMethod ?? null))
    : { ok: false, headline: inputFinding.title, finding: inputFinding };
  const report = buildSupportReport({
    generatedAt: request.now(),
    environment: deps.environment,
    site: target.site === null ? null : siteFactsFrom(target.site, siteInfo),
    login: target.login ?? null,
    signedIn: target.signedIn ?? null,
    results,
    verdict,
    secrets: request.secrets,
  });
  request.onReport?.(report);
  const recorded = loginAttempt === null ? null : await request.recordLoginAttempt(loginAttempt);
  return { results, siteInfo, verdict, report, recorded };
}
