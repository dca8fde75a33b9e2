// Every handler of the emulated engine. Handlers only translate HTTP ↔ the engine's named operations.
import type { EngineRef } from './context';
import { diskHandlers } from './disks';
import { hostHandlers } from './hosts';
import { jobHandlers } from './jobs';
import { ssoHandlers } from './sso';
import { storageHandlers } from './storage';
import { vmHandlers } from './vms';

export function createHandlers(engine: EngineRef) {
  return [
    ...ssoHandlers(engine),
    ...hostHandlers(engine),
    ...diskHandlers(engine),
    ...vmHandlers(engine),
    ...storageHandlers(engine),
    ...jobHandlers(engine),
  ];
}
