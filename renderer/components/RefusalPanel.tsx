import type { ReactNode } from 'react';
import type { Finding } from '../../src/ipc/contract';
import { ExternalLinkButton } from './ExternalLinkButton';
import { FindingSteps } from './FindingSteps';
import { severityWord } from './finding-severity';
import { FindingHeading } from './FindingHeading';
import { causeOf, panelAction, visibleSteps, type RefusalHandlers } from './refusal-parts';
import { StudioSupport } from './StudioSupport';

interface Props extends RefusalHandlers {
  finding: Finding;
  level?: 3 | 4;
  /** Takes focus when shown, as a refusal replaces the button just pressed. Give it a new `key` to show it anew. */
  focusOnShow?: boolean;
  /** Shown right under the cause: the refusal count, said here once (the finding's own count is then left out). */
  lockout?: ReactNode;
}

/**
 * A refused login, short enough that the fields to fix it stay in view: a headline, one sentence of cause and
 * the one next action; the explanation and every step behind "Show all steps".
 */
export function RefusalPanel({ finding, level = 3, focusOnShow = false, lockout, ...handlers }: Props) {
  const action = panelAction(finding, handlers);
  const steps = visibleSteps(finding.steps, { lockoutShown: lockout !== undefined, canConfirmInBrowser: handlers.onConfirmInBrowser !== undefined });
  return (
    <section className={`finding finding-${finding.severity} refusal`} aria-label={`${severityWord[finding.severity]}: ${finding.title}`}>
      <FindingHeading finding={finding} level={level} focusOnShow={focusOnShow} />
      <p className="refusal-cause">{causeOf(finding)}</p>
      {lockout}
      {/* The action, the disclosure and the studio's support share rows; opened, the steps take the panel's width. */}
      <div className="refusal-next">
        {action !== null && (action.kind === 'button'
          ? <button type="button" className="button button-secondary" onClick={action.run}>{action.label}</button>
          : <ExternalLinkButton url={action.link.url} label={action.link.label} />)}
        <details className="refusal-steps">
          <summary>Show all steps</summary>
          <p>{finding.explanation}</p>
          <FindingSteps steps={steps} />
          <p className="finding-code">
            Reference for support: <code>{finding.code}</code>
          </p>
        </details>
        <StudioSupport />
      </div>
    </section>
  );
}
