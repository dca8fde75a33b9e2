// "Attach disk X instead" for a VM (a LUN backs at most one disk, the seed's vDisk): the disk that uses the LUN is
// attached in place, with its options, REST preview, progress and result.
import { Button, Form, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  attachDiskOf, attachOptionStates, defaultAttachChoice, effectiveAttachChoice, type AttachChoice, type AttachDisk, type AttachVm,
} from '../../domain/attach-options';
import type { Vm } from '../../domain/model';
import { attachmentsQueryOptions } from '../../engine-api/disk-attachments';
import { diskQueryOptions, disksQueryOptions } from '../../engine-api/disks';
import { AttachChoiceFields } from '../../flows/disk-attach/AttachChoiceFields';
import { AttachResults } from '../../flows/disk-attach/AttachResults';
import { attachRequests } from '../../flows/disk-attach/requests';
import { useAttachDisks } from '../../flows/disk-attach/use-attach-disks';
import { RestPreview } from '../../ui/RestPreview';
import { t } from '../../i18n/i18n';
import { Rich } from '../../i18n/Rich';

/**
 * Attaches the disk that uses the LUN, with the same options, rules, requests and execution as the Attach
 * wizard (src/flows/disk-attach): on a running VM it is attached inactive and then plugged, so a failed plug leaves
 * it attached and inactive, with Retry plug.
 */
export function AttachExistingModal({ diskId, alias, vm, onClose, onAttached }: { diskId: string; alias: string; vm: Vm; onClose: () => void; onAttached: () => void }) {
  const disk = useQuery(diskQueryOptions(diskId));
  const attachments = useQuery(attachmentsQueryOptions(vm.id));
  const disks = useQuery(disksQueryOptions());
  const [choice, setChoice] = useState<AttachChoice>(() => defaultAttachChoice(vm));
  const attach = useAttachDisks(vm.id);
  const boot = attachments.data?.find((a) => a.bootable);
  const attachVm: AttachVm = {
    name: vm.name,
    status: vm.status,
    virtioScsiEnabled: vm.virtioScsiEnabled,
    bootableDiskAlias: boot ? (disks.data?.find((d) => d.id === boot.diskId)?.alias ?? boot.diskId) : undefined,
  };
  const target: AttachDisk = disk.data ? attachDiskOf(disk.data) : { id: diskId, alias, sharable: false };
  const effective = effectiveAttachChoice(attachVm, target, choice);
  const problem = attachOptionStates(attachVm, target, choice).interfaceProblem;
  const started = !!attach.states;
  const done = started && !attach.busy;

  return (
    <Modal isOpen onClose={attach.busy ? undefined : onClose} variant="medium" aria-labelledby="attach-existing-title">
      <ModalHeader title={t('lunDisk.attachExisting.title', { alias, vm: vm.name })} labelId="attach-existing-title" />
      <ModalBody>
        <p style={{ marginBottom: '1rem' }}>
          <Rich id="lunDisk.attachExisting.body" values={{ alias, vm: vm.name }} tags={[(c) => <strong>{c}</strong>]} />
        </p>
        {!started ? (
          <Form onSubmit={(e) => e.preventDefault()}>
            <AttachChoiceFields idPrefix="attach" vm={attachVm} disk={target} choice={choice} onChange={setChoice} />
          </Form>
        ) : null}
        <RestPreview specs={attachRequests(vm.id, vm.status, diskId, effective)} headingLevel="h2" names={{ vm: (id) => (id === vm.id ? vm.name : undefined) }} />
        {attach.states ? (
          <div style={{ marginTop: '1rem' }}>
            <AttachResults
              states={attach.states}
              vmName={vm.name}
              onRetryPlug={(id) => void attach.retryPlug(id)}
              onRetryAttach={(id) => void attach.retryAttach(id, vm.status)}
            />
          </div>
        ) : null}
      </ModalBody>
      <ModalFooter>
        {done ? (
          <Button variant="primary" onClick={onAttached}>
            {t('lunDisk.attachExisting.goToVm', { vm: vm.name })}
          </Button>
        ) : (
          <Button
            variant="primary"
            onClick={() => void attach.run([{ diskId, alias, choice: effective }], vm.status)}
            isLoading={attach.busy || disk.isPending || attachments.isPending}
            isDisabled={attach.busy || started || disk.isPending || attachments.isPending || !!problem}
          >
            {disk.isPending || attachments.isPending ? t('lunDisk.attachExisting.reading') : t('lunDisk.attachExisting.attach')}
          </Button>
        )}
        <Button variant="link" onClick={onClose} isDisabled={attach.busy}>
          {done ? t('lunDisk.attachExisting.close') : t('lunDisk.attachExisting.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
