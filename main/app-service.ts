/**
 * The application service as the desktop app runs it: Chromium's network stack, the settings file
 * the CLI shares, the OS keychain, Electron's clipboard and a save dialog. Only
 * Electron objects come in; what the service does with them is decided in src/services.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import tls from 'node:tls';
import type { BrowserWindow, Clipboard, Dialog, Net, Session } from 'electron';
import { withOpaqueRedirects } from '../src/app-shell/chromium-fetch';
import { chromiumNetworkStack } from '../src/app-shell/chromium-network-stack';
import { createNodeNetworkProbes } from '../src/diagnosis/node-network-probes';
import type { ManagedConfigView, ResponseOf, SimpleResponse } from '../src/ipc/contract';
import type { SecretList } from '../src/redaction/redact';
import { createGridpassService, type GridpassService } from '../src/services/gridpass-service';
import { openSettingsStore } from '../src/settings/settings-store';
import { createKeychainVault, keychainServiceName } from '../src/vault/keychain-vault';

export interface AppServiceDeps {
  version: string;
  userDataDir: string;
  documentsDir: string;
  net: Pick<Net, 'fetch'>;
  session: Pick<Session, 'resolveProxy'>;
  clipboard: Pick<Clipboard, 'writeText' | 'readText'>;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  parentWindow: () => BrowserWindow | null;
  managedConfig: ManagedConfigView | null;
  managedConfigNotices: readonly string[];
  setupSite: () => string | null;
  openExternal: (url: string) => Promise<SimpleResponse>;
  log: (message: string) => void;
  /** Main's log redactor: learns each operation's secrets from the service. */
  secrets: SecretList;
}

export async function createAppService(deps: AppServiceDeps): Promise<GridpassService> {
  return createGridpassService({
    version: deps.version,
    platform: process.platform,
    fetch: withOpaqueRedirects((url, init) => deps.net.fetch(url, init)),
    network: chromiumNetworkStack(await resolveProxyForReports(deps)),
    settings: openSettingsStore({ cwd: deps.userDataDir }),
    vault: createKeychainVault({ service: keychainServiceName(process.env), platform: process.platform }),
    managedConfig: deps.managedConfig,
    managedConfigNotices: deps.managedConfigNotices,
    setupSite: deps.setupSite,
    openExternal: deps.openExternal,
    clipboard: { writeText: (text: string) => deps.clipboard.writeText(text), readText: () => deps.clipboard.readText() },
    saveFile: (name, content) => saveFileWithDialog(deps, name, content),
    // The Diagnose TLS check uses Node's TLS; trusting the OS store as net.fetch does keeps a studio
    // proxy's CA from failing the check while the app's own requests work.
    networkProbes: createNodeNetworkProbes({ extraCaCertificates: systemCaCertificates() }),
    now: () => new Date(),
    secrets: deps.secrets,
    onEventListenerError: (error) => deps.log(`A service event listener failed: ${error instanceof Error ? error.message : String(error)}`),
  });
}

/** The proxy Chromium picks, for reports only: a broken PAC script must not stop the app starting. */
async function resolveProxyForReports(deps: AppServiceDeps): Promise<string> {
  try {
    return await deps.session.resolveProxy('https://www.autodesk.com/');
  } catch (error) {
    deps.log(`Could not resolve the proxy: ${error instanceof Error ? error.message : String(error)}`);
    return 'DIRECT';
  }
}

async function saveFileWithDialog(deps: AppServiceDeps, suggestedName: string, content: string): Promise<ResponseOf<'saveDiagnoseReport'>> {
  const options = { defaultPath: path.join(deps.documentsDir, path.basename(suggestedName)) };
  const parent = deps.parentWindow();
  const choice = parent && !parent.isDestroyed() ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { ok: false, cancelled: true, message: 'Not saved.' };
  try {
    await writeFile(choice.filePath, content, { mode: 0o600 });
    return { ok: true, path: choice.filePath };
  } catch (error) {
    return { ok: false, cancelled: false, message: `Could not save: ${(error as NodeJS.ErrnoException).code ?? 'error'}.` };
  }
}

/** The OS trust store's certificates (Node 22.15+ in Electron's main process); none where unavailable. */
function systemCaCertificates(): string[] {
  const read = (tls as { getCACertificates?: (type: 'system') => string[] }).getCACertificates;
  try {
    return read ? read('system') : [];
  } catch {
    return [];
  }
}
