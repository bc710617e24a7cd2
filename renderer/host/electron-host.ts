import { HOST_CHANNELS, type HostApi, type HostMethod } from '../../shared/host/contract';

/**
 * The desktop host: the preload's `window.stowageHost` (electron/preload/bridge.ts), with
 * rejected calls reduced to their message. Electron prefixes errors thrown in the main process
 * with "Error invoking remote method 'file:save': HostIpcError: ", which no user should read.
 */

declare global {
  interface Window {
    /** Present only in the desktop app, exposed by the sandboxed preload script. */
    readonly stowageHost?: HostApi;
  }
}

const IPC_ERROR_PREFIX = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

export function cleanIpcError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.replace(IPC_ERROR_PREFIX, ''));
}

export function createElectronHost(bridge: HostApi | undefined = typeof window === 'undefined' ? undefined : window.stowageHost): HostApi {
  if (!bridge) throw new Error('The Stowage desktop bridge is missing; this page must be loaded by the Stowage app.');
  const methods = Object.fromEntries(
    (Object.keys(HOST_CHANNELS) as HostMethod[]).map((method) => {
      const call = bridge[method] as (request: unknown) => Promise<unknown>;
      return [method, (request: unknown) => call(request).catch((error: unknown) => Promise.reject(cleanIpcError(error)))];
    }),
  ) as Omit<HostApi, 'on' | 'kind' | 'platform'>;
  return {
    ...methods,
    on: (event, listener) => bridge.on(event, listener),
    kind: 'electron',
    platform: bridge.platform,
  };
}
