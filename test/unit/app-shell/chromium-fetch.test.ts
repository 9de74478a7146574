import { describe, expect, it } from 'vitest';
import { CANCELLED_REDIRECT_MESSAGE, withOpaqueRedirects } from '../../../src/app-shell/chromium-fetch';
import { decodeJsonReply } from '../../../src/shotgrid/decode-http-reply';

type Init = { redirect: RequestRedirect; signal: AbortSignal };
const manual = (): Init => ({ redirect: 'manual', signal: new AbortController().signal });
const rejectingWith = (error: unknown) => async (): Promise<Response> => {
  throw error;
};

describe('withOpaqueRedirects', () => {
  it('passes replies through untouched', async () => {
    const reply = new Response('{}', { status: 200 });
    await expect(withOpaqueRedirects<Init>(async () => reply)('https://studio.shotgrid.autodesk.com/api3/json', manual())).resolves.toBe(reply);
  });

  it('turns a redirect net.fetch refused to return into an opaque redirect the client reads as one', async () => {
    const fetch = withOpaqueRedirects<Init>(rejectingWith(new Error(CANCELLED_REDIRECT_MESSAGE)));
    const reply = await fetch('https://studio.shotgrid.autodesk.com/api3/json', manual());
    expect(reply.status).toBe(0);
    expect(reply.headers.get('location')).toBeNull();
    const decoded = decodeJsonReply({ status: reply.status, contentType: null, location: null, date: null, body: '' });
    expect(decoded).toEqual({ ok: false, failure: { kind: 'redirect', status: 0, location: null } });
  });

  it('keeps the rejection when the request did not ask for manual redirects', async () => {
    const fetch = withOpaqueRedirects<Init>(rejectingWith(new Error(CANCELLED_REDIRECT_MESSAGE)));
    await expect(fetch('https://a.example/', { ...manual(), redirect: 'follow' })).rejects.toThrow(CANCELLED_REDIRECT_MESSAGE);
  });

  it('keeps a cancelled check a cancellation', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch = withOpaqueRedirects<Init>(rejectingWith(new Error(CANCELLED_REDIRECT_MESSAGE)));
    await expect(fetch('https://a.example/', { redirect: 'manual', signal: controller.signal })).rejects.toThrow(CANCELLED_REDIRECT_MESSAGE);
  });

  it('keeps network errors as they are', async () => {
    const failure = new Error('net::ERR_NAME_NOT_RESOLVED');
    await expect(withOpaqueRedirects<Init>(rejectingWith(failure))('https://a.example/', manual())).rejects.toBe(failure);
    await expect(withOpaqueRedirects<Init>(rejectingWith('Redirect was cancelled'))('https://a.example/', manual())).rejects.toBe('Redirect was cancelled');
  });
});
