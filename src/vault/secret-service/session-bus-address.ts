/**
 * Where the session bus listens, from DBUS_SESSION_BUS_ADDRESS (the D-Bus specification's "Server
 * Addresses"): the first `unix:path=` or `unix:abstract=` address, its value unescaped. Anything else
 * (no address, `tcp:`, `unix:dir=` for servers, launchd) is left to the keychain library, which knows
 * how to autolaunch and where each desktop puts its bus.
 */
export function sessionBusSocket(env: Readonly<Record<string, string | undefined>>): string | null {
  const addresses = env.DBUS_SESSION_BUS_ADDRESS;
  if (addresses === undefined) return null;
  for (const address of addresses.split(';')) {
    const colon = address.indexOf(':');
    if (colon < 0 || address.slice(0, colon) !== 'unix') continue;
    const keys = new Map(address.slice(colon + 1).split(',').map((pair) => {
      const equals = pair.indexOf('=');
      return [pair.slice(0, equals), pair.slice(equals + 1)] as const;
    }));
    const path = unescapeValue(keys.get('path'));
    if (path) return path;
    const abstract = unescapeValue(keys.get('abstract'));
    if (abstract) return `\0${abstract}`;
  }
  return null;
}

function unescapeValue(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
