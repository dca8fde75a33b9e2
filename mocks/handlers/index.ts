// Every handler of the emulated engine. Handlers only translate HTTP ↔ the engine's named operations.
import type { Engine } from '../engine/engine';
import { apiRootHandlers } from './api-root';
import { notFoundHandlers, type EngineRef } from './context';
import { diskHandlers } from './disks';
import type { FaultInjector } from './faults';
import type { CookieMode } from './http-session';
import { hostHandlers } from './hosts';
import { jobHandlers } from './jobs';
import { ssoHandlers } from './sso';
import { storageHandlers } from './storage';
import { vmHandlers } from './vms';

/**
 * `faults`: the transport faults armed from `window.__emulator.failNext` (faults.ts); none when absent. `cookies`: how
 * the session cookie travels (http-session.ts): `document` in the page, `http` otherwise.
 */
export function createHandlers(current: () => Engine, faults?: FaultInjector, cookies: CookieMode = 'http') {
  const engine: EngineRef = Object.assign(() => current(), { faults, cookies });
  return [
    ...ssoHandlers(engine),
    ...apiRootHandlers(engine),
    ...hostHandlers(engine),
    ...diskHandlers(engine),
    ...vmHandlers(engine),
    ...storageHandlers(engine),
    ...jobHandlers(engine),
    // Last: whatever is left under /ovirt-engine/api is the engine's empty 404 (context.ts).
    ...notFoundHandlers(engine),
  ];
}
