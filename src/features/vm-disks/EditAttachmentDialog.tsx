// Edit a VM's disk: interface, bootable, read-only and the pass-through options. What the engine does not allow
// in the VM's current state is disabled with the reason (domain/attachment-edit); only what changed is sent, in
// one PUT /vms/{id}/diskattachments/{diskId} (sgio inside `disk`); a refusal shows the engine's own reason.
import { Checkbox, Form, FormGroup, Title } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { currentEditValues, editStates, editUpdate, shownValue, type EditContext, type EditKey, type EditUpdate, type EditValues } from '../../domain/attachment-edit';
import type { Disk, DiskAttachment, DiskInterface, Vm } from '../../domain/model';
import { attachmentsByDisk, updateAttachment, updateAttachmentRequest, vmsWithAttachmentsQueryOptions } from '../../engine-api/disk-attachments';
import { errorText } from '../../engine-api/errors';
import { InterfaceSelect } from '../../ui/InterfaceSelect';
import { RestPreview } from '../../ui/RestPreview';
import { OperationDialog, type OperationOutcome } from '../../ui/OperationDialog';
import { Loading } from '../../ui/QueryStates';
import { t, type MessageId } from '../../i18n/i18n';
import { Rich } from '../../i18n/Rich';

const CHECKS: Array<{ key: EditKey; label: MessageId }> = [
  { key: 'bootable', label: 'vm.edit.bootable' },
  { key: 'readOnly', label: 'vm.edit.readOnly' },
  { key: 'passthrough', label: 'vm.edit.passthrough' },
  { key: 'privilegedIo', label: 'vm.edit.privilegedIo' },
  { key: 'scsiReservation', label: 'vm.edit.scsiReservation' },
];

function runEdit(vm: Vm, att: DiskAttachment, alias: string, update: EditUpdate, changes: string[]) {
  const attempt = async (correlationId: string): Promise<OperationOutcome> => {
    try {
      await updateAttachment(vm.id, att.diskId, update, correlationId);
      return {
        variant: 'success',
        title: t('vm.edit.savedTitle', { disk: alias }),
        body: (
          <ul style={{ listStyle: 'disc', paddingLeft: '1.25rem' }}>
            {changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        ),
      };
    } catch (e) {
      return {
        variant: 'danger',
        title: t('vm.edit.failedTitle', { disk: alias }),
        body: <p>{t('vm.edit.failedBody', { reason: errorText(e) })}</p>,
        retry: { label: t('vm.diskOp.tryAgain'), run: attempt },
      };
    }
  };
  return attempt;
}

export function EditAttachmentDialog({
  vm,
  attachment: att,
  disk,
  bootableDiskAlias,
  onClose,
}: {
  vm: Vm;
  /** Only an attachment whose interface the console knows is edited (attachment-actions canEdit). */
  attachment: DiskAttachment & { interface: DiskInterface };
  disk: Disk;
  /** Another disk of this VM that is bootable, if any. */
  bootableDiskAlias: string | undefined;
  onClose: () => void;
}) {
  const usage = useQuery(vmsWithAttachmentsQueryOptions());
  const sgio = disk.storageType === 'lun' ? disk.sgio : undefined;
  const [current] = useState(() => currentEditValues(att, sgio));
  const [values, setValues] = useState<EditValues>(current);
  const users = usage.data ? (attachmentsByDisk(usage.data).get(disk.id) ?? []).map((u) => ({ name: u.vm.name, status: u.vm.status })) : [];
  const ctx: EditContext = {
    vm: { name: vm.name, status: vm.status, virtioScsiEnabled: vm.virtioScsiEnabled, bootableDiskAlias },
    attachment: { active: att.active },
    disk: { alias: disk.alias, kind: disk.storageType, sharable: disk.sharable },
    // This VM at least: its state is known even before the list of users loads.
    users: users.some((u) => u.name === vm.name) ? users : [...users, { name: vm.name, status: vm.status }],
  };
  const states = editStates(ctx, values);
  const { update, changes } = editUpdate(ctx, current, values);
  const ifaceCurrentChoice = states.interface.choices.find((c) => c.value === values.interface);

  const form = usage.isPending ? (
    <Loading what={t('vm.edit.loadWhat')} />
  ) : (
    <Form onSubmit={(e) => e.preventDefault()} aria-labelledby="edit-disk-title">
      <Title headingLevel="h2" id="edit-disk-title" className="pf-v6-screen-reader">
        {t('vm.edit.formTitle', { disk: disk.alias, vm: vm.name })}
      </Title>
      <InterfaceSelect
        id="edit-interface"
        value={values.interface}
        choices={states.interface.choices}
        onChange={(i) => setValues((x) => ({ ...x, interface: i }))}
        isDisabled={!states.interface.editable}
        error={states.interface.editable && ifaceCurrentChoice?.disabled && values.interface !== current.interface ? ifaceCurrentChoice.reason : undefined}
        label={t('vm.edit.interface')}
        helper={
          states.interface.reason ??
          (ifaceCurrentChoice?.note ? t('vm.edit.interfaceHelperNote', { vm: vm.name, note: ifaceCurrentChoice.note }) : t('vm.edit.interfaceHelper', { vm: vm.name }))
        }
      />
      <FormGroup label={t('vm.edit.options')} role="group" fieldId="edit-options">
        {CHECKS.map(({ key, label }) => {
          const st = states[key];
          return (
            <Checkbox
              key={key}
              id={`edit-${key}`}
              label={t(label)}
              isChecked={shownValue(st, current[key], values[key])}
              isDisabled={!st.editable}
              onChange={(_e, checked) => setValues((x) => ({ ...x, [key]: checked }))}
              description={st.reason ? <span data-reason>{st.reason}</span> : st.note}
            />
          );
        })}
      </FormGroup>
      {changes.length > 0 ? (
        <>
          <p>
            <Rich id="vm.edit.changes" values={{ changes: changes.join('; ') }} tags={[(c) => <strong>{c}</strong>]} />
          </p>
          <RestPreview specs={[updateAttachmentRequest(vm.id, att.diskId, update)]} headingLevel="h3" names={{ vm: (id) => (id === vm.id ? vm.name : undefined) }} />
        </>
      ) : null}
    </Form>
  );

  return (
    <OperationDialog
      title={t('vm.edit.title', { disk: disk.alias })}
      confirm={form}
      actionLabel={t('vm.edit.save')}
      actionDisabledReason={usage.isPending ? t('vm.edit.loading') : changes.length === 0 ? t('vm.edit.nothingChanged') : undefined}
      run={runEdit(vm, att, disk.alias, update, changes)}
      change={{ kind: 'attachment-changed', vmId: vm.id }}
      onClose={onClose}
    />
  );
}
