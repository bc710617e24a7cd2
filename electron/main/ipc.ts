import type { WebContents } from 'electron';
import type { z } from 'zod';
import {
  HOST_CHANNELS,
  HOST_EVENTS,
  type HostEvent,
  type HostEventPayload,
  type HostMethod,
  type HostResponse,
} from '../../shared/host/contract';
import { isAppUrl, type AppLocation } from './security';
import { capText } from '../../shared/document/issues';

/**
 * The main-process side of the host contract. One generic registrar installs a handler per
 * HOST_CHANNELS entry and wraps it in the same three checks: the message comes from our
 * window's top frame showing our page, the payload matches the channel's request schema,
 * and what we send back matches its response schema. Handlers themselves are plain functions
 * (handlers.ts) that never see an unvalidated value.
 */

export type HostRequestData<M extends HostMethod> = z.output<(typeof HOST_CHANNELS)[M]['request']>;

export type HostHandlers = {
  [M in HostMethod]: (request: HostRequestData<M>) => Promise<HostResponse<M>>;
};

/** The parts of IpcMainInvokeEvent the checks read. */
export interface InvokeEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/** The parts of ipcMain the registrar uses. */
export interface IpcRegistry {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export class HostIpcError extends Error {
  override name = 'HostIpcError';
}

/**
 * Accepts messages only from the main window's top-level frame while it shows our page: not
 * from DevTools, not from an iframe, not after a (blocked, but still) navigation elsewhere.
 */
export function createSenderCheck(getMainWebContentsId: () => number | null, location: AppLocation): (event: InvokeEvent) => boolean {
  return (event) => {
    const mainId = getMainWebContentsId();
    const frame = event.senderFrame;
    return mainId !== null && event.sender.id === mainId && frame !== null && frame.parent === null && isAppUrl(frame.url, location);
  };
}

/** Installs every HOST_CHANNELS handler; returns a function that removes them again. */
export function registerHostHandlers(
  ipc: IpcRegistry,
  handlers: HostHandlers,
  isTrustedSender: (event: InvokeEvent) => boolean,
): () => void {
  const methods = Object.keys(HOST_CHANNELS) as HostMethod[];
  for (const method of methods) {
    const { channel, request, response } = HOST_CHANNELS[method];
    const handler = handlers[method] as (request: unknown) => Promise<unknown>;
    ipc.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event)) {
        console.warn(`Stowage refused ${channel} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
        throw new HostIpcError(`${method} was refused: the request did not come from the Stowage window.`);
      }
      if (args.length !== 1) throw new HostIpcError(`${method} expects exactly one request object, got ${args.length} arguments.`);
      const parsed = request.safeParse(args[0]);
      if (!parsed.success) throw new HostIpcError(`${method} was refused: ${describeIssues(parsed.error)}`);
      const result = await handler(parsed.data);
      const checked = response.safeParse(result);
      if (!checked.success) {
        console.error(`Stowage produced an invalid ${method} response`, checked.error.issues);
        throw new HostIpcError(
          `${method} failed inside Stowage (invalid response: ${describeIssues(checked.error)}). This is a bug; please report it.`,
        );
      }
      return checked.data;
    });
  }
  return () => {
    for (const method of methods) ipc.removeHandler(HOST_CHANNELS[method].channel);
  };
}

/** Sends a HOST_EVENTS message after checking its payload, so main cannot break the contract either. */
export function sendHostEvent<E extends HostEvent>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  event: E,
  payload: HostEventPayload<E>,
): void {
  const { channel, payload: schema } = HOST_EVENTS[event];
  const checked = schema.parse(payload);
  if (!contents.isDestroyed()) contents.send(channel, checked);
}

function describeIssues(error: z.ZodError): string {
  return (
    error.issues
      .slice(0, 5)
      // Cut: zod's message for unknown keys lists every one of them, and a forged call can send millions.
      .map((issue) => capText(`${issue.path.length > 0 ? issue.path.join('.') : 'request'}: ${issue.message}`))
      .join('; ')
  );
}
