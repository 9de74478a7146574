/**
 * Diagnose runs for the app: started from the renderer, run in main, polled for progress. The renderer
 * sees check results and reports that are already redacted; the passphrase used for a run stays here.
 */
import { randomUUID } from 'node:crypto';
import type { AttemptOutcome } from '../accounts/refusal-policy';
import type { CheckId, CheckResult } from '../diagnosis/check-result';
import { checkIds } from '../diagnosis/check-result';
import { createRedactor, redactDeep } from '../redaction/redact';
import { renderReportJson, renderReportMarkdown, type SupportReport } from '../diagnosis/support-report';
import { checkNames, type CheckDependencies, type DiagnoseTarget } from '../diagnosis/run-checks';
import { diagnose } from '../use-cases/diagnose';
import type { DiagnoseStatus, Finding, PendingCheck, ResponseOf } from '../ipc/contract';
import type { ClipboardGuard } from './clipboard-guard';

/** What a run was asked to look at, once the service has resolved saved accounts and secrets. */
export interface ResolvedDiagnoseTarget {
  target: DiagnoseTarget;
  /** The saved account this run is for, if any, so refused logins are counted against it. */
  accountId: string | null;
  /** What was asked cannot be checked (a bad address, a login forgotten meanwhile): this is the verdict. */
  inputFinding: Finding | null;
}

interface DiagnoseServiceDeps {
  checkDependencies: () => Promise<CheckDependencies>;
  /** Counts a refused login this run caused (ShotGrid locks after 10), with the finding that explains it. */
  /** The run tried the login: the refusal policy decides what that changes for it. */
  recordLoginAttempt: (target: ResolvedDiagnoseTarget, attempt: AttemptOutcome) => Promise<void>;
  clipboard: ClipboardGuard;
  saveFile: (suggestedName: string, contents: string) => Promise<ResponseOf<'saveDiagnoseReport'>>;
  now: () => Date;
  /** A check of the run started or finished. */
  onProgress?: (runId: string) => void;
  /** The run has its verdict, after any refusal it caused was recorded. */
  onFinished?: (runId: string) => void;
}

interface DiagnoseRun {
  done: CheckResult[];
  running: CheckId | null;
  report: SupportReport | null;
  /** The run's passphrase and code, kept only to redact what the run shows and reports. */
  secrets: string[];
  cancelled: boolean;
}

/** Finished runs kept for their reports; older ones are dropped with their secrets. */
const keptRuns = 8;

export function createDiagnoseService(deps: DiagnoseServiceDeps) {
  const runs = new Map<string, DiagnoseRun>();

  const forget = () => {
    while (runs.size > keptRuns) {
      const oldest = runs.keys().next().value;
      if (oldest === undefined) break;
      runs.delete(oldest);
    }
  };

  async function execute(runId: string, run: DiagnoseRun, resolved: ResolvedDiagnoseTarget): Promise<void> {
    const site = resolved.target.site;
    const { results } = await diagnose({
      target: resolved.target,
      deps: await deps.checkDependencies(),
      // A person the app's browser sign-in confirmed (the target's `signedIn`) narrows the verdict as in the checks.
      findingContext: (loginMethod) => ({ loginMethod, site, ...(resolved.target.signedIn === undefined ? {} : { signedIn: resolved.target.signedIn }) }),
      inputFinding: resolved.inputFinding,
      secrets: run.secrets,
      now: deps.now,
      onProgress: (done, running) => {
        run.done = done;
        run.running = running;
        deps.onProgress?.(runId);
      },
      onReport: (report) => {
        run.report = report;
      },
      // A run cleared meanwhile (end of booking) must not write the login back into the settings file.
      recordLoginAttempt: async (attempt) => {
        if (!run.cancelled) await deps.recordLoginAttempt(resolved, attempt);
      },
    });
    run.done = results;
    run.running = null;
  }

  function start(resolved: ResolvedDiagnoseTarget): { runId: string } {
    const runId = randomUUID();
    const secrets = [resolved.target.passphrase, resolved.target.twoFactorCode].filter((s): s is string => Boolean(s));
    const run: DiagnoseRun = { done: [], running: checkIds[0], report: null, secrets, cancelled: false };
    runs.set(runId, run);
    forget();
    void execute(runId, run, resolved).catch((error: unknown) => {
      run.running = null;
      run.report = null;
      run.done = [...run.done, crashedCheck(error)];
    }).finally(() => deps.onFinished?.(runId));
    return { runId };
  }

  function status(runId: string): DiagnoseStatus {
    const run = runs.get(runId);
    if (run === undefined) return { runId, done: true, checks: [], verdict: null };
    const finished = run.report !== null || (run.running === null && run.done.length > 0);
    const pending: PendingCheck[] = checkIds
      .filter((id) => !run.done.some((result) => result.id === id))
      .map((id) => ({ id, name: checkNames[id], status: id === run.running ? 'running' : 'pending' }));
    const verdict = run.report === null ? null : {
      ok: run.report.verdict.ok,
      headline: run.report.verdict.headline,
      finding: run.report.findings.find((finding) => finding.code === run.report?.verdict.code) ?? null,
    };
    // A check's details and a crash's message may quote what a site or proxy sent back.
    const done = redactDeep(run.done, createRedactor(run.secrets));
    return { runId, done: finished, checks: [...done, ...(finished ? [] : pending)], verdict };
  }

  function render(runId: string, format: 'markdown' | 'json'): string | null {
    const run = runs.get(runId);
    if (run?.report == null) return null;
    return format === 'json' ? renderReportJson(run.report, run.secrets) : renderReportMarkdown(run.report, run.secrets);
  }

  return {
    start,
    status,
    report(runId: string, format: 'markdown' | 'json'): { text: string } {
      return { text: render(runId, format) ?? 'The report is not ready yet: the checks are still running.' };
    },
    async copyReport(runId: string): Promise<ResponseOf<'copyDiagnoseReport'>> {
      const text = render(runId, 'markdown');
      if (text === null) return { ok: false, message: 'The report is not ready yet: wait for the checks to finish.' };
      if (!(await deps.clipboard.copyText(text))) return { ok: false, message: 'The clipboard could not be used. Use Save report instead.' };
      return { ok: true };
    },
    async saveReport(runId: string, format: 'markdown' | 'json'): Promise<ResponseOf<'saveDiagnoseReport'>> {
      const text = render(runId, format);
      if (text === null) return { ok: false, cancelled: false, message: 'The report is not ready yet: wait for the checks to finish.' };
      const stamp = deps.now().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      return deps.saveFile(`gridpass-report-${stamp}.${format === 'json' ? 'json' : 'md'}`, text);
    },
    /** Drops every run, its report and its secrets (end of a booking, quit). */
    clear(): void {
      for (const run of runs.values()) run.cancelled = true;
      runs.clear();
    },
    /** The newest finished report, for the tray's "Copy support report". */
    latestReport(): string | null {
      const ids = [...runs.keys()].reverse();
      for (const id of ids) {
        const text = render(id, 'markdown');
        if (text !== null) return text;
      }
      return null;
    },
  };
}

function crashedCheck(error: unknown): CheckResult {
  return {
    id: 'environment',
    name: 'Diagnosis',
    status: 'fail',
    summary: 'The diagnosis stopped unexpectedly',
    details: [error instanceof Error ? error.message : String(error)],
    durationMs: 0,
    finding: null,
  };
}
