/**
 * Environment variables that would weaken Node's certificate checks if Gridpass let them. It does not:
 * the CLI's HTTP agent and the diagnosis TLS probe set `rejectUnauthorized: true` themselves, which
 * wins over the variable. `doctor` still names any that are set, as a warning: whoever set one meant
 * to turn checks off, and other tools on the machine may obey it.
 */

/** Node's switch, and the NODE_OPTIONS flags that loosen TLS for every Node program. */
const NODE_OPTIONS_FLAGS = /(^|\s)(--tls-min-v1\.[01]\b|--tls-cipher-list\b|--insecure-http-parser\b|--security-revert\b)/;

/** Each setting found, as `NAME=value` (values are switches, never secrets). */
export function tlsWeakeningVariables(env: Readonly<Record<string, string | undefined>>): string[] {
  const found: string[] = [];
  const reject = env.NODE_TLS_REJECT_UNAUTHORIZED;
  // Node treats anything but "0" as "verify"; only "0" turns checks off, but any value shows intent.
  if (reject !== undefined && reject !== '1') found.push(`NODE_TLS_REJECT_UNAUTHORIZED=${reject.slice(0, 20)}`);
  const options = env.NODE_OPTIONS ?? '';
  const flag = NODE_OPTIONS_FLAGS.exec(options);
  if (flag !== null) found.push(`NODE_OPTIONS ${flag[2]}`);
  return found;
}

/** The TLS options every connection Gridpass makes with Node passes explicitly. */
export const VERIFIED_TLS = { rejectUnauthorized: true } as const;
