/** The part of WHATWG fetch Gridpass uses: Node's fetch, undici's or Electron's `net.fetch`. */
export type FetchLike = (url: string, init: {
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  redirect: 'manual';
}) => Promise<Response>;
