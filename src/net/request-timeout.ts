/**
 * How long one network step (a name lookup, a connection, one request to the site) may take unless
 * the caller says otherwise. The one default for the app and every `gridpass` command: a check must
 * not give up at 10 s in `doctor` and wait 15 s in `verify` for the same site.
 */
export const defaultRequestTimeoutMs = 15_000;
