/**
 * The tray icon and its menu (Signal's SystemTrayService shape). One render(state) rebuilds the
 * image and the whole menu from the tray model; Electron's Tray and Menu come in through the
 * constructor so tests can drive it with fakes. Icons are loaded once per state and cached.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { trayModel } from '../src/app-shell/tray-model';
import type { TrayAction, TrayIcon, TrayMenuItem, TrayState } from '../src/app-shell/tray-model';

export interface TrayHandle<Image, Menu> {
  setImage(image: Image): void;
  setToolTip(toolTip: string): void;
  setContextMenu(menu: Menu | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface TrayServiceDeps<Image, Menu> {
  createTray(image: Image): TrayHandle<Image, Menu>;
  loadImage(icon: TrayIcon): Image;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  onAction(action: TrayAction): void;
  /** Where a click on the icon opens the window (Windows and most Linux trays). */
  platform: string;
}

export class TrayService<Image, Menu> {
  readonly #deps: TrayServiceDeps<Image, Menu>;
  readonly #images = new Map<TrayIcon, Image>();
  #tray: TrayHandle<Image, Menu> | null = null;
  #lastState: TrayState | null = null;

  constructor(deps: TrayServiceDeps<Image, Menu>) {
    this.#deps = deps;
  }

  render(state: TrayState): void {
    this.#lastState = state;
    const model = trayModel(state);
    const image = this.#image(model.icon);
    if (this.#tray === null) {
      this.#tray = this.#deps.createTray(image);
      // macOS opens the menu on click by itself; elsewhere a click opens the window. The menu still
      // has "Open Gridpass", because on Linux the click may never arrive.
      if (this.#deps.platform !== 'darwin') this.#tray.on('click', () => this.#deps.onAction({ kind: 'open' }));
    } else {
      this.#tray.setImage(image);
    }
    this.#tray.setToolTip(model.tooltip);
    // Linux trays copy the menu when it is set, so every change is a fresh setContextMenu.
    this.#tray.setContextMenu(this.#deps.buildMenu(model.menu.map((item) => this.#menuItem(item))));
  }

  /** Re-render with the last state, e.g. after the theme or the display scale changed. */
  refresh(): void {
    this.#images.clear();
    if (this.#lastState !== null) this.render(this.#lastState);
  }

  destroy(): void {
    this.#tray?.destroy();
    this.#tray = null;
  }

  #image(icon: TrayIcon): Image {
    let image = this.#images.get(icon);
    if (image === undefined) {
      image = this.#deps.loadImage(icon);
      this.#images.set(icon, image);
    }
    return image;
  }

  #menuItem(item: TrayMenuItem): MenuItemConstructorOptions {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'note':
        return { label: item.label, enabled: false };
      case 'checkbox':
        return { type: 'checkbox', label: item.label, checked: item.checked, click: () => this.#deps.onAction(item.action) };
      case 'action':
        return { label: item.label, enabled: item.enabled, click: () => this.#deps.onAction(item.action) };
    }
  }
}
