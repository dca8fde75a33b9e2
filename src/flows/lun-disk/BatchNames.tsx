// The Disk step's names for a batch (decision 048): by the LUN ID (as one disk is named) or a prefix with a
// number (`rac-data-01`, `rac-data-02`…), and each alias editable on its own row — checked as typed, the engine's
// alias rule and no duplicate within the batch, the message next to the field; an alias another disk already has
// is a warning (the engine allows it).
import { Button, FormGroup, Radio, TextInput } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { aliasInUseWarning } from '../../domain/disk-naming';
import { FieldMessages, TextField } from '../../ui/form-fields';
import { aliasFieldId, batchDisks, patternProblem } from './batch';
import { useLunDisk } from './data';
import type { LunDiskFormValues } from './form';
import { formatNumber, t } from '../../i18n/i18n';

export function BatchNames() {
  const { data } = useLunDisk();
  const { control, getValues, setValue } = useFormContext<LunDiskFormValues>();
  useWatch({ control, name: ['lunIds', 'namePattern', 'namePrefix', 'nameStart', 'aliasEdits'] });
  const { errors } = useFormState({ control });
  const v = getValues();
  const disks = batchDisks(v);
  const pattern = patternProblem(v);
  const edited = Object.keys(v.aliasEdits).length;
  const setPattern = (p: LunDiskFormValues['namePattern']) => setValue('namePattern', p, { shouldDirty: true });
  const edit = (lunId: string, alias: string) => setValue('aliasEdits', { ...getValues().aliasEdits, [lunId]: alias }, { shouldDirty: true });
  const batchError = errors.root?.batch?.message;

  return (
    <>
      <FormGroup label={t('lunDisk.batchNames.label', { count: disks.length })} role="radiogroup" fieldId="batch-name-pattern" isStack>
        <Radio
          id="batch-name-lun-id"
          name="batch-name-pattern"
          label={t('lunDisk.batchNames.byLunId')}
          isChecked={v.namePattern === 'lun-id'}
          onChange={() => setPattern('lun-id')}
        />
        <Radio
          id="batch-name-prefix"
          name="batch-name-pattern"
          label={t('lunDisk.batchNames.byPrefix')}
          description={t('lunDisk.batchNames.byPrefixExample')}
          isChecked={v.namePattern === 'prefix'}
          onChange={() => setPattern('prefix')}
        />
      </FormGroup>
      {v.namePattern === 'prefix' ? (
        <div style={{ display: 'flex', gap: '1rem', alignItems: 'flex-start' }}>
          <div style={{ flex: 2 }}>
            <TextField
              control={control}
              name="namePrefix"
              id="batch-name-prefix-text"
              label={t('lunDisk.batchNames.prefix')}
              isRequired
              helper={pattern?.field === 'namePrefix' ? undefined : t('lunDisk.batchNames.prefixHelper')}
              warning={pattern?.field === 'namePrefix' ? pattern.message : undefined}
            />
          </div>
          <div style={{ flex: 1 }}>
            <TextField
              control={control}
              name="nameStart"
              id="batch-name-start"
              label={t('lunDisk.batchNames.firstNumber')}
              inputMode="numeric"
              warning={pattern?.field === 'nameStart' ? pattern.message : undefined}
            />
          </div>
        </div>
      ) : null}
      {batchError ? (
        <p role="alert" style={{ color: 'var(--pf-t--global--text--color--status--danger--default)' }}>
          {batchError}
        </p>
      ) : null}
      <Table aria-label={t('lunDisk.batchNames.table')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('lunDisk.batch.number')}</Th>
            <Th>{t('lunDisk.column.id')}</Th>
            <Th>{t('lunDisk.column.size')}</Th>
            <Th>{t('lunDisk.diskStep.alias')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {disks.map((d, i) => {
            const row = data.rowById.get(d.lunId);
            const id = aliasFieldId(i);
            const warning = d.problem ? undefined : aliasInUseWarning(d.alias, data.disks.data ?? []);
            return (
              <Tr key={d.lunId}>
                <Td dataLabel={t('lunDisk.batch.number')}>{formatNumber(i + 1)}</Td>
                <Td dataLabel={t('lunDisk.column.id')} translate="no" style={{ fontFamily: 'var(--pf-t--global--font--family--mono)', fontSize: '0.85em' }}>
                  {d.lunId}
                </Td>
                <Td dataLabel={t('lunDisk.column.size')}>{row?.sizeText ?? t('lunDisk.batch.unknownSize')}</Td>
                <Td dataLabel={t('lunDisk.diskStep.alias')}>
                  <TextInput
                    id={id}
                    aria-label={t('lunDisk.batchNames.aliasOf', { lun: d.lunId })}
                    value={d.alias}
                    onChange={(_e, value) => edit(d.lunId, value)}
                    validated={d.problem ? 'error' : warning ? 'warning' : 'default'}
                    aria-invalid={!!d.problem}
                    aria-describedby={d.problem || warning ? `${id}-message` : undefined}
                  />
                  <FieldMessages id={`${id}-message`} error={d.problem} warning={warning} />
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      <Button variant="link" isInline onClick={() => setValue('aliasEdits', {}, { shouldDirty: true })} isAriaDisabled={edited === 0}>
        {edited > 0 ? t('lunDisk.batchNames.usePatternDrops', { count: edited }) : t('lunDisk.batchNames.usePattern')}
      </Button>
    </>
  );
}
