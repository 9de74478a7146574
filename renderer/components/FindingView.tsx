import { useEffect, useRef } from 'react';
import type { Finding } from '../../src/ipc/contract';
import { ExternalLinkButton } from './ExternalLinkButton';
import type { IconName } from './Icon';
import { Icon } from './Icon';

const severityIcon: Record<Finding['severity'], IconName> = { error: 'fail', warning: 'warn', info: 'info' };
const severityWord: Record<Finding['severity'], string> = { error: 'Problem', warning: 'Warning', info: 'Note' };

interface Props {
  finding: Finding;
  /** The heading level that fits where the finding is shown. */
  level?: 2 | 3 | 4;
  /**
   * Takes focus when shown: for a finding that replaces what the person just used (a sign-in
   * that was refused), so they start reading from its title. Give it a new `key` to show it anew.
   */
  focusOnShow?: boolean;
}

/** What is wrong, why, and what to do, with the stable code support staff search for. */
export function FindingView({ finding, level = 3, focusOnShow = false }: Props) {
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
      {finding.steps.length > 0 && (
        <ol className="finding-steps">
          {finding.steps.map((step, index) => (
            <li key={index}>
              <span>{step.text}</span>
              {step.link && <ExternalLinkButton url={step.link.url} label={step.link.label} variant="link" />}
            </li>
          ))}
        </ol>
      )}
      <p className="finding-code">
        Reference for support: <code>{finding.code}</code>
      </p>
    </section>
  );
}
