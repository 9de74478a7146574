import { Icon } from './Icon';
import { useOpenExternal } from './use-open-external';

interface Props {
  url: string;
  label: string;
  variant?: 'primary' | 'secondary' | 'link';
  onOpened?: () => void;
}

/** A button that opens a web page in the browser; the address is shown on hover for the careful. */
export function ExternalLinkButton({ url, label, variant = 'secondary', onOpened }: Props) {
  const { open, problem } = useOpenExternal();
  const onClick = async () => {
    if (await open(url)) onOpened?.();
  };
  return (
    <span className="external">
      <button type="button" className={`button button-${variant}`} title={url} onClick={() => void onClick()}>
        {label}
        <Icon name="external" />
        <span className="visually-hidden"> (opens in your browser)</span>
      </button>
      {problem && <span className="inline-problem" role="alert">{problem}</span>}
    </span>
  );
}
