// What a used LUN's row offers. A LUN backs at most one disk (the seed's vDisk), so instead of a duplicate:
// for a floating disk, go to the disk that uses it; for a VM, attach that disk instead — done here, in one
// request (POST /vms/{id}/diskattachments with disk.id), with its progress and result.
import { Alert, Button, Checkbox, Form, FormGroup, FormSelect, FormSelectOption, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { attachDisk, attachDiskRequest, attachmentKeys, vmAttachmentIndexKeys, type AttachmentOptions } from '../../engine-api/disk-attachments';
import { diskKeys, diskQueryOptions } from '../../engine-api/disks';
import { errorText } from '../../engine-api/errors';
import { jobKeys } from '../../engine-api/jobs';
import { newCorrelationId } from '../../engine-api/requests';
import { defaultDiskOptions, diskOptionStates, effectiveOptions, interfaceChoices, type DiskOptionContext, type DiskOptionValues } from '../../domain/disk-options';
import type { Vm } from '../../domain/model';
import { FieldMessages } from '../../ui/form-fields';
import { JobProgress } from '../../ui/JobProgress';
import { RestPreview } from '../../ui/lun-disk/ReviewSummary';
import type { LunRow } from '../../ui/lun-disk/lun-rows';
import { diskPageLink } from './CreateResult';

export function GoToDiskLink({ row, tabbable }: { row: LunRow; tabbable: boolean }) {
  const use = row.availability.use;
  if (use.kind !== 'used-by-disk') return null;
  const alias = use.diskAlias ?? use.diskId;
  return (
    <Link to={diskPageLink(use.diskId)} tabIndex={tabbable ? 0 : -1}>
      Go to disk {alias}
    </Link>
  );
}

/** Why this VM cannot take the disk that uses the LUN, or undefined when it can. */
export function attachBlocker(row: LunRow, vm: Vm): string | undefined {
  const use = row.availability.use;
  if (use.kind !== 'used-by-disk') return 'Not used by a disk.';
  if (use.vmNames.includes(vm.name)) return `Already attached to ${vm.name}`;
  if (!use.sharable && use.vmNames.length > 0) return `Not sharable, attached to ${use.vmNames.join(', ')}`;
  return undefined;
}

export function AttachInsteadAction({ row, tabbable, vm, onOpen }: { row: LunRow; tabbable: boolean; vm: Vm; onOpen: (diskId: string, alias: string) => void }) {
  const use = row.availability.use;
  if (use.kind !== 'used-by-disk') return null;
  const alias = use.diskAlias ?? use.diskId;
  const blocker = attachBlocker(row, vm);
  if (blocker) {
    return <span title={blocker}>{blocker}</span>;
  }
  return (
    <Button variant="link" isInline tabIndex={tabbable ? 0 : -1} onClick={() => onOpen(use.diskId, alias)} style={{ whiteSpace: 'nowrap' }}>
      Attach disk {alias} instead
    </Button>
  );
}

type State = { kind: 'idle' } | { kind: 'pending'; correlationId: string } | { kind: 'done'; correlationId: string; active: boolean } | { kind: 'failed'; correlationId: string; error: unknown };

export function AttachExistingModal({ diskId, alias, vm, onClose, onAttached }: { diskId: string; alias: string; vm: Vm; onClose: () => void; onAttached: () => void }) {
  const queryClient = useQueryClient();
  const disk = useQuery(diskQueryOptions(diskId));
  const [values, setValues] = useState<DiskOptionValues>(() =>
    defaultDiskOptions({ name: vm.name, status: vm.status, virtioScsiEnabled: vm.virtioScsiEnabled }),
  );
  const [state, setState] = useState<State>({ kind: 'idle' });
  const lunDisk = disk.data?.storageType === 'lun' ? disk.data : undefined;
  // The disk's own pass-through holds read-only back, as on create.
  const v = { ...values, passthrough: !!lunDisk?.sgio, privilegedIo: lunDisk?.sgio === 'unfiltered' };
  const ctx: DiskOptionContext = { vm: { name: vm.name, status: vm.status, virtioScsiEnabled: vm.virtioScsiEnabled } };
  const states = diskOptionStates(ctx, v);
  const eff = effectiveOptions(ctx, v);
  const opts: AttachmentOptions = { interface: eff.interface, bootable: eff.bootable, readOnly: eff.readOnly, passDiscard: false, usesScsiReservation: false, active: eff.activate };
  const choices = interfaceChoices(ctx, v);

  const attach = async () => {
    if (state.kind === 'pending') return;
    const correlationId = newCorrelationId('attach');
    setState({ kind: 'pending', correlationId });
    try {
      const att = await attachDisk(vm.id, diskId, opts, correlationId);
      setState({ kind: 'done', correlationId, active: att.active });
    } catch (error) {
      setState({ kind: 'failed', correlationId, error });
    } finally {
      void queryClient.invalidateQueries({ queryKey: jobKeys.byCorrelation(correlationId) });
      void queryClient.invalidateQueries({ queryKey: attachmentKeys.all(vm.id) });
      void queryClient.invalidateQueries({ queryKey: vmAttachmentIndexKeys.all });
      void queryClient.invalidateQueries({ queryKey: diskKeys.all });
    }
  };

  const check = (key: 'bootable' | 'readOnly' | 'activate', label: string) => (
    <Checkbox
      id={`attach-${key}`}
      label={label}
      isChecked={states[key].applies && values[key]}
      isDisabled={!states[key].applies || state.kind !== 'idle'}
      onChange={(_e, c) => setValues((x) => ({ ...x, [key]: c }))}
      description={!states[key].applies ? states[key].reason : states[key].note}
    />
  );

  return (
    <Modal isOpen onClose={onClose} variant="medium" aria-labelledby="attach-existing-title">
      <ModalHeader title={`Attach disk ${alias} to ${vm.name}`} labelId="attach-existing-title" />
      <ModalBody>
        <p style={{ marginBottom: '1rem' }}>
          This LUN already backs disk <strong>{alias}</strong>; a LUN backs at most one disk. Attach that disk to {vm.name} instead of creating a
          new one.
        </p>
        {state.kind === 'idle' || state.kind === 'failed' ? (
          <Form onSubmit={(e) => e.preventDefault()}>
            <FormGroup label="Interface" fieldId="attach-interface">
              <FormSelect
                id="attach-interface"
                value={values.interface}
                onChange={(_e, x) => {
                  const c = choices.find((i) => i.value === x);
                  if (c && !c.disabled) setValues((s) => ({ ...s, interface: c.value }));
                }}
                aria-describedby="attach-interface-message"
              >
                {choices.map((c) => (
                  <FormSelectOption key={c.value} value={c.value} label={c.disabled ? `${c.label} (not available)` : c.label} isDisabled={c.disabled} />
                ))}
              </FormSelect>
              <FieldMessages
                id="attach-interface-message"
                helper={choices.filter((c) => c.disabled).map((c) => `${c.label}: ${c.reason}`).join(' ') || `How ${vm.name} sees the disk.`}
              />
            </FormGroup>
            <FormGroup label="Options" role="group" fieldId="attach-options">
              {check('activate', 'Activate (plug the disk)')}
              {check('bootable', 'Bootable')}
              {check('readOnly', 'Read-only')}
            </FormGroup>
          </Form>
        ) : null}
        <RestPreview specs={[attachDiskRequest(vm.id, diskId, opts)]} headingLevel="h2" />
        {state.kind !== 'idle' ? (
          <div style={{ marginTop: '1rem' }}>
            <JobProgress correlationId={state.correlationId} active={state.kind === 'pending'} label="Steps of the attach" />
          </div>
        ) : null}
        {state.kind === 'done' ? (
          <Alert variant="success" isInline title={`Disk ${alias} attached to ${vm.name}${state.active ? ' and plugged' : ' (not plugged)'}`} component="h3" aria-live="polite" />
        ) : null}
        {state.kind === 'failed' ? (
          <Alert variant="danger" isInline title={`Could not attach ${alias} to ${vm.name}`} component="h3" role="alert">
            {errorText(state.error)}
          </Alert>
        ) : null}
      </ModalBody>
      <ModalFooter>
        {state.kind === 'done' ? (
          <Button variant="primary" onClick={onAttached}>
            Go to {vm.name}
          </Button>
        ) : (
          <Button variant="primary" onClick={() => void attach()} isLoading={state.kind === 'pending'} isDisabled={state.kind === 'pending' || disk.isPending}>
            Attach
          </Button>
        )}
        <Button variant="link" onClick={onClose}>
          {state.kind === 'done' ? 'Close' : 'Cancel'}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
