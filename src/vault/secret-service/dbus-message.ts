/**
 * D-Bus messages: a method call out, any message in. Only what a client that makes calls and waits
 * for their replies needs; signals and anything else that arrives is decoded enough to be skipped.
 */
import { WireError, WireReader, WireWriter, isVariant, type DBusValue } from './dbus-wire';

export interface MethodCall {
  destination: string;
  path: string;
  interface: string;
  member: string;
  signature: string;
  body: readonly DBusValue[];
}

export type IncomingMessage =
  | { type: 'return'; replySerial: number; body: DBusValue[] }
  | { type: 'error'; replySerial: number; errorName: string; body: DBusValue[] }
  | { type: 'other' };

const MESSAGE_TYPE = { methodCall: 1, methodReturn: 2, error: 3 } as const;
const FIELD = { path: 1, interface: 2, member: 3, errorName: 4, replySerial: 5, destination: 6, signature: 8 } as const;
const FIXED_HEADER = 16;
/** The specification's limit on a whole message. */
const MAX_MESSAGE = 1 << 27;

export function encodeMethodCall(call: MethodCall, serial: number): Uint8Array {
  const body = new WireWriter();
  body.write(call.signature, call.body);
  const fields: DBusValue[] = [
    [FIELD.path, { signature: 'o', value: call.path }],
    [FIELD.destination, { signature: 's', value: call.destination }],
    [FIELD.interface, { signature: 's', value: call.interface }],
    [FIELD.member, { signature: 's', value: call.member }],
  ];
  if (call.signature !== '') fields.push([FIELD.signature, { signature: 'g', value: call.signature }]);
  const message = new WireWriter();
  message.write('yyyyuua(yv)', [0x6c, MESSAGE_TYPE.methodCall, 0, 1, body.length, serial, fields]);
  message.align(8);
  const whole = new Uint8Array(message.length + body.length);
  whole.set(message.bytes());
  whole.set(body.bytes(), message.length);
  // The body may carry a key or a secret: no copy is left behind in the writers.
  body.wipe();
  message.wipe();
  return whole;
}

/** The length of the whole message at the start of `bytes`, or null when its header has not all arrived. */
export function messageLength(bytes: Uint8Array): number | null {
  if (bytes.length < FIXED_HEADER) return null;
  if (bytes[0] !== 0x6c) throw new WireError('Only little-endian messages are read.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bodyLength = view.getUint32(4, true);
  const fieldsLength = view.getUint32(12, true);
  const headerLength = FIXED_HEADER + fieldsLength + ((8 - (fieldsLength % 8)) % 8);
  const total = headerLength + bodyLength;
  if (total > MAX_MESSAGE) throw new WireError('A message is longer than D-Bus allows.');
  return total;
}

/** Decodes one whole message, as `messageLength` measured it. */
export function decodeMessage(bytes: Uint8Array): IncomingMessage {
  const header = new WireReader(bytes);
  const [, type, , version, bodyLength, , fields] = header.read('yyyyuua(yv)') as [number, number, number, number, number, number, DBusValue[]];
  if (version !== 1) throw new WireError(`D-Bus protocol version ${version} is not understood.`);
  if (type !== MESSAGE_TYPE.methodReturn && type !== MESSAGE_TYPE.error) return { type: 'other' };
  header.align(8);
  const found = headerFields(fields);
  const replySerial = found.get(FIELD.replySerial);
  if (typeof replySerial !== 'number') throw new WireError('A reply has no reply serial.');
  const signature = found.get(FIELD.signature) ?? '';
  if (typeof signature !== 'string') throw new WireError('A reply has a malformed signature.');
  const bodyStart = header.offset;
  const body = new WireReader(bytes.subarray(bodyStart, bodyStart + bodyLength), bodyStart).read(signature);
  if (type === MESSAGE_TYPE.methodReturn) return { type: 'return', replySerial, body };
  const errorName = found.get(FIELD.errorName);
  return { type: 'error', replySerial, errorName: typeof errorName === 'string' ? errorName : 'unknown', body };
}

function headerFields(fields: DBusValue[]): Map<number, DBusValue> {
  const found = new Map<number, DBusValue>();
  for (const field of fields) {
    const [code, variant] = field as [number, DBusValue];
    if (isVariant(variant)) found.set(code, variant.value);
  }
  return found;
}
