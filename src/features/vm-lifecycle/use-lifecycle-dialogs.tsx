// Starting a lifecycle action from anywhere (the VM page's buttons, the VM list's row actions): Run goes at once,
// Shut down and Power off ask first, Migrate opens the destination dialog.
import { useState, type ReactNode } from 'react';
import type { Vm } from '../../domain/model';
import { MigrateModal } from './MigrateModal';
import { StopConfirmModal } from './StopConfirmModal';
import { useSendVmAction } from './use-send-vm-action';
import type { LifecycleAction } from '../../domain/vm-actions';

export function useLifecycleDialogs(): { open: (vm: Vm, action: LifecycleAction) => void; dialogs: ReactNode } {
  const send = useSendVmAction();
  const [dialog, setDialog] = useState<{ vm: Vm; action: 'shutdown' | 'stop' | 'migrate' } | undefined>();
  const open = (vm: Vm, action: LifecycleAction) => {
    if (action === 'start') void send(vm, 'start');
    else setDialog({ vm, action });
  };
  const close = () => setDialog(undefined);
  let dialogs: ReactNode = null;
  if (dialog?.action === 'migrate') {
    dialogs = (
      <MigrateModal
        vm={dialog.vm}
        onClose={close}
        onMigrate={(destHostId) => {
          close();
          void send(dialog.vm, 'migrate', destHostId);
        }}
      />
    );
  } else if (dialog) {
    const how = dialog.action;
    dialogs = (
      <StopConfirmModal
        vm={dialog.vm}
        how={how}
        onClose={close}
        onConfirm={() => {
          close();
          void send(dialog.vm, how);
        }}
      />
    );
  }
  return { open, dialogs };
}
