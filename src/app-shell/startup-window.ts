/**
 * Whether the window opens when the app starts. Started by the user (or by a link), it opens; started
 * at login it stays in the tray, unless there is nothing set up yet. Stock GNOME shows no tray icon,
 * so the window is the way in there: a second launch always shows it (see 'second-instance').
 */
interface StartupContext {
  /** Launched with HIDDEN_FLAG, or by macOS as a login item. */
  startedAtLogin: boolean;
  accountsCount: number;
  /** A gridpass://setup link or a managed site waiting for the wizard. */
  hasSetupLink: boolean;
}

export function showWindowOnStartup(context: StartupContext): boolean {
  return !context.startedAtLogin || context.accountsCount === 0 || context.hasSetupLink;
}
