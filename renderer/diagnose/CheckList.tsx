import type { DiagnoseStatus } from '../../src/ipc/contract';
import { FindingView } from '../components/FindingView';
import { StatusLabel } from '../components/StatusLabel';
import { checkStatusDisplay } from './check-status';

type Check = DiagnoseStatus['checks'][number];

function isFinished(check: Check): check is Extract<Check, { summary: string }> {
  return 'summary' in check;
}

/** Every check with its state in words; finished ones open up to show what was seen. */
export function CheckList({ checks, running }: { checks: Check[]; running: boolean }) {
  return (
    <ol className="checks" aria-label="Checks" aria-busy={running}>
      {checks.map((check) => {
        const display = checkStatusDisplay[check.status];
        return (
          <li key={check.id} className={`check-row check-${check.status}`}>
            {isFinished(check) && (check.details.length > 0 || check.finding) ? (
              <details>
                <summary>
                  <CheckLine name={check.name} summary={check.summary} icon={display.icon} text={display.text} />
                </summary>
                <div className="check-details">
                  {check.details.length > 0 && (
                    <ul>
                      {check.details.map((line, index) => (
                        <li key={index}>{line}</li>
                      ))}
                    </ul>
                  )}
                  {check.finding && <FindingView finding={check.finding} level={4} withSupport={false} />}
                  <p className="hint">Took {check.durationMs} ms.</p>
                </div>
              </details>
            ) : (
              <CheckLine name={check.name} summary={isFinished(check) ? check.summary : null} icon={display.icon} text={display.text} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

function CheckLine({ name, summary, icon, text }: { name: string; summary: string | null; icon: Parameters<typeof StatusLabel>[0]['icon']; text: string }) {
  return (
    <span className="check-line">
      <StatusLabel icon={icon} text={text} />
      <span className="check-name">{name}</span>
      {summary && <span className="check-summary">{summary}</span>}
    </span>
  );
}
