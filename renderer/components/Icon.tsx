export type IconName = 'ok' | 'warn' | 'fail' | 'skip' | 'pending' | 'running' | 'info' | 'external';

const paths: Record<IconName, string> = {
  ok: 'M4.5 8.5l2.5 2.5 4.5-5.5',
  warn: 'M8 4.5v4M8 11v.5',
  fail: 'M5.5 5.5l5 5M10.5 5.5l-5 5',
  skip: 'M5 8h6',
  pending: '',
  running: 'M8 2.5a5.5 5.5 0 1 1-5.5 5.5',
  info: 'M8 7v4.5M8 4.5v.5',
  external: 'M9 3h4v4M13 3L7.5 8.5M11 9.5V13H3V5h3.5',
};

/**
 * A small status glyph. Always decorative: every use sits next to text that says the same thing,
 * so status never depends on colour or shape alone.
 */
export function Icon({ name }: { name: IconName }) {
  const framed = name !== 'external' && name !== 'running';
  return (
    <svg className={`icon icon-${name}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {framed && <circle cx="8" cy="8" r="6.75" className="icon-frame" />}
      {name === 'running' && <circle cx="8" cy="8" r="5.5" className="icon-track" />}
      {paths[name] && <path d={paths[name]} className="icon-mark" />}
    </svg>
  );
}
