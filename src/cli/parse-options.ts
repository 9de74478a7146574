import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './exit-codes';
import { nearestWord } from './nearest-word';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Options people reach for to pass a secret. None exists: a command line is visible to every user of
 * the machine (`ps`) and lands in shell history, so each gets an explanation instead of "unknown option".
 */
const secretOptions: Readonly<Record<string, string>> = {
  passphrase: 'passphrase',
  password: 'passphrase',
  pass: 'passphrase',
  pw: 'passphrase',
  'script-key': 'script key',
  key: 'script key',
  'api-key': 'script key',
  pat: 'Personal Access Token',
  token: 'token',
  'session-token': 'token',
  secret: 'secret',
};

/**
 * `util.parseArgs` in strict mode, with its errors turned into usage errors a person can read
 * (never a stack trace), and a guard that keeps secrets off the command line.
 */
export function parseOptions<T extends Options>(args: string[], options: T, allowPositionals = false) {
  refuseSecretsOnCommandLine(args);
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify.*$/s, '.') : String(error);
    // parseArgs quotes the offending argument; an option value may be a secret typed in the wrong place.
    throw new UsageError(withSuggestion(readable(message), Object.keys(options)));
  }
}

/** "Unknown option '--jsn'." gains "Did you mean --json?" when one of the command's options is that close. */
function withSuggestion(message: string, known: readonly string[]): string {
  const typed = /^Unknown option '--([^'=]+)'/.exec(message)?.[1];
  const nearest = typed === undefined ? null : nearestWord(typed, [...known, 'help']);
  return nearest === null ? message : `${message} Did you mean --${nearest}?`;
}

/** parseArgs quotes a stray argument back; it may be a secret typed in the wrong place, so it is not repeated. */
function readable(message: string): string {
  if (/^Unexpected argument/.test(message)) {
    return 'This command takes no extra arguments here (the extra word is not repeated, in case it was a secret).';
  }
  const needsValue = /^Option '(?:-\w, )?(--[^' ]+)[^']*' argument missing/.exec(message);
  if (needsValue !== null) return `${needsValue[1]} needs a value.`;
  return message.endsWith('.') ? message : `${message}.`;
}

function refuseSecretsOnCommandLine(args: readonly string[]): void {
  for (const arg of args) {
    if (arg === '--') return;
    const name = /^--([a-z-]+)(?:=|$)/i.exec(arg)?.[1]?.toLowerCase();
    const secret = name === undefined ? undefined : secretOptions[name];
    if (secret !== undefined) {
      throw new UsageError(
        `There is no --${name} option, on purpose: anything on the command line is visible to other users of this ` +
          `computer and is kept in your shell history. Gridpass reads the ${secret} from a hidden prompt, or from ` +
          `standard input with ${secret === 'script key' ? '--key-stdin' : '--passphrase-stdin'}.`,
      );
    }
  }
}
