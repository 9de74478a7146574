import type { Failure } from './failure';

/** A step's result inside the client, before the round-trip count is attached to make an Outcome. */
export type Checked<T> = { ok: true; value: T } | { ok: false; failure: Failure };
