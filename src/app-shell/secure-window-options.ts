/**
 * The one place the main window's options are decided, so a test can pin every security-relevant
 * value (Electron checklist items 2, 3, 4, 6, 8, 9, 10, 11). The shape matches Electron's
 * BrowserWindowConstructorOptions; src/ cannot import Electron's types, main checks the fit.
 */
interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
  /** Off in packaged builds: DevTools in a shipped app would let anyone at the desk run code in the window. */
  devTools: boolean;
}

interface SecureWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: false;
  autoHideMenuBar: true;
  backgroundColor: string;
  webPreferences: SecureWebPreferences;
}

/**
 * `webSecurity`, `allowRunningInsecureContent`, `experimentalFeatures` and `enableBlinkFeatures`
 * are deliberately absent: their defaults are the safe values, and absence is what the security
 * scan and its tests look for.
 */
export function secureWindowOptions(preloadPath: string, build: { packaged: boolean }): SecureWindowOptions {
  return {
    width: 920,
    height: 680,
    minWidth: 640,
    minHeight: 520,
    title: 'Gridpass',
    // Shown on 'ready-to-show', so nobody sees an empty white frame first.
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#1d2330',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !build.packaged,
    },
  };
}
