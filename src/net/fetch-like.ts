/**
 * The part of WHATWG fetch Gridpass uses: undici's, Electron's `net.fetch`, or the CLI's direct fetch
 * over Node's net and tls modules. A WHATWG `Response` is a FetchReply; the narrower shape lets the CLI answer
 * without loading a fetch implementation at all.
 */
export type FetchLike = (url: string, init: {
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  redirect: 'manual';
}) => Promise<FetchReply>;

/** What the client reads of a reply: the status, a few headers, and the body as a stream of bytes. */
export interface FetchReply {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: FetchReplyBody | null;
}

export interface FetchReplyBody {
  getReader(): {
    read(): Promise<{ done: true; value?: Uint8Array | undefined } | { done: false; value: Uint8Array }>;
    cancel(): Promise<void>;
  };
  cancel(): Promise<void>;
}
