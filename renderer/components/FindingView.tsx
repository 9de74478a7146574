import type { Finding } from '../../src/ipc/contract';
import { FindingSteps } from './FindingSteps';
import { severityWord } from './finding-severity';
import { FindingHeading } from './FindingHeading';
import { StudioSupport } from './StudioSupport';

interface Props {
  finding: Finding;
  /** The heading level that fits where the finding is shown. */
  level?: 2 | 3 | 4;
  /**
   * Takes focus when shown: for a finding that replaces what the person just used (a sign-in
   * that was refused), so they start reading from its title. Give it a new `key` to show it anew.
   */
  focusOnShow?: boolean;
  /** Off where the screen names the studio's support once for many findings (Diagnose's check list). */
  withSupport?: boolean;
}

/** What is wrong, why, and what to do, with the stable code support staff search for. */
export function FindingView({ finding, level = 3, focusOnShow = false, withSupport = true }: Props) {
  return (
    <section className={`finding finding-${finding.severity}`} aria-label={`${severityWord[finding.severity]}: ${finding.title}`}>
      <FindingHeading finding={finding} level={level} focusOnShow={focusOnShow} />
      <p>{finding.explanation}</p>
      <FindingSteps steps={finding.steps} />
      <p className="finding-code">
        Reference for support: <code>{finding.code}</code>
      </p>
      {withSupport && finding.severity !== 'info' && <StudioSupport />}
    </section>
  );
}
