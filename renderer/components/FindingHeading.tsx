import { useEffect, useRef } from 'react';
import type { Finding } from '../../src/ipc/contract';
import { severityIcon, severityWord } from './finding-severity';
import { Icon } from './Icon';

interface Props {
  finding: Finding;
  level: 2 | 3 | 4;
  /** Takes focus when shown, for a finding that replaces what the person just used. */
  focusOnShow: boolean;
}

/** A finding's title with its severity, said in words as well as by the icon (screen readers hear it first). */
export function FindingHeading({ finding, level, focusOnShow }: Props) {
  const Heading = `h${level}` as const;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow]);
  return (
    <Heading className="finding-title" ref={heading} tabIndex={focusOnShow ? -1 : undefined}>
      <Icon name={severityIcon[finding.severity]} />
      <span>
        <span className="visually-hidden">{severityWord[finding.severity]}: </span>
        {finding.title}
      </span>
    </Heading>
  );
}
