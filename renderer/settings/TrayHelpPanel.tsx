/**
 * Where the tray icon is on Linux, and how to get one on GNOME, whose top bar shows tray icons only
 * with the AppIndicator extension. Without any tray Gridpass still works: launching it again opens
 * this window.
 */
export function TrayHelpPanel() {
  return (
    <section className="panel" aria-labelledby="tray-help-title">
      <h2 id="tray-help-title">Tray icon</h2>
      <p>Gridpass keeps checking your logins from the tray after you close this window.</p>
      <p>
        <strong>On GNOME</strong> (Fedora, Debian and others), tray icons show only with the AppIndicator extension: install{' '}
        <code>gnome-shell-extension-appindicator</code> from your distribution, or “AppIndicator and KStatusNotifierItem
        Support” from extensions.gnome.org, turn it on in the Extensions app, then log out and back in. Ubuntu has it on
        already.
      </p>
      <p>KDE Plasma and Cinnamon show the icon as it is; on Xfce, add the Status Tray plugin to a panel.</p>
      <p>No tray at all? Start Gridpass again from your app menu: it opens this window.</p>
    </section>
  );
}
