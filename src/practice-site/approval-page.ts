import type { PendingAppSessionRequest } from './app-session-launcher';
import type { PracticeAccountSeed } from './practice-seed';

/**
 * What the practice site shows where a live site's browser would ask the person to approve an App Session
 * Launcher request: one button per active person ("Approve as Jane Doe"), and Deny. It stands in for the
 * signed-in browser in `npm run demo`; the buttons post to the practice controls, loopback only.
 */
export function approvalPage(request: PendingAppSessionRequest | undefined, people: readonly PracticeAccountSeed[]): string {
  if (request === undefined) {
    return page('No such request', '<p>This sign-in request was already answered, or it expired. Start the browser sign-in again.</p>');
  }
  const action = `/__practice/app-session-requests/${encodeURIComponent(request.id)}`;
  const approveButtons = people.map((person) =>
    `<li><form method="post" action="${escape(action)}"><input type="hidden" name="decision" value="approve">` +
    `<input type="hidden" name="login" value="${escape(person.login)}">` +
    `<button type="submit">Approve as ${escape(`${person.firstname} ${person.lastname}`)} (${escape(person.login)})</button></form></li>`,
  ).join('');
  const deny = `<form method="post" action="${escape(action)}"><input type="hidden" name="decision" value="deny"><button type="submit">Deny</button></form>`;
  return page(
    'Approve a sign-in request',
    `<p><strong>${escape(request.appName)}</strong> on <strong>${escape(request.machineId)}</strong> asks to sign in to this practice site.</p>` +
      `<p>A live site asks the person signed in to the browser. Here, choose who you are:</p><ul>${approveButtons}</ul>${deny}`,
  );
}

/** What the person sees after clicking one of the buttons. */
export function decisionPage(decision: 'approve' | 'deny', ok: boolean, reason: string | null): string {
  if (!ok) return page('Could not answer the request', `<p>${escape(reason ?? 'The request is no longer pending.')}</p>`);
  return decision === 'approve'
    ? page('Request approved', '<p>The app can now continue. You can close this tab.</p>')
    : page('Request denied', '<p>The app was told no. You can close this tab.</p>');
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
    `<body><main><h1>${escape(title)}</h1>${body}</main></body></html>\n`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
