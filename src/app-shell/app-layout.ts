/**
 * Where the built pieces are, relative to the bundled main script (out/main/main.js). Works the same
 * from the source tree and from app.asar; only the tray icons move, because electron-builder copies
 * them out of the archive into resources/tray so the OS can read them.
 */
import path from 'node:path';

interface AppLayout {
  rendererDir: string;
  preloadPath: string;
  trayIconDir: string;
  /** The window icon on Linux and Windows (macOS uses the bundle's .icns). */
  windowIconPath: string;
}

export function appLayout(options: { mainDir: string; isPackaged: boolean; resourcesPath: string }): AppLayout {
  const outDir = path.resolve(options.mainDir, '..');
  const root = path.resolve(outDir, '..');
  return {
    rendererDir: path.join(outDir, 'renderer'),
    preloadPath: path.join(outDir, 'preload', 'preload.cjs'),
    trayIconDir: options.isPackaged ? path.join(options.resourcesPath, 'tray') : path.join(root, 'assets', 'tray'),
    windowIconPath: options.isPackaged ? path.join(options.resourcesPath, 'icon.png') : path.join(root, 'assets', 'icon.png'),
  };
}
