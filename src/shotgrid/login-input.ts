/**
 * A person's ShotGrid login as typed, checked before anything is sent: a refused login counts towards
 * the account's lockout, and it is filed in the settings with its refusal count. "login passphrase"
 * pasted together is the usual mistake, so a problem is described without quoting what was typed.
 */
export type LoginInputProblem = 'empty' | 'space' | 'too-long' | 'control-character' | 'web-address';
type LoginInput = { ok: true; login: string } | { ok: false; problem: LoginInputProblem };

/** The IPC contract's bound too, so the app and the CLI accept the same logins. */
export const MAX_LOGIN_INPUT_LENGTH = 256;

/** Shared with other typed names (script names): a pasted URL or a line break is never a name. */
export const looksLikeWebAddress = (text: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
export const hasControlCharacter = (text: string): boolean => /[\u0000-\u001f\u007f]/.test(text);

export function parseLoginInput(raw: string): LoginInput {
  const login = raw.trim();
  const problem = loginProblem(login);
  return problem === null ? { ok: true, login } : { ok: false, problem };
}

function loginProblem(login: string): LoginInputProblem | null {
  if (login === '') return 'empty';
  if (login.length > MAX_LOGIN_INPUT_LENGTH) return 'too-long';
  if (hasControlCharacter(login)) return 'control-character';
  if (looksLikeWebAddress(login)) return 'web-address';
  if (/\s/.test(login)) return 'space';
  return null;
}

/** What to tell the person, never repeating what they typed. */
export function describeLoginProblem(problem: LoginInputProblem): string {
  switch (problem) {
    case 'empty':
      return 'The ShotGrid login is empty.';
    case 'too-long':
      return `That is too long for a ShotGrid login (over ${MAX_LOGIN_INPUT_LENGTH} characters).`;
    case 'control-character':
      return 'The login contains a tab, line break or other control character.';
    case 'web-address':
      return 'The login looks like a web address; the site address goes in its own field.';
    case 'space':
      return 'The login has a space in it. Give just the ShotGrid login (often an email address), never the passphrase: it has its own field.';
  }
}
