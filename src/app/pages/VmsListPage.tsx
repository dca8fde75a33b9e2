// Virtual Machines: the list (features/vms) with the lifecycle actions (features/vm-lifecycle) composed in here,
// so the two features stay independent of each other.
import { useVmRowActions } from '../../features/vm-lifecycle/use-vm-row-actions';
import { VmsPage } from '../../features/vms/VmsPage';

export function VmsListPage() {
  const lifecycle = useVmRowActions();
  return (
    <>
      <VmsPage rowActions={lifecycle.rowActions} onRowMenuOpen={lifecycle.onMenuOpen} above={lifecycle.operations} />
      {lifecycle.dialogs}
    </>
  );
}
