import { useState } from 'react';
import { describeCallError, gridpass } from '../gridpass';
import { ReportPreview } from './ReportPreview';

/** Copy, save or read the support report; secrets are already removed by main. */
export function ReportActions({ runId }: { runId: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);

  const attempt = async (work: () => Promise<string | null>) => {
    try {
      setMessage(await work());
    } catch (error) {
      setMessage(describeCallError(error));
    }
  };
  const copy = () =>
    attempt(async () => {
      const result = await gridpass().copyDiagnoseReport({ runId });
      return result.ok ? 'Report copied. Paste it into a message to your support contact.' : result.message;
    });
  const save = () =>
    attempt(async () => {
      const result = await gridpass().saveDiagnoseReport({ runId, format: 'markdown' });
      if (result.ok) return `Report saved to ${result.path}.`;
      return result.cancelled ? null : result.message;
    });
  const toggleReport = () =>
    attempt(async () => {
      if (report !== null) {
        setReport(null);
        return null;
      }
      setReport((await gridpass().diagnoseReport({ runId, format: 'markdown' })).text);
      return null;
    });

  return (
    <section className="report" aria-labelledby="report-title">
      <h2 id="report-title">Support report</h2>
      <p className="hint">The report leaves out passphrases, tokens and codes, so it is safe to send.</p>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => void copy()}>Copy report</button>
        <button type="button" className="button button-secondary" onClick={() => void save()}>Save report…</button>
        <button type="button" className="button button-secondary" aria-expanded={report !== null} onClick={() => void toggleReport()}>
          {report === null ? 'Show report' : 'Hide report'}
        </button>
      </div>
      <p role="status" className="report-message">{message}</p>
      {report !== null && (
        <ReportPreview markdown={report} />
      )}
    </section>
  );
}
