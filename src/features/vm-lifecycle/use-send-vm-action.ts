// Sends one lifecycle action with a fresh correlation id and records it as an operation, so its progress and
// result show where the user started it. A VM with an operation still running takes no second one (double
// clicks and impatient retries do not start two migrations).
// It goes through `sendEngineOperation` like every long operation (ui/use-engine-operation): a fresh correlation
// id per attempt, the refresh of what the change touched when it settles (engine-api/changes.ts). Its guard and
// its state live in the operations store instead of the hook's: one sender serves every VM of the list (a Run on
// web01 must not wait for db01's), the guard lasts until the operation settled, not until the engine answered,
// and the state outlives the page (docs/decisions/032).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Vm } from '../../domain/model';
import { answerLost, errorText, isEngineError } from '../../engine-api/errors';
import { runVmAction } from '../../engine-api/vms';
import { sendEngineOperation } from '../../ui/use-engine-operation';
import { operationStore, pendingOperation } from './operations';
import type { LifecycleAction } from '../../domain/vm-actions';

export function actionBody(kind: LifecycleAction, destHostId: string | undefined): Record<string, unknown> {
  // Migrate with {} lets the engine pick; {"host": {"id"}} names the destination (reference §5.2).
  return kind === 'migrate' && destHostId ? { host: { id: destHostId } } : {};
}

export function useSendVmAction() {
  const queryClient = useQueryClient();
  return useCallback(
    async (vm: Pick<Vm, 'id' | 'name' | 'hostId'>, kind: LifecycleAction, destHostId?: string): Promise<void> => {
      if (pendingOperation(operationStore.get(), vm.id)) return;
      let id = '';
      const how = { change: { kind: 'vm-lifecycle', vmId: vm.id }, prefix: kind === 'start' ? 'run' : kind } as const;
      try {
        await sendEngineOperation(
          queryClient,
          how,
          (correlationId) => runVmAction(vm.id, kind, actionBody(kind, destHostId), correlationId),
          (correlationId) => {
            id = correlationId;
            operationStore.add({
              id,
              vmId: vm.id,
              vmName: vm.name,
              kind,
              sourceHostId: vm.hostId,
              destHostId,
              startedAt: Date.now(),
              request: 'sending',
            });
          },
        );
        operationStore.update(id, { request: 'accepted' });
      } catch (e) {
        // A lost or unreadable answer is not a refusal: the engine may have acted. Its record decides.
        if (answerLost(e)) {
          operationStore.update(id, { request: 'accepted', answerLost: errorText(e) });
          return;
        }
        operationStore.update(id, {
          request: 'refused',
          settled: true,
          error: { text: errorText(e), status: isEngineError(e) && e.kind === 'fault' ? e.status : undefined },
        });
      }
    },
    [queryClient],
  );
}
