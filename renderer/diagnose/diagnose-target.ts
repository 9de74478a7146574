/** What the Diagnose screen should start with when another screen (or the tray) sends someone there. */
export type DiagnoseTarget = { kind: 'account'; accountId: string } | { kind: 'site'; site: string };
