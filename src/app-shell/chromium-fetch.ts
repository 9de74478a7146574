/**
 * Electron's `net.fetch` does not return a redirect when asked for `redirect: 'manual'`: it rejects
 * with "Redirect was cancelled" (electron/electron#43715), because its request wants
 * `followRedirect()` called from a 'redirect' event that fetch never exposes. The ShotGrid client
 * reads a redirect as "the site moved" or "a sign-in page is in the way", so the rejection is turned
 * back into what a browser's fetch gives for `redirect: 'manual'`: an opaque redirect, status 0, with
 * no Location. Anything else, including a cancelled check, passes through untouched.
 */
export const CANCELLED_REDIRECT_MESSAGE = 'Redirect was cancelled';

interface ManualRedirectInit {
  redirect?: RequestRedirect;
  signal?: AbortSignal | null;
}

export function withOpaqueRedirects<Init extends ManualRedirectInit>(
  fetch: (url: string, init: Init) => Promise<Response>,
): (url: string, init: Init) => Promise<Response> {
  return async (url, init) => {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (init.redirect === 'manual' && !init.signal?.aborted && isCancelledRedirect(error)) return Response.error();
      throw error;
    }
  };
}

function isCancelledRedirect(error: unknown): boolean {
  return error instanceof Error && error.message === CANCELLED_REDIRECT_MESSAGE;
}
