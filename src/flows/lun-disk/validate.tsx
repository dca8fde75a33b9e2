// Step validation for the LUN-disk steps: the step's zod schema, plus the rules that need the engine's data
// (the host is Up, the host sees iSCSI LUNs, the picked LUN is still selectable, the approval of a storage-domain
// LUN). Any wizard that hosts the steps validates "Next" with checkStep.
import { Alert } from '@patternfly/react-core';
import { useFormContext, useFormState, type FieldPath, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { interfaceProblem } from '../../domain/disk-options';
import type { LunDiskData } from './data';
import { MAX_BATCH } from '../../domain/lun-batch';
import { aliasFieldId, batchDisks, patternProblem } from './batch';
import { isBatch, schemaForStep, type LunDiskFormValues, type LunDiskSchemaContext, type LunDiskStepId } from './form';
import { optionContext, optionValues } from './requests';
import { t } from '../../i18n/i18n';
import { alertLabel } from '../../i18n/patternfly';

/**
 * The part of the form the LUN-disk rules use. A hosting wizard's own form, with more fields than the LUN-disk
 * steps' (the Attach wizard's), fits it as it is.
 */
export interface LunDiskForm extends Pick<UseFormReturn<LunDiskFormValues>, 'setError' | 'clearErrors'> {
  getValues(): LunDiskFormValues;
  setValue(name: 'lunId', value: string): void;
  setValue(name: 'approveStorageDomain', value: boolean): void;
}

/** Validates `fields` with the step's schema: their errors are replaced, the first one gets the focus. */
export function validateFields(form: LunDiskForm, schema: z.ZodType, fields: Array<FieldPath<LunDiskFormValues>>): boolean {
  form.clearErrors(fields);
  const r = schema.safeParse(form.getValues());
  if (r.success) return true;
  let first = true;
  for (const issue of r.error.issues) {
    const name = issue.path.map(String).join('.') as FieldPath<LunDiskFormValues>;
    if (!fields.includes(name)) continue;
    form.setError(name, { type: 'validate', message: issue.message }, { shouldFocus: first });
    first = false;
  }
  return first;
}

/** Validates one step against the form and, where a rule needs it, the engine's data. */
export function checkStep(id: LunDiskStepId, data: LunDiskData, form: LunDiskForm, c: LunDiskSchemaContext): boolean {
  const v = form.getValues();
  switch (id) {
    case 'source': {
      if (!validateFields(form, schemaForStep('source', c), ['dataCenterId', 'hostId', 'storageType'])) return false;
      const host = data.hosts.data?.find((h) => h.id === v.hostId);
      if (host && host.status !== 'up') {
        form.setError('hostId', { type: 'validate', message: t('lunDisk.validate.hostNotUp', { host: host.name }) }, { shouldFocus: true });
        return false;
      }
      return true;
    }
    case 'targets': {
      form.clearErrors('root.step');
      if (v.storageType !== 'iscsi' || !data.hostStorage.isSuccess) return true;
      if (data.rows.length === 0) {
        form.setError('root.step', {
          type: 'validate',
          message: data.host ? t('lunDisk.validate.noIscsiLun', { host: data.host.name }) : t('lunDisk.validate.noIscsiLunSomeHost'),
        });
        return false;
      }
      return true;
    }
    case 'lun': {
      if (isBatch(v)) return checkBatchLuns(data, form, v);
      if (!validateFields(form, schemaForStep('lun', c), ['lunId'])) return false;
      if (!data.hostStorage.isSuccess) {
        form.setError('lunId', { type: 'validate', message: t('lunDisk.validate.notLoaded') });
        return false;
      }
      const row = data.rowById.get(v.lunId);
      if (!row) {
        form.setError('lunId', { type: 'validate', message: data.host ? t('lunDisk.validate.notListed', { host: data.host.name, lun: v.lunId }) : t('lunDisk.validate.notListedSomeHost', { lun: v.lunId }) });
        return false;
      }
      if (!row.availability.selectable) {
        form.setError('lunId', { type: 'validate', message: t('lunDisk.validate.cannotUse', { lun: row.id, reason: row.availability.short }) });
        return false;
      }
      return true;
    }
    case 'disk': {
      if (data.vmId && !data.vm.data) return false;
      if (isBatch(v)) {
        if (!checkBatchNames(form, v, c)) return false;
      } else if (!validateFields(form, schemaForStep('disk', c), ['alias', 'description'])) return false;
      const problem = interfaceProblem(optionContext(data, v), optionValues(v));
      if (problem) {
        form.setError('interface', { type: 'validate', message: problem });
        return false;
      }
      return true;
    }
    case 'review': {
      const row = data.rowById.get(v.lunId);
      if (row?.availability.use.kind === 'storage-domain' && !v.approveStorageDomain) {
        form.setError('approveStorageDomain', { type: 'validate', message: t('lunDisk.validate.approve') });
        document.getElementById('approve-sd')?.focus();
        return false;
      }
      return true;
    }
    default:
      return true;
  }
}


/** A batch's LUNs: at most MAX_BATCH, each listed by the host, free, and not in a storage domain (picked alone). */
function checkBatchLuns(data: LunDiskData, form: LunDiskForm, v: LunDiskFormValues): boolean {
  form.clearErrors('lunId');
  const fail = (message: string) => {
    form.setError('lunId', { type: 'validate', message });
    return false;
  };
  if (v.lunIds.length > MAX_BATCH) return fail(t('lunDisk.validate.batchTooMany', { max: MAX_BATCH, count: v.lunIds.length, extra: v.lunIds.length - MAX_BATCH }));
  if (!data.hostStorage.isSuccess) return fail(t('lunDisk.validate.batchNotLoaded'));
  for (const id of v.lunIds) {
    const row = data.rowById.get(id);
    if (!row) return fail(data.host ? t('lunDisk.validate.batchNotListed', { host: data.host.name, lun: id }) : t('lunDisk.validate.batchNotListedSomeHost', { lun: id }));
    if (!row.availability.selectable) return fail(t('lunDisk.validate.batchCannotUse', { lun: row.id, reason: row.availability.short }));
    if (row.availability.use.kind === 'storage-domain') return fail(t('lunDisk.validate.batchStorageDomain', { lun: row.id }));
  }
  return true;
}

/** A batch's names: the description, the prefix pattern, then each alias (the rule, no duplicate in the batch). */
function checkBatchNames(form: LunDiskForm, v: LunDiskFormValues, c: LunDiskSchemaContext): boolean {
  form.clearErrors(['namePrefix', 'nameStart']);
  form.clearErrors('root.batch');
  if (!validateFields(form, schemaForStep('disk', c), ['description'])) return false;
  const pattern = patternProblem(v);
  if (pattern) {
    form.setError(pattern.field, { type: 'validate', message: pattern.message }, { shouldFocus: true });
    return false;
  }
  const disks = batchDisks(v);
  const bad = disks.findIndex((d) => d.problem);
  if (bad < 0) return true;
  const count = disks.filter((d) => d.problem).length;
  form.setError('root.batch', { type: 'validate', message: t('lunDisk.validate.batchAliases', { count }) });
  document.getElementById(aliasFieldId(bad))?.focus();
  return false;
}

/** A step-level problem that no single field owns (e.g. "host3 sees no iSCSI LUN yet"). */
export function StepProblem() {
  // Its own subscription: reading the context's formState would subscribe the wizard that owns the form, and every
  // error set or cleared anywhere (a LUN picked) would re-render the whole wizard.
  const { control } = useFormContext<LunDiskFormValues>();
  const { errors } = useFormState({ control });
  const message = errors.root?.step?.message;
  if (!message) return null;
  return (
    <Alert variant="danger" variantLabel={alertLabel('danger')} isInline title={t('lunDisk.validate.cannotGoOn')} component="h3" role="alert" style={{ marginBottom: '1rem' }}>
      {message}
    </Alert>
  );
}

