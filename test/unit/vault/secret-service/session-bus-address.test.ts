import { describe, expect, it } from 'vitest';
import { sessionBusSocket } from '../../../../src/vault/secret-service/session-bus-address';

const socketOf = (address: string | undefined) => sessionBusSocket({ DBUS_SESSION_BUS_ADDRESS: address });

describe('session bus address', () => {
  it('takes the socket of a unix:path address, with or without a guid', () => {
    expect(socketOf('unix:path=/run/user/1000/bus')).toBe('/run/user/1000/bus');
    expect(socketOf('unix:path=/tmp/dbus-fSpiQiHGak,guid=a8528b6a18cb8ac5ea47cfcb6b160c7f')).toBe('/tmp/dbus-fSpiQiHGak');
  });

  it('names an abstract socket as Node does, with a leading NUL', () => {
    expect(socketOf('unix:abstract=/tmp/dbus-XyZ,guid=00')).toBe('\0/tmp/dbus-XyZ');
  });

  it('unescapes the value', () => {
    expect(socketOf('unix:path=/home/j%20doe/bus')).toBe('/home/j doe/bus');
  });

  it('takes the first address it can use from a list', () => {
    expect(socketOf('tcp:host=localhost,port=1234;unix:path=/run/user/1000/bus')).toBe('/run/user/1000/bus');
  });

  it('leaves everything else to the keychain library', () => {
    expect(socketOf(undefined)).toBeNull();
    expect(socketOf('')).toBeNull();
    expect(socketOf('tcp:host=localhost,port=1234')).toBeNull();
    expect(socketOf('unix:dir=/tmp')).toBeNull();
    expect(socketOf('unixexec:path=/bin/true')).toBeNull();
    expect(socketOf('unix:path=%zz')).toBeNull();
    expect(socketOf('launchd:env=DBUS_LAUNCHD_SESSION_BUS_SOCKET')).toBeNull();
  });
});
