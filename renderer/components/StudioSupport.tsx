import { BreakableText } from './BreakableText';
import { ExternalLinkButton } from './ExternalLinkButton';
import { useStudioSupport } from './studio-support';

/**
 * "Still stuck? Ask pipeline@…", with the studio's help page, on one short line (the studio's name is in the
 * window's navigation already); nothing without a managed config.
 */
export function StudioSupport() {
  const support = useStudioSupport();
  if (support === null) return null;
  return (
    <p className="studio-support">
      {support.contact === null
        ? <span>Still stuck? See your studio’s help page.</span>
        : (
          <span>
            Still stuck? Ask <strong><BreakableText text={support.contact} /></strong>
            {support.studioName === null ? '' : <span className="visually-hidden"> ({support.studioName} support)</span>}
          </span>
        )}
      {support.helpUrl !== null && <ExternalLinkButton url={support.helpUrl} label="Studio help page" variant="link" />}
    </p>
  );
}
