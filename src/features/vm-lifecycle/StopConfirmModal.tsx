// Shut down / Power off ask first, and say what follows: the seed's Stop VM releases the VM's connections on its
// host, except those something else on that host still uses.
import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import type { Vm } from '../../domain/model';
import { vmActionRequest } from '../../engine-api/vms';
import { RestPreview } from '../../ui/RestPreview';
import { useHostNames } from '../../ui/use-host-names';
import { t } from '../../i18n/i18n';
import { ModalClose } from '../../ui/ModalClose';

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
  const host = hostName(vm.hostId);
  const title = t(how === 'shutdown' ? 'vm.stop.titleShutdown' : 'vm.stop.titleStop', { vm: vm.name });
  return (
    <Modal isOpen onEscapePress={onClose} variant="medium" aria-labelledby="stop-vm-title" aria-describedby="stop-vm-what">
      <ModalClose onClose={onClose} />
      <ModalHeader title={title} labelId="stop-vm-title" titleIconVariant={how === 'stop' ? 'warning' : undefined} />
      <ModalBody id="stop-vm-body">
        <p id="stop-vm-what">
          {t(how === 'shutdown' ? 'vm.stop.whatShutdown' : 'vm.stop.whatStop', { vm: vm.name })}
        </p>
        <p style={{ marginTop: '0.75rem' }}>
          {t('vm.stop.release', { vm: vm.name, host: host ?? '', hostNamed: host ? 'yes' : 'no' })}
        </p>
        <RestPreview specs={[vmActionRequest(vm.id, how)]} headingLevel="h2" names={{ vm: (id) => (id === vm.id ? vm.name : undefined) }} />
      </ModalBody>
      <ModalFooter>
        <Button variant={how === 'stop' ? 'danger' : 'primary'} onClick={onConfirm}>
          {how === 'shutdown' ? t('vm.stop.shutdown') : t('vm.stop.stop')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('vm.stop.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
