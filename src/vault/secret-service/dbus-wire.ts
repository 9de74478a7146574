/**
 * The D-Bus wire format (the specification's "Message Protocol"), little-endian, for the types the
 * Secret Service's calls and replies use. Values are plain data: structs and dict entries are arrays,
 * `ay` is a Uint8Array, a variant carries its signature. Anything malformed throws a WireError, which
 * the reader turns into "take the keychain library's way instead".
 */
export type DBusValue = number | bigint | boolean | string | Uint8Array | DBusVariant | readonly DBusValue[];

interface DBusVariant {
  readonly signature: string;
  readonly value: DBusValue;
}

export class WireError extends Error {}

const MAX_DEPTH = 32;

/** The alignment of a type starting with `code`. */
function alignment(code: string): number {
  switch (code) {
    case 'y': case 'g': case 'v':
      return 1;
    case 'n': case 'q':
      return 2;
    case 'x': case 't': case 'd': case '(': case '{':
      return 8;
    default:
      return 4;
  }
}

/** The end (exclusive) of the single complete type starting at `at` in `signature`. */
function completeTypeEnd(signature: string, at: number): number {
  const code = signature[at];
  if (code === undefined) throw new WireError('The signature ends early.');
  if (code === 'a') return completeTypeEnd(signature, at + 1);
  if (code !== '(' && code !== '{') {
    if (!'ybnqiuxtdsogvh'.includes(code)) throw new WireError(`Unknown type code ${JSON.stringify(code)}.`);
    return at + 1;
  }
  const close = code === '(' ? ')' : '}';
  let next = at + 1;
  while (signature[next] !== close) next = completeTypeEnd(signature, next);
  return next + 1;
}

/** The complete types of a signature, in order ("a{ss}o" gives ["a{ss}", "o"]). */
export function splitSignature(signature: string): string[] {
  const types: string[] = [];
  for (let at = 0; at < signature.length; ) {
    const end = completeTypeEnd(signature, at);
    types.push(signature.slice(at, end));
    at = end;
  }
  return types;
}

export class WireWriter {
  #bytes = new Uint8Array(256);
  #length = 0;
  readonly #utf8 = new TextEncoder();

  get length(): number {
    return this.#length;
  }

  bytes(): Uint8Array {
    return this.#bytes.subarray(0, this.#length);
  }

  /** Zeroes what was written, for buffers that held key material. */
  wipe(): void {
    this.#bytes.fill(0);
  }

  align(to: number): void {
    while (this.#length % to !== 0) this.#push(0);
  }

  write(signature: string, values: readonly DBusValue[]): void {
    const types = splitSignature(signature);
    if (types.length !== values.length) throw new WireError(`${values.length} values for the signature ${signature}.`);
    types.forEach((type, index) => this.#value(type, values[index]!, 0));
  }

  uint32At(offset: number, value: number): void {
    new DataView(this.#bytes.buffer, this.#bytes.byteOffset).setUint32(offset, value, true);
  }

  #value(type: string, value: DBusValue, depth: number): void {
    if (depth > MAX_DEPTH) throw new WireError('The value nests too deeply.');
    const code = type[0]!;
    this.align(alignment(code));
    switch (code) {
      case 'y':
        return this.#push(expectNumber(value));
      case 'b':
        return this.#uint32(value === true ? 1 : 0);
      case 'u':
      case 'i':
        return this.#uint32(expectNumber(value) >>> 0);
      case 's':
      case 'o':
        return this.#string(expectString(value), 4);
      case 'g':
        return this.#string(expectString(value), 1);
      case 'v':
        return this.#variant(value, depth);
      case 'a':
        return this.#array(type.slice(1), value, depth);
      case '(':
      case '{':
        return this.#struct(type.slice(1, -1), value, depth);
      default:
        throw new WireError(`Writing the type ${type} is not supported.`);
    }
  }

  #variant(value: DBusValue, depth: number): void {
    if (!isVariant(value)) throw new WireError('A variant needs a signature and a value.');
    this.#string(value.signature, 1);
    this.#value(value.signature, value.value, depth + 1);
  }

  #array(element: string, value: DBusValue, depth: number): void {
    const lengthAt = this.#length;
    this.#uint32(0);
    this.align(alignment(element[0]!));
    const start = this.#length;
    if (element === 'y') {
      if (!(value instanceof Uint8Array)) throw new WireError('An ay value must be bytes.');
      this.#pushAll(value);
    } else {
      if (!Array.isArray(value)) throw new WireError(`An a${element} value must be an array.`);
      for (const item of value as readonly DBusValue[]) this.#value(element, item, depth + 1);
    }
    this.uint32At(lengthAt, this.#length - start);
  }

  #struct(fields: string, value: DBusValue, depth: number): void {
    if (!Array.isArray(value)) throw new WireError('A struct value must be an array of its fields.');
    const types = splitSignature(fields);
    if (types.length !== value.length) throw new WireError(`A struct (${fields}) needs ${types.length} fields.`);
    types.forEach((type, index) => this.#value(type, (value as readonly DBusValue[])[index]!, depth + 1));
  }

  #string(text: string, lengthBytes: 1 | 4): void {
    if (text.includes('\0')) throw new WireError('A D-Bus string may not contain NUL.');
    const encoded = this.#utf8.encode(text);
    if (lengthBytes === 1) {
      if (encoded.length > 255) throw new WireError('A signature is longer than 255 bytes.');
      this.#push(encoded.length);
    } else {
      this.#uint32(encoded.length);
    }
    this.#pushAll(encoded);
    this.#push(0);
  }

  #uint32(value: number): void {
    this.#reserve(4);
    this.uint32At(this.#length, value);
    this.#length += 4;
  }

  #push(byte: number): void {
    this.#reserve(1);
    this.#bytes[this.#length++] = byte;
  }

  #pushAll(bytes: Uint8Array): void {
    this.#reserve(bytes.length);
    this.#bytes.set(bytes, this.#length);
    this.#length += bytes.length;
  }

  #reserve(extra: number): void {
    if (this.#length + extra <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.#length + extra));
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes.fill(0);
    this.#bytes = grown;
  }
}

export class WireReader {
  #at: number;
  readonly #view: DataView;
  readonly #utf8 = new TextDecoder('utf-8', { fatal: true });

  /** `base` is where `bytes` starts in its message, since alignment counts from the message's start. */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly base = 0,
  ) {
    this.#at = 0;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get offset(): number {
    return this.#at;
  }

  align(to: number): void {
    const padding = (to - ((this.base + this.#at) % to)) % to;
    this.#need(padding);
    this.#at += padding;
  }

  read(signature: string): DBusValue[] {
    return splitSignature(signature).map((type) => this.#value(type, 0));
  }

  #value(type: string, depth: number): DBusValue {
    if (depth > MAX_DEPTH) throw new WireError('The value nests too deeply.');
    const code = type[0]!;
    this.align(alignment(code));
    switch (code) {
      case 'y':
        return this.#byte();
      case 'b':
        return this.#uint32() !== 0;
      case 'n':
        return this.#fixed(2, (at) => this.#view.getInt16(at, true));
      case 'q':
        return this.#fixed(2, (at) => this.#view.getUint16(at, true));
      case 'i':
        return this.#fixed(4, (at) => this.#view.getInt32(at, true));
      case 'u':
      case 'h':
        return this.#uint32();
      case 'x':
        return this.#fixed(8, (at) => this.#view.getBigInt64(at, true));
      case 't':
        return this.#fixed(8, (at) => this.#view.getBigUint64(at, true));
      case 'd':
        return this.#fixed(8, (at) => this.#view.getFloat64(at, true));
      case 's':
      case 'o':
        return this.#string(this.#uint32());
      case 'g':
        return this.#string(this.#byte());
      case 'v':
        return this.#variant(depth);
      case 'a':
        return this.#array(type.slice(1), depth);
      case '(':
      case '{':
        return splitSignature(type.slice(1, -1)).map((field) => this.#value(field, depth + 1));
      default:
        throw new WireError(`Unknown type code ${JSON.stringify(code)}.`);
    }
  }

  #variant(depth: number): DBusVariant {
    const signature = this.#string(this.#byte());
    if (completeTypeEnd(signature, 0) !== signature.length) throw new WireError('A variant holds more than one type.');
    return { signature, value: this.#value(signature, depth + 1) };
  }

  #array(element: string, depth: number): DBusValue {
    const length = this.#uint32();
    if (length > 1 << 26) throw new WireError('An array is longer than D-Bus allows.');
    this.align(alignment(element[0]!));
    this.#need(length);
    const end = this.#at + length;
    if (element === 'y') {
      const bytes = this.bytes.slice(this.#at, end);
      this.#at = end;
      return bytes;
    }
    const items: DBusValue[] = [];
    while (this.#at < end) items.push(this.#value(element, depth + 1));
    if (this.#at !== end) throw new WireError('An array element runs past the array.');
    return items;
  }

  #string(length: number): string {
    this.#need(length + 1);
    if (this.bytes[this.#at + length] !== 0) throw new WireError('A string is not NUL-terminated.');
    const text = this.#utf8.decode(this.bytes.subarray(this.#at, this.#at + length));
    this.#at += length + 1;
    return text;
  }

  /** A fixed-size number of `size` bytes, read by `get` at its offset. */
  #fixed<T>(size: number, get: (at: number) => T): T {
    this.#need(size);
    const value = get(this.#at);
    this.#at += size;
    return value;
  }

  #byte(): number {
    this.#need(1);
    return this.bytes[this.#at++]!;
  }

  #uint32(): number {
    return this.#fixed(4, (at) => this.#view.getUint32(at, true));
  }

  #need(count: number): void {
    if (this.#at + count > this.bytes.length) throw new WireError('The message ends early.');
  }
}

export function isVariant(value: DBusValue): value is DBusVariant {
  return typeof value === 'object' && !(value instanceof Uint8Array) && !Array.isArray(value);
}

function expectNumber(value: DBusValue): number {
  if (typeof value !== 'number') throw new WireError('A number was expected.');
  return value;
}

function expectString(value: DBusValue): string {
  if (typeof value !== 'string') throw new WireError('A string was expected.');
  return value;
}
