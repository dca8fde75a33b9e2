// Shut down / Power off ask first, and say what follows: the seed's Stop VM releases the VM's connections on its
// host, except those something else on that host still uses.
import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import type { Vm } from '../../domain/model';
import { vmActionRequest } from '../../engine-api/vms';
import { RestPreview } from '../../ui/RestPreview';
import { useHostNames } from '../../ui/use-host-names';

export function StopConfirmModal({
  vm,
  how,
  onConfirm,
  onClose,
}: {
  vm: Vm;
  how: 'shutdown' | 'stop';
  onConfirm: () => void;
  onClose: () => void;
}) {
  const hostName = useHostNames();
  const host = hostName(vm.hostId) ?? 'its host';
  const title = how === 'shutdown' ? `Shut down ${vm.name}?` : `Power off ${vm.name}?`;
  return (
    <Modal isOpen onClose={onClose} variant="medium" aria-labelledby="stop-vm-title" aria-describedby="stop-vm-what">
      <ModalHeader title={title} labelId="stop-vm-title" titleIconVariant={how === 'stop' ? 'warning' : undefined} />
      <ModalBody id="stop-vm-body">
        <p id="stop-vm-what">
          {how === 'shutdown'
            ? `The engine asks the guest operating system of ${vm.name} to shut down cleanly.`
            : `${vm.name} stops at once, like pulling the power cord: the guest cannot flush its caches, and data not yet written to its disks is lost.`}
        </p>
        <p style={{ marginTop: '0.75rem' }}>
          Once {vm.name} is down, {host} releases the iSCSI connections {vm.name}&apos;s disks held there, except those a
          storage domain or another VM running on {host} still uses.
        </p>
        <RestPreview specs={[vmActionRequest(vm.id, how)]} headingLevel="h2" names={{ vm: (id) => (id === vm.id ? vm.name : undefined) }} />
      </ModalBody>
      <ModalFooter>
        <Button variant={how === 'stop' ? 'danger' : 'primary'} onClick={onConfirm}>
          {how === 'shutdown' ? 'Shut down' : 'Power off'}
        </Button>
        <Button variant="link" onClick={onClose}>
          Cancel
        </Button>
      </ModalFooter>
    </Modal>
  );
}
