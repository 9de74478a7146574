import { useCallback } from 'react';
import type { Dispatch, FormEvent } from 'react';
import type { ManagedConfigView } from '../../src/ipc/contract';
import { FindingView } from '../components/FindingView';
import { Icon } from '../components/Icon';
import { StepFrame } from './StepFrame';
import { SiteSummary } from './SiteSummary';
import type { ProbeState } from './use-site-probe';
import { useSiteProbe } from './use-site-probe';
import type { WizardAction, WizardState } from './wizard-state';

interface Props {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  managed: ManagedConfigView | null;
}

export function SiteStep({ state, dispatch, managed }: Props) {
  const locked = Boolean(managed?.siteLocked && managed.site);
  const onSettled = useCallback(
    (site: WizardState['site'], address: string) => dispatch({ type: 'site-found', site, address }),
    [dispatch],
  );
  const known = state.site && state.siteFoundFor !== null ? { site: state.site, address: state.siteFoundFor } : null;
  const probe = useSiteProbe(state.address, known, onSettled);
  const found = probe.state === 'answered' && probe.response.ok;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (found) dispatch({ type: 'next' });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <StepFrame
        title="Which ShotGrid site?"
        lead={<p>Type the address you use to open ShotGrid in your browser. Gridpass looks it up as you type.</p>}
        onBack={() => dispatch({ type: 'back' })}
        submit={{ label: 'Continue', disabled: !found }}
      >
        <div className="field">
          <label htmlFor="site-address">Site address</label>
          <input
            id="site-address"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder="yourstudio.shotgrid.autodesk.com"
            value={state.address}
            readOnly={locked}
            aria-describedby="site-address-hint"
            onChange={(event) => dispatch({ type: 'address-typed', address: event.target.value })}
          />
          <p id="site-address-hint" className="hint">
            {locked
              ? `${managed?.studioName ?? 'Your studio'} set this site for you, so it can’t be changed here.`
              : 'For example yourstudio.shotgrid.autodesk.com. The https:// part is optional.'}
          </p>
        </div>
        <div className="probe-result" aria-live="polite" aria-busy={probe.state === 'checking'}>
          <ProbeResult probe={probe} />
        </div>
      </StepFrame>
    </form>
  );
}

function ProbeResult({ probe }: { probe: ProbeState }) {
  switch (probe.state) {
    case 'idle':
      return null;
    case 'checking':
      return (
        <p className="status status-running">
          <Icon name="running" /> Looking up the site…
        </p>
      );
    case 'error':
      return <p className="inline-problem">{probe.message}</p>;
    case 'answered':
      return probe.response.ok ? <SiteSummary site={probe.response.site} /> : <FindingView finding={probe.response.finding} />;
  }
}
