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
}

/** What is wrong, why, and what to do, with the stable code support staff search for. */
export function FindingView({ finding, level = 3 }: Props) {
  const Heading = `h${level}` as const;
  return (
    <section className={`finding finding-${finding.severity}`} aria-label={`${severityWord[finding.severity]}: ${finding.title}`}>
      <Heading className="finding-title">
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
