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
import { t, type MessageId } from '../../i18n/i18n';

const OPTIONS: Array<{ key: DiskOptionKey; label: MessageId }> = [
  { key: 'activate', label: 'lunDisk.diskStep.opt.activate' },
  { key: 'bootable', label: 'lunDisk.diskStep.opt.bootable' },
  { key: 'sharable', label: 'lunDisk.diskStep.opt.sharable' },
  { key: 'readOnly', label: 'lunDisk.diskStep.opt.readOnly' },
  { key: 'passthrough', label: 'lunDisk.diskStep.opt.passthrough' },
  { key: 'privilegedIo', label: 'lunDisk.diskStep.opt.privilegedIo' },
  { key: 'scsiReservation', label: 'lunDisk.diskStep.opt.scsiReservation' },
  { key: 'passDiscard', label: 'lunDisk.diskStep.opt.passDiscard' },
  { key: 'propagateErrors', label: 'lunDisk.diskStep.opt.propagateErrors' },
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
        {batch ? t('lunDisk.diskStep.titleBatch', { count: batchLunIds(values).length }) : t('lunDisk.diskStep.title')}
      </Title>
      {batch ? (
        <>
          <p>{t('lunDisk.diskStep.batchIntro')}</p>
          <BatchNames />
        </>
      ) : (
        <TextField
          control={control}
          name="alias"
          id="disk-alias"
          label={t('lunDisk.diskStep.alias')}
          isRequired={!vm}
          warning={aliasInUseWarning(values.alias, data.disks.data ?? [])}
          helper={engineAlias ? t('lunDisk.diskStep.aliasHelperEngine', { max: ALIAS_MAX, engineAlias }) : t('lunDisk.diskStep.aliasHelper', { max: ALIAS_MAX })}
        />
      )}
      <TextField
        control={control}
        name="description"
        id="disk-description"
        label={t('lunDisk.diskStep.description')}
        helper={t(batch ? 'lunDisk.diskStep.descriptionHelperBatch' : 'lunDisk.diskStep.descriptionHelper', { max: DESCRIPTION_MAX, length: values.description.length })}
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
                ? [t('lunDisk.diskStep.interfaceHelper', { vm: vm.name }), current?.note].filter(Boolean).join(' ')
                : t('lunDisk.diskStep.interfaceFloating')
            }
          />
        )}
      />
      <FormGroup label={t('lunDisk.diskStep.options')} role="group" fieldId="disk-options">
        {OPTIONS.map((o) => (
          <OptionCheckbox
            key={o.key}
            control={control}
            name={o.key}
            id={`disk-opt-${o.key}`}
            label={t(o.label)}
            applies={states[o.key].applies}
            reason={states[o.key].reason}
            note={states[o.key].note}
          />
        ))}
      </FormGroup>
    </Form>
  );
}
