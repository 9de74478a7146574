/**
 * The one door from the renderer into main (Electron checklist item 17, VS Code's ValidatedIpcMain).
 * Every handler is registered through validatedHandle(), which refuses a call unless it comes from
 * the top frame of one of our windows showing one of our pages, and then parses the payload with the
 * request's zod schema. Whatever goes wrong, the renderer gets a short generic message: never a
 * stack, never the payload back.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { channelOf, requestNames, requestSchemas } from '../../src/ipc/contract';
import type { GridpassHandlers, RequestName } from '../../src/ipc/contract';
import { isTrustedOrigin } from '../../src/app-shell/renderer-origin';

/** The parts of an invoke event the checks read; Electron's IpcMainInvokeEvent fits it. */
export interface SenderEvent {
  senderFrame: { parent: unknown; url: string } | null;
  sender: unknown;
}

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;
export type SenderCheck = (event: SenderEvent) => boolean;
export type IpcLog = (message: string) => void;

export const REFUSED_MESSAGE = 'Gridpass refused this request.';
export const INVALID_MESSAGE = 'Gridpass could not read this request.';
export const FAILED_MESSAGE = 'Gridpass could not complete this request.';

/**
 * Trusted: the top frame (no parent), on a trusted origin, inside a webContents that belongs to one
 * of our windows (`BrowserWindow.fromWebContents(sender)` is one we created).
 */
export function createSenderCheck(options: {
  trustedOrigins: () => readonly string[];
  isOwnWebContents: (sender: unknown) => boolean;
}): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    if (!isTrustedOrigin(frame.url, options.trustedOrigins())) return false;
    return options.isOwnWebContents(event.sender);
  };
}

export function validatedHandle<S extends z.ZodType>(
  ipcMain: IpcMainLike,
  channel: string,
  schema: S,
  handler: (request: z.output<S>) => Promise<unknown>,
  isTrustedSender: SenderCheck,
  log: IpcLog = () => undefined,
): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    if (!isTrustedSender(event)) {
      log(`IPC ${channel}: refused a call from ${describeSender(event)}`);
      throw new Error(REFUSED_MESSAGE);
    }
    const parsed = args.length === 1 ? schema.safeParse(args[0]) : null;
    if (parsed === null || !parsed.success) {
      // Field names only: the values may be a passphrase.
      const fields = parsed?.error.issues.map((issue) => issue.path.join('.') || '(request)').join(', ') ?? `${args.length} arguments`;
      log(`IPC ${channel}: invalid request (${fields})`);
      throw new Error(INVALID_MESSAGE);
    }
    try {
      return await handler(parsed.data);
    } catch (error) {
      log(`IPC ${channel}: handler failed: ${error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown'}`);
      throw new Error(FAILED_MESSAGE);
    }
  });
}

/** Registers one handler per request of the IPC contract, on the contract's channels. */
export function registerGridpassHandlers(
  ipcMain: IpcMainLike,
  handlers: GridpassHandlers,
  isTrustedSender: SenderCheck,
  log?: IpcLog,
): () => void {
  const register = <K extends RequestName>(name: K) =>
    validatedHandle(ipcMain, channelOf(name), requestSchemas[name], handlers[name] as (request: unknown) => Promise<unknown>, isTrustedSender, log);
  for (const name of requestNames) register(name);
  return () => {
    for (const name of requestNames) ipcMain.removeHandler(channelOf(name));
  };
}

/** Main's entry point: the same registration on Electron's real ipcMain. */
export async function registerWithElectron(handlers: GridpassHandlers, isTrustedSender: SenderCheck, log?: IpcLog): Promise<() => void> {
  const { ipcMain } = await import('electron');
  return registerGridpassHandlers(ipcMain, handlers, isTrustedSender, log);
}

function describeSender(event: SenderEvent): string {
  const frame = event.senderFrame;
  if (frame === null) return 'a frame that is gone';
  let origin = 'an unparsable address';
  try {
    const url = new URL(frame.url);
    origin = `${url.protocol}//${url.host}`;
  } catch {
    // keep the default
  }
  return `${frame.parent === null ? 'top frame' : 'subframe'} at ${origin}`;
}
