import { UsageError } from './exit-codes';

/** The app's limit for a login (the IPC contract's), so the CLI accepts what the app accepts. */
const maxLength = 256;

const webAddress = /^[a-z][a-z0-9+.-]*:\/\//i;
const controlCharacter = /[\u0000-\u001f\u007f]/;

/**
 * A person's ShotGrid login from the command line, checked before anything is sent: a refused login
 * counts towards the account's lockout, and a login is filed in the settings with its refusal count.
 * Blanks around it are dropped as the app does. A blank inside is refused without quoting it back:
 * "login passphrase" pasted together is the usual cause, and the passphrase must not reach the site,
 * the settings file or the screen.
 */
export function loginArgument(value: string, option: string): string {
  const login = value.trim();
  if (login === '') throw new UsageError(`${option} needs a login, for example ${option} jane@studio.com.`);
  commonProblems(login, option, 'a ShotGrid login');
  if (/\s/.test(login)) {
    throw new UsageError(
      `${option} has a space in it. Give just the ShotGrid login (often an e-mail address), not a name and never ` +
        'the passphrase: Gridpass asks for that separately. (What was given is not repeated, in case it held a secret.)',
    );
  }
  return login;
}

/** An API script's name from the command line: script names may contain spaces, nothing else changes. */
export function scriptNameArgument(value: string, option: string): string {
  const name = value.trim();
  if (name === '') throw new UsageError(`${option} needs the script name, as it appears on the site's Scripts page.`);
  commonProblems(name, option, 'a script name');
  return name;
}

function commonProblems(text: string, option: string, what: string): void {
  if (text.length > maxLength) throw new UsageError(`${option} is too long for ${what} (over ${maxLength} characters).`);
  if (controlCharacter.test(text)) throw new UsageError(`${option} contains a tab, line break or other control character; give just ${what}.`);
  if (webAddress.test(text)) {
    throw new UsageError(`${option} looks like a web address. Give ${what} there; the site's address goes in --site.`);
  }
}
