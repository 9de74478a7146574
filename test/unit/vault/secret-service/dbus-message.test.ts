import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMethodCall, messageLength } from '../../../../src/vault/secret-service/dbus-message';
import { WireReader, WireWriter, type DBusValue } from '../../../../src/vault/secret-service/dbus-wire';

/** A message as a bus would send it: type 2 a method return, 3 an error, 4 a signal. */
function incoming(type: number, fields: DBusValue[], signature: string, body: DBusValue[]): Uint8Array {
  const bodyWriter = new WireWriter();
  bodyWriter.write(signature, body);
  const header = new WireWriter();
  const allFields = signature === '' ? fields : [...fields, [8, { signature: 'g', value: signature }]];
  header.write('yyyyuua(yv)', [0x6c, type, 1, 1, bodyWriter.length, 99, allFields]);
  header.align(8);
  return Uint8Array.from([...header.bytes(), ...bodyWriter.bytes()]);
}

describe('D-Bus messages', () => {
  it('encodes a method call with its path, destination, interface, member and signature', () => {
    const bytes = encodeMethodCall({
      destination: 'org.freedesktop.secrets', path: '/org/freedesktop/secrets', interface: 'org.freedesktop.Secret.Service',
      member: 'SearchItems', signature: 'a{ss}', body: [[['service', 'Gridpass']]],
    }, 7);
    expect(messageLength(bytes)).toBe(bytes.length);
    const reader = new WireReader(bytes);
    const [endian, type, flags, version, bodyLength, serial, fields] = reader.read('yyyyuua(yv)');
    expect([endian, type, flags, version, serial]).toEqual([0x6c, 1, 0, 1, 7]);
    expect(fields).toEqual([
      [1, { signature: 'o', value: '/org/freedesktop/secrets' }],
      [6, { signature: 's', value: 'org.freedesktop.secrets' }],
      [2, { signature: 's', value: 'org.freedesktop.Secret.Service' }],
      [3, { signature: 's', value: 'SearchItems' }],
      [8, { signature: 'g', value: 'a{ss}' }],
    ]);
    reader.align(8);
    expect(bytes.length - reader.offset).toBe(bodyLength);
    expect(new WireReader(bytes.subarray(reader.offset), reader.offset).read('a{ss}')).toEqual([[['service', 'Gridpass']]]);
  });

  it('decodes a method return with its body', () => {
    const reply = incoming(2, [[5, { signature: 'u', value: 3 }]], 'aoao', [['/org/freedesktop/secrets/collection/login/1'], []]);
    expect(decodeMessage(reply)).toEqual({ type: 'return', replySerial: 3, body: [['/org/freedesktop/secrets/collection/login/1'], []] });
  });

  it('decodes an error reply with its name and message', () => {
    const reply = incoming(3, [[4, { signature: 's', value: 'org.freedesktop.Secret.Error.IsLocked' }], [5, { signature: 'u', value: 4 }]], 's', ['Cannot get secret of a locked object']);
    expect(decodeMessage(reply)).toEqual({ type: 'error', replySerial: 4, errorName: 'org.freedesktop.Secret.Error.IsLocked', body: ['Cannot get secret of a locked object'] });
  });

  it('passes over signals', () => {
    const signal = incoming(4, [[1, { signature: 'o', value: '/org/freedesktop/DBus' }], [3, { signature: 's', value: 'NameAcquired' }]], 's', [':1.42']);
    expect(decodeMessage(signal)).toEqual({ type: 'other' });
  });

  it('waits for a whole header, and refuses a reply without a reply serial or in big-endian order', () => {
    const reply = incoming(2, [[5, { signature: 'u', value: 3 }]], 's', ['ok']);
    expect(messageLength(reply.subarray(0, 15))).toBeNull();
    expect(messageLength(reply.subarray(0, 16))).toBe(reply.length);
    expect(() => decodeMessage(incoming(2, [], 's', ['ok']))).toThrow('no reply serial');
    const bigEndian = Uint8Array.from(reply);
    bigEndian[0] = 0x42;
    expect(() => messageLength(bigEndian)).toThrow('little-endian');
  });
});
