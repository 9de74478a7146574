import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { TrayService } from '../../../main/tray-service';
import type { TrayHandle } from '../../../main/tray-service';
import type { TrayAction, TrayIcon, TrayState } from '../../../src/app-shell/tray-model';

interface FakeImage { icon: TrayIcon }
interface FakeMenu { items: MenuItemConstructorOptions[] }

class FakeTray implements TrayHandle<FakeImage, FakeMenu> {
  image: FakeImage;
  toolTip = '';
  menu: FakeMenu | null = null;
  clickListeners: Array<() => void> = [];
  destroyed = false;
  constructor(image: FakeImage) { this.image = image; }
  setImage(image: FakeImage) { this.image = image; }
  setToolTip(toolTip: string) { this.toolTip = toolTip; }
  setContextMenu(menu: FakeMenu | null) { this.menu = menu; }
  on(_event: 'click', listener: () => void) { this.clickListeners.push(listener); return this; }
  destroy() { this.destroyed = true; }
}

function setup(platform = 'linux') {
  const trays: FakeTray[] = [];
  const loads: TrayIcon[] = [];
  const actions: TrayAction[] = [];
  const service = new TrayService<FakeImage, FakeMenu>({
    platform,
    createTray: (image) => { const tray = new FakeTray(image); trays.push(tray); return tray; },
    loadImage: (icon) => { loads.push(icon); return { icon }; },
    buildMenu: (items) => ({ items }),
    onAction: (action) => actions.push(action),
  });
  return { service, trays, loads, actions };
}

const state = (overrides: Partial<TrayState> = {}): TrayState => ({
  accounts: [{ id: 'a', login: 'alex', host: 'mystudio.shotgrid.autodesk.com', health: 'ok', checksPaused: false }],
  checking: false,
  launchAtLogin: false,
  problem: null,
  ...overrides,
});

const click = (tray: FakeTray, label: string) => {
  const item = tray.menu?.items.find((i) => i.label === label);
  if (!item?.click) throw new Error(`no clickable "${label}"`);
  (item.click as () => void)();
};

describe('TrayService', () => {
  it('creates the tray once and rebuilds image, tooltip and menu on every render', () => {
    const { service, trays } = setup();
    service.render(state());
    service.render(state({ accounts: [{ id: 'a', login: 'alex', host: 'h', health: 'failing', checksPaused: true }] }));
    expect(trays).toHaveLength(1);
    const tray = trays[0]!;
    expect(tray.image).toEqual({ icon: 'failing' });
    expect(tray.toolTip).toBe('Gridpass: 1 of 1 login needs attention');
    expect(tray.menu?.items[0]).toMatchObject({ label: 'alex on h: not working (checks paused)', enabled: true });
  });

  it('always offers Open and Quit, and routes clicks to actions', () => {
    const { service, trays, actions } = setup();
    service.render(state({ accounts: [] }));
    const tray = trays[0]!;
    click(tray, 'Set up Gridpass…');
    click(tray, 'Quit Gridpass');
    click(tray, 'Launch at login');
    expect(actions).toEqual([{ kind: 'open' }, { kind: 'quit' }, { kind: 'toggle-launch-at-login' }]);
    expect(tray.menu?.items.find((i) => i.label === 'Launch at login')).toMatchObject({ type: 'checkbox', checked: false });
    expect(tray.menu?.items.find((i) => i.label === 'No saved login yet')).toMatchObject({ enabled: false });
  });

  it('loads each state\'s icon once, until a refresh', () => {
    const { service, loads } = setup();
    service.render(state());
    service.render(state({ checking: true }));
    service.render(state());
    expect(loads).toEqual(['ok', 'checking']);
    service.refresh();
    expect(loads).toEqual(['ok', 'checking', 'ok']);
  });

  it('opens the window on an icon click outside macOS only', () => {
    const linux = setup('linux');
    linux.service.render(state());
    linux.trays[0]!.clickListeners.forEach((listener) => listener());
    expect(linux.actions).toEqual([{ kind: 'open' }]);
    const mac = setup('darwin');
    mac.service.render(state());
    expect(mac.trays[0]!.clickListeners).toEqual([]);
  });

  it('destroys the tray', () => {
    const { service, trays } = setup();
    service.render(state());
    service.destroy();
    expect(trays[0]!.destroyed).toBe(true);
  });
});
