import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLayout } from '../../../src/app-shell/app-layout';

describe('appLayout', () => {
  it('finds the renderer, preload and assets from the source tree', () => {
    const root = path.resolve('/home/dev/gridpass');
    expect(appLayout({ mainDir: path.join(root, 'out', 'main'), isPackaged: false, resourcesPath: '/unused' })).toEqual({
      rendererDir: path.join(root, 'out', 'renderer'),
      preloadPath: path.join(root, 'out', 'preload', 'preload.cjs'),
      trayIconDir: path.join(root, 'assets', 'tray'),
      windowIconPath: path.join(root, 'assets', 'icon.png'),
    });
  });

  it('reads pages from app.asar and tray icons from resources/tray when packaged', () => {
    const resources = path.resolve('/opt/Gridpass/resources');
    const layout = appLayout({ mainDir: path.join(resources, 'app.asar', 'out', 'main'), isPackaged: true, resourcesPath: resources });
    expect(layout.rendererDir).toBe(path.join(resources, 'app.asar', 'out', 'renderer'));
    expect(layout.preloadPath).toBe(path.join(resources, 'app.asar', 'out', 'preload', 'preload.cjs'));
    expect(layout.trayIconDir).toBe(path.join(resources, 'tray'));
  });
});
