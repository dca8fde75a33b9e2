// Step "Review": everything chosen, what will happen in plain words, and the equivalent REST request (secrets
// masked) with a copy button. The hosting wizard adds its approval and Create button below.
import { Alert, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Title } from '@patternfly/react-core';
import { useFormContext, useWatch } from 'react-hook-form';
import { vmStatusText } from '../../domain/format';
import { engineDefaultAlias } from '../../domain/disk-naming';
import { interfaceLabel } from '../../domain/disk-options';
import { planSentences, type PlanInput } from '../../domain/lun-disk-plan';
import { useLunDisk, type LunDiskData } from './data';
import type { LunDiskFormValues } from './form';
import type { LunRow } from './lun-rows';
import { createPlan, priorLoginRequests, type CreatePlan } from './requests';
import { RestPreview } from '../../ui/RestPreview';
import { t, type MessageId } from '../../i18n/i18n';
import { alertLabel } from '../../i18n/patternfly';

export function planInputOf(data: LunDiskData, v: LunDiskFormValues, row: LunRow, plan: CreatePlan): PlanInput {
  const vm = data.vmId ? data.vm.data : undefined;
  const dcName = data.dataCenters.data?.find((d) => d.id === (data.vmDataCenterId ?? v.dataCenterId))?.name ?? t('lunDisk.review.theDataCenter');
  const e = plan.effective;
  return {
    alias: v.alias.trim(),
    engineAlias: vm ? engineDefaultAlias(vm.name, data.vmAttachments.data?.length ?? 0) : undefined,
    lun: { id: row.id, type: row.type, sizeText: row.sizeText, target: row.target || undefined, portal: row.portal || undefined },
    hostName: data.hostName(v.hostId),
    hostChecks: !!plan.disk.lun.hostId,
    storageDomainName: row.availability.use.kind === 'storage-domain' ? (row.availability.use.storageDomainName ?? row.availability.use.storageDomainId) : undefined,
    vm: vm
      ? {
          name: vm.name,
          status: vm.status,
          hostName: vm.hostId ? data.hostName(vm.hostId) : undefined,
          dataCenterName: dcName,
          interfaceLabel: interfaceLabel(e.interface),
          activate: e.activate,
          bootable: e.bootable,
        }
      : undefined,
    sharable: e.sharable,
    readOnly: e.readOnly,
    passthrough: e.passthrough ? (e.privilegedIo ? 'unfiltered' : 'filtered') : 'off',
  };
}

function yes(b: boolean) {
  return b ? t('lunDisk.review.yes') : t('lunDisk.review.no');
}

/** A term, its description, and whether the description is the engine's data or the user's own text (not translated). */
export type ReviewItem = [MessageId, string, boolean?];

/** SCSI pass-through in words. */
export function passthroughText(e: { passthrough: boolean; privilegedIo: boolean }): string {
  return e.passthrough ? (e.privilegedIo ? t('lunDisk.review.passthroughPrivileged') : t('lunDisk.review.yes')) : t('lunDisk.review.no');
}

/** The review's description list; data is marked translate="no". */
export function ReviewItems({ items, label }: { items: readonly ReviewItem[]; label: string }) {
  return (
    <DescriptionList isHorizontal isCompact aria-label={label} style={{ marginTop: '1rem' }}>
      {items.map(([term, desc, data]) => (
        <DescriptionListGroup key={term}>
          <DescriptionListTerm>{t(term)}</DescriptionListTerm>
          <DescriptionListDescription translate={data ? 'no' : undefined}>{desc}</DescriptionListDescription>
        </DescriptionListGroup>
      ))}
    </DescriptionList>
  );
}

export function ReviewSummary() {
  const { data } = useLunDisk();
  const { control, getValues } = useFormContext<LunDiskFormValues>();
  useWatch({ control }); // re-renders on every change; getValues reads the values whole (useWatch's are a DeepPartial)
  const v = getValues();
  const row = v.lunId ? data.rowById.get(v.lunId) : undefined;
  if (!row) {
    return (
      <Alert variant="warning" variantLabel={alertLabel('warning')} isInline title={t('lunDisk.review.noLun')} component="h3">
        {t('lunDisk.review.noLunBody')}
      </Alert>
    );
  }
  const plan = createPlan(data, v, row);
  const e = plan.effective;
  const vm = data.vmId ? data.vm.data : undefined;
  const sentences = planSentences(planInputOf(data, v, row, plan));
  const vmStatus = vm ? vmStatusText(vm.status) : '';
  const items: ReviewItem[] = [
    ...(vm
      ? ([
          [
            'lunDisk.review.vm',
            vm.hostId
              ? t('lunDisk.review.vmValueOnHost', { vm: vm.name, status: vmStatus, host: data.hostName(vm.hostId) })
              : t('lunDisk.review.vmValue', { vm: vm.name, status: vmStatus }),
          ],
        ] satisfies ReviewItem[])
      : []),
    ['lunDisk.review.host', data.hostName(v.hostId), true],
    ['lunDisk.review.storageType', row.type === 'iscsi' ? t('lunDisk.storageType.iscsi') : t('lunDisk.storageType.fcp')],
    ['lunDisk.review.lun', t('lunDisk.review.lunValue', { lun: row.id, size: row.sizeText, paths: row.pathsText })],
    ...(row.vendor || row.product || row.serial
      ? ([['lunDisk.review.vendor', [row.vendor, row.product, row.serial].filter(Boolean).join(' · '), true]] satisfies ReviewItem[])
      : []),
    ...(row.target
      ? ([
          row.portal
            ? ['lunDisk.review.target', t('lunDisk.review.targetAt', { target: row.target, portal: row.portal })]
            : ['lunDisk.review.target', row.target, true],
        ] satisfies ReviewItem[])
      : []),
    ['lunDisk.review.lunState', row.availability.text],
    v.alias.trim()
      ? ['lunDisk.review.alias', v.alias.trim(), true]
      : ['lunDisk.review.alias', t('lunDisk.review.aliasEmpty', { alias: planInputOf(data, v, row, plan).engineAlias ?? '' })],
    ['lunDisk.review.description', v.description || '—', true],
    ...(vm
      ? ([
          ['lunDisk.review.interface', interfaceLabel(e.interface)],
          ['lunDisk.review.activate', yes(e.activate)],
          ['lunDisk.review.bootable', yes(e.bootable)],
          ['lunDisk.review.readOnly', yes(e.readOnly)],
          ['lunDisk.review.passDiscard', yes(e.passDiscard)],
          ['lunDisk.review.scsiReservation', yes(e.scsiReservation)],
        ] satisfies ReviewItem[])
      : []),
    ['lunDisk.review.sharable', yes(e.sharable)],
    ['lunDisk.review.passthrough', passthroughText(e)],
    ['lunDisk.review.propagateErrors', yes(e.propagateErrors)],
  ];
  return (
    <section aria-labelledby="review-title">
      <Title headingLevel="h2" id="review-title">
        {t('lunDisk.review.title')}
      </Title>
      <ReviewItems items={items} label={t('lunDisk.review.whatYouChose')} />
      <Title headingLevel="h3" id="plan-title" style={{ margin: '1rem 0 0.5rem' }}>
        {t('lunDisk.review.plan')}
      </Title>
      <ol aria-labelledby="plan-title" data-testid="plan" style={{ paddingLeft: '1.5rem', listStyle: 'decimal' }}>
        {sentences.map((s) => (
          <li key={s} style={{ marginBottom: '0.25rem' }}>
            {s}
          </li>
        ))}
      </ol>
      {plan.chap.passwordMissing ? (
        <Alert variant="info" variantLabel={alertLabel('info')} isInline title={t('lunDisk.review.noChapTitle')} component="h3" style={{ marginTop: '1rem' }}>
          {t('lunDisk.review.noChapBody')}{' '}
          {plan.disk.lun.hostId ? t('lunDisk.review.noChapHost', { host: data.hostName(v.hostId) }) : t('lunDisk.review.noChapNoHost')}
        </Alert>
      ) : null}
      <RestPreview
        title={t('lunDisk.review.restTitle')}
        specs={[plan.spec]}
        prelude={priorLoginRequests(v, row)}
        names={{
          // data.hostName falls back to the id; a module wants a real name or a placeholder (request-as-code.ts).
          host: (id) => (data.hostName(id) !== id ? data.hostName(id) : undefined),
          vm: (id) => (id === data.vmId ? data.vm.data?.name : undefined),
        }}
      />
    </section>
  );
}
