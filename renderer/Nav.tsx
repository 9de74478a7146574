import type { Screen } from './screens';
import { hashOf, screenLabels, screens } from './screens';

interface Props {
  current: Screen;
  studioName: string | null;
}

/** The left-hand navigation: plain links, so they work with Tab, Enter and a screen reader's link list. */
export function Nav({ current, studioName }: Props) {
  return (
    <header className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">G</span>
        <span className="brand-text">
          <span className="brand-name">Gridpass</span>
          {studioName && <span className="brand-studio">for {studioName}</span>}
        </span>
      </div>
      <nav aria-label="Main">
        <ul>
          {screens.map((screen) => (
            <li key={screen}>
              <a href={hashOf(screen)} aria-current={screen === current ? 'page' : undefined}>
                {screenLabels[screen]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
