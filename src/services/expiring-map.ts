import { randomUUID } from 'node:crypto';

/**
 * Holds short-lived values in main's memory under random ids: a 2FA attempt waiting for its code, a
 * verified login waiting to be saved, a PAT waiting to be copied. The renderer gets only the id, so
 * a secret crosses IPC once and never comes back. Entries expire so nothing secret lingers.
 */
export class ExpiringMap<T> {
  readonly #entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  put(value: T, id: string = randomUUID()): string {
    this.#sweep();
    this.#entries.set(id, { value, expiresAt: this.now() + this.ttlMs });
    return id;
  }

  get(id: string): T | undefined {
    this.#sweep();
    return this.#entries.get(id)?.value;
  }

  take(id: string): T | undefined {
    const value = this.get(id);
    this.#entries.delete(id);
    return value;
  }

  delete(id: string): void {
    this.#entries.delete(id);
  }

  clear(): void {
    this.#entries.clear();
  }

  #sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(id);
  }
}
