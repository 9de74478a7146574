import { describe, expect, it } from 'vitest';
import { splitSignature, WireError, WireReader, WireWriter, type DBusValue } from '../../../../src/vault/secret-service/dbus-wire';

function roundTrip(signature: string, values: DBusValue[]): DBusValue[] {
  const writer = new WireWriter();
  writer.write(signature, values);
  return new WireReader(writer.bytes()).read(signature);
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

describe('D-Bus wire format', () => {
  it('splits a signature into its complete types', () => {
    expect(splitSignature('sv')).toEqual(['s', 'v']);
    expect(splitSignature('a{ss}o')).toEqual(['a{ss}', 'o']);
    expect(splitSignature('(oayays)aa{sv}u')).toEqual(['(oayays)', 'aa{sv}', 'u']);
    expect(() => splitSignature('a{ss')).toThrow(WireError);
    expect(() => splitSignature('z')).toThrow(WireError);
  });

  it('lays a string, a byte and a uint32 out with the specification padding', () => {
    const writer = new WireWriter();
    writer.write('syu', ['ab', 7, 0x01020304]);
    // length 2, "ab", NUL, then the byte, then zero padding to the 4-byte boundary before the uint32.
    expect(hex(writer.bytes())).toBe('02000000' + '616200' + '07' + '04030201');
  });

  it('pads a struct to 8 bytes and counts an array length without the padding after it', () => {
    const writer = new WireWriter();
    writer.write('a(yy)', [[[1, 2], [3, 4]]]);
    // length 10: the first struct starts at 8, the second at 16, and ends at 18.
    expect(hex(writer.bytes())).toBe('0a000000' + '00000000' + '0102' + '000000000000' + '0304');
  });

  it('reads back what it writes for the Secret Service types', () => {
    const key = Uint8Array.from({ length: 128 }, (_, index) => (index * 7) & 0xff);
    expect(roundTrip('sv', ['dh-ietf1024-sha256-aes128-cbc-pkcs7', { signature: 'ay', value: key }])).toEqual([
      'dh-ietf1024-sha256-aes128-cbc-pkcs7', { signature: 'ay', value: key },
    ]);
    expect(roundTrip('a{ss}', [[['service', 'Gridpass'], ['username', 'session:studio.example:jane']]])).toEqual([
      [['service', 'Gridpass'], ['username', 'session:studio.example:jane']],
    ]);
    const secret = ['/org/freedesktop/secrets/session/s1', new Uint8Array(16).fill(9), new Uint8Array([1, 2, 3]), 'text/plain'];
    expect(roundTrip('(oayays)', [secret])).toEqual([secret]);
    expect(roundTrip('aoao', [['/a', '/b/c'], []])).toEqual([['/a', '/b/c'], []]);
    expect(roundTrip('bgs', [true, 'a{sv}', 'ünïcødé'])).toEqual([true, 'a{sv}', 'ünïcødé']);
  });

  it('aligns by the position in the whole message, not in the part being read', () => {
    const writer = new WireWriter();
    writer.write('yu', [1, 42]);
    // The uint32 sits at 4; read from a slice that starts at 1, the reader must still skip to 4.
    expect(new WireReader(writer.bytes().subarray(1), 1).read('u')).toEqual([42]);
  });

  it('refuses what is malformed instead of reading past it', () => {
    const reader = (bytes: number[]) => new WireReader(Uint8Array.from(bytes));
    expect(() => reader([5, 0, 0, 0, 0x61]).read('s')).toThrow('ends early');
    expect(() => reader([1, 0, 0, 0, 0x61, 0x62]).read('s')).toThrow('not NUL-terminated');
    expect(() => reader([2, 0, 0, 0, 0xc3, 0x28, 0]).read('s')).toThrow();
    expect(() => reader([0xff, 0xff, 0xff, 0xff]).read('ay')).toThrow('longer than D-Bus allows');
    expect(() => reader([2, 0x75, 0x75, 0]).read('v')).toThrow('more than one type');
    const deep = new WireWriter();
    expect(() => deep.write('s', [1])).toThrow('A string was expected');
    expect(() => deep.write('ss', ['one'])).toThrow('1 values');
    expect(() => deep.write('s', ['a\0b'])).toThrow('NUL');
  });

  it('wipes what it wrote', () => {
    const writer = new WireWriter();
    writer.write('ay', [new Uint8Array(300).fill(0xaa)]);
    const bytes = writer.bytes();
    writer.wipe();
    expect(bytes.every((byte) => byte === 0)).toBe(true);
  });
});
