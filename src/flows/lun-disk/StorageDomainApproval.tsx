// A LUN of a storage domain can back a disk, but the engine does not stop a VM from destroying the domain's data:
// Create asks for an explicit approval naming the domain (webadmin-direct-lun.md §1.5, BZ 1666032).
import { Alert, Checkbox } from '@patternfly/react-core';
import { Controller, useFormContext } from 'react-hook-form';
import { useLunDisk } from './data';
import type { LunDiskFormValues } from './form';
import { t } from '../../i18n/i18n';
import { Rich } from '../../i18n/Rich';
import { alertLabel } from '../../i18n/patternfly';

export function StorageDomainApproval({ lunId }: { lunId: string }) {
  const { control } = useFormContext<LunDiskFormValues>();
  const { data } = useLunDisk();
  const row = data.rowById.get(lunId);
  if (row?.availability.use.kind !== 'storage-domain') return null;
  const sd = row.availability.use.storageDomainName ?? row.availability.use.storageDomainId;
  return (
    <Alert variant="danger" variantLabel={alertLabel('danger')} isInline title={t('lunDisk.approval.title')} component="h3" style={{ marginTop: '1rem' }}>
      <p>
        <Rich id="lunDisk.approval.body" values={{ lun: row.id, sd }} tags={[(c) => <strong>{c}</strong>]} />
      </p>
      <Controller
        control={control}
        name="approveStorageDomain"
        render={({ field, fieldState }) => (
          <div style={{ marginTop: '0.5rem' }}>
            <Checkbox
              id="approve-sd"
              label={t('lunDisk.approval.checkbox', { lun: row.id, sd })}
              isChecked={field.value}
              onChange={(_e, c) => field.onChange(c)}
              isValid={!fieldState.error}
              aria-describedby={fieldState.error ? 'approve-sd-error' : undefined}
            />
            {fieldState.error ? (
              <p id="approve-sd-error" style={{ color: 'var(--pf-t--global--text--color--status--danger--default)', marginTop: '0.25rem' }}>
                {fieldState.error.message}
              </p>
            ) : null}
          </div>
        )}
      />
    </Alert>
  );
}
