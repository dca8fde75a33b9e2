// Step "Disk": alias, description and the disk's options. An option that does not apply under the chosen
// interface, VM state or LUN stays visible, disabled, with the engine's reason next to it (domain/disk-options).
import { Form, FormGroup, Title } from '@patternfly/react-core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { ALIAS_MAX, DESCRIPTION_MAX, aliasInUseWarning, engineDefaultAlias } from '../../domain/disk-naming';
import { diskOptionStates, interfaceChoices, type DiskOptionKey } from '../../domain/disk-options';
import { OptionCheckbox, TextField } from '../../ui/form-fields';
import { InterfaceSelect } from '../../ui/InterfaceSelect';
import { useLunDisk } from './data';
import { BatchNames } from './BatchNames';
import { batchLunIds, isBatch, type LunDiskFormValues } from './form';
import { optionContext, optionValues } from './requests';

const OPTIONS: Array<{ key: DiskOptionKey; label: string }> = [
  { key: 'activate', label: 'Activate (plug the disk)' },
  { key: 'bootable', label: 'Bootable' },
  { key: 'sharable', label: 'Sharable' },
  { key: 'readOnly', label: 'Read-only' },
  { key: 'passthrough', label: 'Enable SCSI pass-through' },
  { key: 'privilegedIo', label: 'Allow privileged SCSI I/O' },
  { key: 'scsiReservation', label: 'Use SCSI reservation' },
  { key: 'passDiscard', label: 'Enable discard' },
  { key: 'propagateErrors', label: 'Propagate errors' },
];

export function DiskStep() {
  const { data } = useLunDisk();
  const { control, getValues } = useFormContext<LunDiskFormValues>();
  useWatch({ control }); // re-renders on every change; getValues reads the values whole (useWatch's are a DeepPartial)
  const values = getValues();
  const ctx = optionContext(data, values);
  const opts = optionValues(values);
  const states = diskOptionStates(ctx, opts);
  const choices = interfaceChoices(ctx, opts);
  const vm = ctx.vm;
  const current = choices.find((c) => c.value === values.interface);
  const engineAlias = vm ? engineDefaultAlias(vm.name, data.vmAttachments.data?.length ?? 0) : undefined;
  const batch = isBatch(values);

  return (
    <Form onSubmit={(e) => e.preventDefault()} aria-labelledby="disk-step-title">
      <Title headingLevel="h2" id="disk-step-title">
        {batch ? `Set the ${batchLunIds(values).length} disks up` : 'Set the disk up'}
      </Title>
      {batch ? (
        <>
          <p>The options below are set once for every disk of the batch; each disk gets its own alias.</p>
          <BatchNames />
        </>
      ) : (
        <TextField
          control={control}
          name="alias"
          id="disk-alias"
          label="Alias"
          isRequired={!vm}
          warning={aliasInUseWarning(values.alias, data.disks.data ?? [])}
          helper={`Pre-filled with the LUN ID. Letters, digits, '.', '_' and '-'; at most ${ALIAS_MAX}.${
            engineAlias ? ` Leave it empty and the engine names the disk ${engineAlias}.` : ''
          }`}
        />
      )}
      <TextField
        control={control}
        name="description"
        id="disk-description"
        label="Description"
        helper={`Optional, at most ${DESCRIPTION_MAX} characters (${values.description.length} so far). Shown wherever disks are listed${batch ? '; the same for every disk of the batch' : ''}.`}
      />
      <Controller
        control={control}
        name="interface"
        render={({ field }) => (
          <InterfaceSelect
            id="disk-interface"
            value={field.value}
            choices={choices}
            onChange={field.onChange}
            onBlur={field.onBlur}
            isDisabled={!vm}
            error={vm && current?.disabled ? current.reason : undefined}
            helper={
              vm
                ? `How ${vm.name} sees the disk. Only VirtIO and VirtIO-SCSI can be hot plugged into a running VM.${current?.note ? ` ${current.note}` : ''}`
                : 'Set per VM: choose it when you attach the disk to a VM.'
            }
          />
        )}
      />
      <FormGroup label="Options" role="group" fieldId="disk-options">
        {OPTIONS.map((o) => (
          <OptionCheckbox
            key={o.key}
            control={control}
            name={o.key}
            id={`disk-opt-${o.key}`}
            label={o.label}
            applies={states[o.key].applies}
            reason={states[o.key].reason}
            note={states[o.key].note}
          />
        ))}
      </FormGroup>
    </Form>
  );
}
