import { hasControlCharacter, looksLikeWebAddress, MAX_LOGIN_INPUT_LENGTH, parseLoginInput, type LoginInputProblem } from '../shotgrid/login-input';
import { UsageError } from './exit-codes';


/**
 * A person's ShotGrid login from the command line, checked as the app checks it before anything is
 * sent, filed or printed; the message names the option and never repeats what was typed.
 */
export function loginArgument(value: string, option: string): string {
  const parsed = parseLoginInput(value);
  if (parsed.ok) return parsed.login;
  throw new UsageError(loginProblemText(parsed.problem, option));
}

function loginProblemText(problem: LoginInputProblem, option: string): string {
  switch (problem) {
    case 'empty':
      return `${option} needs a login, for example ${option} jane@studio.com.`;
    case 'too-long':
      return `${option} is too long for a ShotGrid login (over ${MAX_LOGIN_INPUT_LENGTH} characters).`;
    case 'control-character':
      return `${option} contains a tab, line break or other control character; give just a ShotGrid login.`;
    case 'web-address':
      return `${option} looks like a web address. Give a ShotGrid login there; the site's address goes in --site.`;
    case 'space':
      return `${option} has a space in it. Give just the ShotGrid login (often an e-mail address), not a name and never ` +
        'the passphrase: Gridpass asks for that separately. (What was given is not repeated, in case it held a secret.)';
  }
}

/** An API script's name from the command line: script names may contain spaces, nothing else changes. */
export function scriptNameArgument(value: string, option: string): string {
  const name = value.trim();
  if (name === '') throw new UsageError(`${option} needs the script name, as it appears on the site's Scripts page.`);
  if (name.length > MAX_LOGIN_INPUT_LENGTH) throw new UsageError(`${option} is too long for a script name (over ${MAX_LOGIN_INPUT_LENGTH} characters).`);
  if (hasControlCharacter(name)) throw new UsageError(`${option} contains a tab, line break or other control character; give just a script name.`);
  if (looksLikeWebAddress(name)) throw new UsageError(`${option} looks like a web address. Give a script name there; the site's address goes in --site.`);
  return name;
}
