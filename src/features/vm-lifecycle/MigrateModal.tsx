// Migrate: let the engine choose, or pick a host. Each candidate says, from its own device list, whether it sees
// the VM's LUNs (and with how many active paths), whether the engine will have to connect a target first, or why
// it cannot take the VM — before anything is asked of the engine.
import {
  Button, Form, FormGroup, Modal, ModalBody, ModalFooter, ModalHeader, Radio,
} from '@patternfly/react-core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Vm } from '../../domain/model';
import { attachmentsQueryOptions } from '../../engine-api/disk-attachments';
import { disksQueryOptions } from '../../engine-api/disks';
import { errorText } from '../../engine-api/errors';
import { hostStorageQueryOptions } from '../../engine-api/host-storage';
import { hostsQueryOptions } from '../../engine-api/hosts';
import { vmActionRequest } from '../../engine-api/vms';
import { LoadError, Loading } from '../../ui/QueryStates';
import { RestPreview } from '../../ui/RestPreview';
import { useHostNames } from '../../ui/use-host-names';
import { checkDestination, type DestinationCheck, type VmLun } from '../../domain/migration-check';
import { actionBody } from './use-send-vm-action';
import { t, type MessageId } from '../../i18n/i18n';
import { ModalClose } from '../../ui/ModalClose';

const ENGINE_CHOOSES = '';

function verdictHeadline(c: DestinationCheck): MessageId {
  switch (c.verdict) {
    case 'yes':
      return 'vm.migrate.verdictYes';
    case 'connect':
      return 'vm.migrate.verdictConnect';
    case 'no':
      return 'vm.migrate.verdictNo';
    case 'checking':
      return 'vm.migrate.verdictChecking';
    case 'unknown':
      return 'vm.migrate.verdictUnknown';
    case 'source':
      return 'vm.migrate.verdictSource';
    case 'not-up':
      return 'vm.migrate.verdictNotUp';
  }
}

export function MigrateModal({ vm, onMigrate, onClose }: { vm: Vm; onMigrate: (destHostId: string | undefined) => void; onClose: () => void }) {
  const hostName = useHostNames();
  const [dest, setDest] = useState<string>(ENGINE_CHOOSES);
  const hosts = useQuery(hostsQueryOptions());
  const attachments = useQuery(attachmentsQueryOptions(vm.id));
  const disks = useQuery(disksQueryOptions());
  const cluster = (hosts.data ?? []).filter((h) => h.clusterId === vm.clusterId);
  const candidates = cluster.filter((h) => h.id !== vm.hostId && h.status === 'up');
  const storage = useQueries({ queries: candidates.map((h) => hostStorageQueryOptions(h.id)) });

  // The VM's plugged direct-LUN disks: what the destination must reach (the seed: assert or connect first).
  const luns: VmLun[] = (attachments.data ?? []).flatMap((a) => {
    const d = disks.data?.find((x) => x.id === a.diskId);
    if (!a.active || !d || d.storageType !== 'lun') return [];
    return [{ alias: d.alias, lun: { id: d.lun.id, type: d.lun.type, target: d.lun.logicalUnits[0]?.target } }];
  });
  const checks = cluster.map((h) => {
    const i = candidates.indexOf(h);
    const q = i >= 0 ? storage[i] : undefined;
    return checkDestination(h, vm, luns, { data: q?.data, error: q?.error, pending: q?.isPending ?? false }, errorText);
  });
  const chosen = checks.find((c) => c.host.id === dest);
  const canSubmit = dest === ENGINE_CHOOSES || !!chosen?.selectable;
  const loading = hosts.isPending || attachments.isPending || disks.isPending;
  const loadError = hosts.error ?? attachments.error ?? disks.error;
  const request = vmActionRequest(vm.id, 'migrate', actionBody('migrate', dest || undefined));

  return (
    <Modal isOpen onEscapePress={onClose} variant="medium" aria-labelledby="migrate-title" aria-describedby="migrate-intro">
      <ModalClose onClose={onClose} />
      <ModalHeader title={t('vm.migrate.title', { vm: vm.name })} labelId="migrate-title" />
      <ModalBody>
        <p id="migrate-intro">
          {t('vm.migrate.intro', { vm: vm.name, host: hostName(vm.hostId) ?? '', hostNamed: hostName(vm.hostId) ? 'yes' : 'no' })}
        </p>
        {loading ? (
          <Loading what={t('vm.migrate.loadWhat')} />
        ) : loadError ? (
          <LoadError
            what={t('vm.migrate.loadWhat')}
            error={loadError}
            onRetry={() => {
              void hosts.refetch();
              void attachments.refetch();
              void disks.refetch();
            }}
          />
        ) : (
          <Form id="migrate-form" style={{ marginTop: '1rem' }} onSubmit={(ev) => ev.preventDefault()}>
            <FormGroup role="radiogroup" isStack fieldId="migrate-dest" label={t('vm.migrate.destination')}>
              <Radio
                id="migrate-dest-engine"
                name="migrate-dest"
                label={t('vm.migrate.engineChooses')}
                description={t('vm.migrate.engineChoosesHelp')}
                isChecked={dest === ENGINE_CHOOSES}
                onChange={() => setDest(ENGINE_CHOOSES)}
              />
              {checks.map((c) => (
                <Radio
                  key={c.host.id}
                  id={`migrate-dest-${c.host.id}`}
                  name="migrate-dest"
                  label={t('vm.migrate.hostLabel', { host: c.host.name, verdict: t(verdictHeadline(c)) })}
                  isDisabled={!c.selectable}
                  isChecked={dest === c.host.id}
                  onChange={() => setDest(c.host.id)}
                  description={
                    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-host-check={c.verdict}>
                      {c.lines.map((l) => (
                        <li key={l}>{l}</li>
                      ))}
                    </ul>
                  }
                />
              ))}
            </FormGroup>
          </Form>
        )}
        <RestPreview specs={[request]} headingLevel="h2" names={{ host: hostName, vm: (id) => (id === vm.id ? vm.name : undefined) }} />
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" isDisabled={!canSubmit || loading} onClick={() => onMigrate(dest || undefined)}>
          {t('vm.migrate.migrate')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('vm.migrate.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
