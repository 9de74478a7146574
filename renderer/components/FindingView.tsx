import { useEffect, useRef } from 'react';
import type { Finding } from '../../src/ipc/contract';
import { FindingSteps } from './FindingSteps';
import { severityIcon, severityWord } from './finding-severity';
import { Icon } from './Icon';
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
  const Heading = `h${level}` as const;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow]);
  return (
    <section className={`finding finding-${finding.severity}`} aria-label={`${severityWord[finding.severity]}: ${finding.title}`}>
      <Heading className="finding-title" ref={heading} tabIndex={focusOnShow ? -1 : undefined}>
        <Icon name={severityIcon[finding.severity]} />
        <span>
          <span className="visually-hidden">{severityWord[finding.severity]}: </span>
          {finding.title}
        </span>
      </Heading>
      <p>{finding.explanation}</p>
      <FindingSteps steps={finding.steps} />
      <p className="finding-code">
        Reference for support: <code>{finding.code}</code>
      </p>
      {withSupport && finding.severity !== 'info' && <StudioSupport />}
    </section>
  );
}
