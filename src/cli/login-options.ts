/**
 * The options of every command that tries a person's login (verify, doctor, login): one spelling, so
 * `--2fa-stdin` and the refusal of `--2fa-code` mean the same everywhere.
 */
export const loginOptions = {
  site: { type: 'string' },
  login: { type: 'string' },
  'passphrase-stdin': { type: 'boolean' },
  '2fa-stdin': { type: 'boolean' },
  // Refused with a reason rather than "unknown option": a code on the command line is readable by others.
  '2fa-code': { type: 'string' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
} as const;
