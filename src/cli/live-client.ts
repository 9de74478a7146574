import type { ShotgridClient } from '../shotgrid/shotgrid-client';
import type { CliContext } from './cli-context';
import type { LiveStatus } from './live-status';

interface TimedContext {
  context: CliContext;
  /** The time spent waiting for the site, without the time a person spent at a prompt. */
  waitedMs(): number;
}

/**
 * The context with a client that shows a live line while each request to the site is waited on, and
 * adds up how long they took, so `verify` can say how long the login took.
 */
export function timedContext(context: CliContext, status: LiveStatus): TimedContext {
  let waited = 0;
  const timed = <T>(label: string, call: () => Promise<T>): Promise<T> => {
    status.show(label);
    return call().finally(() => {
      waited += status.clear();
    });
  };
  let made: ShotgridClient | null = null;
  const timedClient = (): ShotgridClient => {
    if (made !== null) return made;
    const inner = context.client();
    const client: ShotgridClient = {
      probe: (site, options) => timed(`Asking ${site.host} what it is`, () => inner.probe(site, options)),
      verifyLogin: (site, credentials, options) => timed(`Trying the login on ${site.host}`, () => inner.verifyLogin(site, credentials, options)),
      verifyScriptKey: (site, credentials, options) => timed(`Trying the script key on ${site.host}`, () => inner.verifyScriptKey(site, credentials, options)),
      verifySessionToken: (site, credentials, options) => timed(`Trying the session on ${site.host}`, () => inner.verifySessionToken(site, credentials, options)),
      openSession: (site, credentials, options) => timed(`Opening a session on ${site.host}`, () => inner.openSession(site, credentials, options)),
    };
    made = client;
    return client;
  };
  return { context: { ...context, client: timedClient }, waitedMs: () => waited };
}
