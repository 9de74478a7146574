/**
 * What the app shell must learn from the service's answers: the sites the user works with (for the
 * openExternal allow-list), that accounts changed (tray and schedule), that settings changed
 * (launch at login, interval). The service stays unaware of the shell; this wraps its handlers.
 */
import type { GridpassHandlers, RequestName } from '../ipc/contract';

export interface ShellEffects {
  siteSeen(siteUrl: string): void;
  accountsChanged(): void;
  settingsChanged(): void;
  /** An effect threw; the response still goes back to the renderer. */
  onError(error: unknown): void;
}

const changesAccounts: ReadonlySet<RequestName> = new Set(['saveLogin', 'checkAccount', 'forgetAccount', 'endOfBooking']);
const changesSettings: ReadonlySet<RequestName> = new Set(['saveLogin', 'updateSettings', 'endOfBooking']);

export function withShellEffects(handlers: GridpassHandlers, effects: ShellEffects): GridpassHandlers {
  const wrapped = { ...handlers } as Record<RequestName, (request: never) => Promise<unknown>>;
  for (const name of Object.keys(handlers) as RequestName[]) {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    wrapped[name] = async (request: unknown) => {
      const response = await handler(request);
      try {
        for (const site of sitesIn(name, response)) effects.siteSeen(site);
        if (changesAccounts.has(name)) effects.accountsChanged();
        if (changesSettings.has(name)) effects.settingsChanged();
      } catch (error) {
        effects.onError(error);
      }
      return response;
    };
  }
  return wrapped as unknown as GridpassHandlers;
}

function sitesIn(name: RequestName, response: unknown): string[] {
  const value = response as Record<string, unknown> | unknown[] | null;
  if (name === 'listAccounts' && Array.isArray(value)) return value.map((account) => (account as { site: string }).site);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value.ok !== true) return [];
  if ((name === 'probeSite' || name === 'verifyLogin' || name === 'submitTwoFactorCode') && isSite(value.site)) return [value.site.url];
  if (name === 'saveLogin' && typeof (value.account as { site?: unknown } | undefined)?.site === 'string') {
    return [(value.account as { site: string }).site];
  }
  return [];
}

function isSite(site: unknown): site is { url: string } {
  return typeof site === 'object' && site !== null && typeof (site as { url?: unknown }).url === 'string';
}
