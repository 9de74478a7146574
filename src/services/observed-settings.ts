/**
 * The settings store as the service uses it, announcing what each successful write changed. Every
 * change to a saved login or a preference goes through update(), whichever use case makes it, so
 * this is the one place "accounts changed" and "settings changed" are decided.
 */
import type { GridpassSettingsFile } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import type { ServiceEvent } from './service-events';

export function observedSettings(store: SettingsStore, emit: (event: ServiceEvent) => void): SettingsStore {
  return {
    get path() {
      return store.path;
    },
    get notice() {
      return store.notice;
    },
    get changesKeptInMemory() {
      return store.changesKeptInMemory;
    },
    read: () => store.read(),
    heldBack: () => store.heldBack(),
    update(mutator, release) {
      const before = store.read();
      const result = store.update(mutator, release);
      if (result.ok) {
        const changed = changes(before, result.value);
        if (changed.accounts) emit({ type: 'accounts-changed' });
        if (changed.settings) emit({ type: 'settings-changed' });
      }
      return result;
    },
  };
}

function changes(before: GridpassSettingsFile, after: GridpassSettingsFile): { accounts: boolean; settings: boolean } {
  return {
    accounts: JSON.stringify(before.accounts) !== JSON.stringify(after.accounts),
    settings: JSON.stringify(before.settings) !== JSON.stringify(after.settings),
  };
}
