// Review and result of a batch of LUN disks (decision 048): every disk to be made with its alias and LUN, the
// options once for all, the equivalent requests (one per disk), then each disk's progress and result where it
// was listed — made (attached, plugged), failed with the engine's reason, or not made — "Retry failed" for the
// failed ones only; a disk created and attached whose plug failed gets "Retry plug" (the activate only, also
// covered by Retry failed), and the results as text to copy.
import {
  Alert, Button, ClipboardCopyButton, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Spinner, Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import { interfaceLabel } from '../../domain/disk-options';
import { batchSummary } from '../../domain/lun-batch';
import { JobProgress } from '../../ui/JobProgress';
import { paths } from '../../ui/paths';
import { RestPreview } from '../../ui/RestPreview';
import { batchDisks } from './batch';
import { useLunDisk, type LunDiskData } from './data';
import type { LunDiskFormValues } from './form';
import { createPlan, type CreatePlan } from './requests';
import { needsPlug, type BatchItem, type LunBatch } from './use-create-lun-batch';
import { formatNumber, t, type MessageId } from '../../i18n/i18n';
import { alertLabel } from '../../i18n/patternfly';

/** The plan of one disk of the batch, or why it cannot be made (the host no longer lists its LUN). */
export function batchPlan(data: LunDiskData, v: LunDiskFormValues, d: { lunId: string; alias: string }): CreatePlan | string {
  const row = data.rowById.get(d.lunId);
  if (!row) return data.host ? t('lunDisk.batch.notListed', { host: data.host.name, lun: d.lunId }) : t('lunDisk.batch.notListedSomeHost', { lun: d.lunId });
  return createPlan(data, { ...v, lunId: d.lunId, alias: d.alias }, row);
}

function yes(b: boolean) {
  return b ? t('lunDisk.review.yes') : t('lunDisk.review.no');
}

/** One disk's state in words. */
export function itemStatus(i: BatchItem, vmName: string | undefined): string {
  switch (i.phase) {
    case 'waiting':
      return i.failed ? t('lunDisk.batch.failed', { reason: i.failed }) : t('lunDisk.batch.waiting');
    case 'creating':
      return t('lunDisk.batch.creating');
    case 'checking':
      return t('lunDisk.batch.checking');
    case 'failed':
      return t('lunDisk.batch.failed', { reason: i.failed ?? t('lunDisk.batch.unknownReason') });
    case 'made': {
      const m = i.made;
      const vm = vmName ?? t('lunDisk.result.theVm');
      if (i.plugging) return t('lunDisk.batch.plugging', { vm });
      if (needsPlug(i)) return t('lunDisk.batch.notPlugged', { vm, reason: m?.plugFailed ?? t('lunDisk.batch.plugFailed') });
      const how = !m ? t('lunDisk.batch.created') : !m.attached ? t('lunDisk.batch.created') : m.active ? t('lunDisk.batch.createdPlugged', { vm }) : t('lunDisk.batch.createdNotPlugged', { vm });
      return m?.recovered ? t('lunDisk.batch.recovered', { how }) : how;
    }
  }
}

/** The per-disk results as text, one line a disk, tab-separated: for a ticket or a script. */
export function resultsText(items: readonly BatchItem[], vmName: string | undefined): string {
  return items
    .map((i, n) => [`${n + 1}`, i.made?.alias ?? i.alias, t('lunDisk.summary.lun', { lun: i.lunId }), itemStatus(i, vmName), i.made ? t('lunDisk.batch.diskRef', { id: i.made.diskId }) : '', i.correlationIds.at(-1) ? t('lunDisk.batch.correlationRef', { id: i.correlationIds.at(-1) }) : '']
      .filter(Boolean)
      .join('\t'))
    .join('\n');
}

export function BatchResultsTable({
  items,
  vmName,
  onRetryPlug,
  busy = false,
}: {
  items: readonly BatchItem[];
  vmName: string | undefined;
  /** Offered on each disk whose plug failed (the Review); the end of a batch has none. */
  onRetryPlug?: ((lunId: string) => void) | undefined;
  busy?: boolean | undefined;
}) {
  const current = items.find((i) => i.phase === 'creating' || i.plugging);
  const made = items.filter((i) => i.phase === 'made').length;
  const failed = items.filter((i) => i.phase === 'failed').length;
  const unplugged = items.filter(needsPlug).length;
  return (
    <section aria-label={t('lunDisk.batch.results')}>
      <p role="status" data-testid="batch-counts" style={{ margin: '0.5rem 0' }}>
        {t('lunDisk.batch.counts', { made, total: items.length, failed, unplugged, left: items.length - made - failed })}
      </p>
      <Table aria-label={t('lunDisk.batch.resultsTable')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('lunDisk.batch.number')}</Th>
            <Th>{t('lunDisk.diskStep.alias')}</Th>
            <Th>{t('lunDisk.column.id')}</Th>
            <Th>{t('lunDisk.batch.result')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {items.map((i, n) => (
            <Tr key={i.lunId} data-testid="batch-item" data-lun-id={i.lunId} data-phase={i.phase} data-plug={needsPlug(i) ? 'failed' : undefined}>
              <Td dataLabel={t('lunDisk.batch.number')}>{formatNumber(n + 1)}</Td>
              {/* An alias is not broken at its hyphens (web-/data-/01): the Result column takes the wrapping. */}
              <Td dataLabel={t('lunDisk.diskStep.alias')} modifier="nowrap" translate="no">
                {i.made ? <Link to={paths.disk(i.made.diskId)}>{i.made.alias || i.alias}</Link> : i.alias}
              </Td>
              <Td dataLabel={t('lunDisk.column.id')} translate="no" style={{ fontFamily: 'var(--pf-t--global--font--family--mono)', fontSize: '0.85em' }}>
                {i.lunId}
              </Td>
              <Td dataLabel={t('lunDisk.batch.result')}>
                {i.phase === 'creating' || i.phase === 'checking' ? <Spinner size="sm" aria-hidden style={{ marginRight: '0.25rem' }} /> : null}
                {i.plugging ? <Spinner size="sm" aria-hidden style={{ marginRight: '0.25rem' }} /> : null}
                {itemStatus(i, vmName)}
                {onRetryPlug && needsPlug(i) ? (
                  <Button
                    variant="link"
                    isInline
                    style={{ marginLeft: '0.5rem' }}
                    aria-label={t('lunDisk.batch.retryPlugOf', { alias: i.made?.alias || i.alias })}
                    isAriaDisabled={busy}
                    onClick={() => onRetryPlug(i.lunId)}
                  >
                    {t('lunDisk.batch.retryPlug')}
                  </Button>
                ) : null}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {current?.correlationIds.at(-1) ? (
        <section aria-label={t('lunDisk.batch.progressOf', { alias: current.alias })} style={{ marginTop: '0.5rem' }}>
          <JobProgress
            correlationId={current.correlationIds.at(-1) ?? ''}
            active
            label={t(current.plugging ? 'lunDisk.batch.stepsOfPlug' : 'lunDisk.batch.stepsOf', { alias: current.alias })}
          />
        </section>
      ) : null}
    </section>
  );
}

export function CopyResults({ items, vmName }: { items: readonly BatchItem[]; vmName: string | undefined }) {
  const [copied, setCopied] = useState(false);
  return (
    <ClipboardCopyButton
      id="batch-results-copy"
      aria-label={t('lunDisk.batch.copyResults')}
      variant="plain"
      exitDelay={copied ? 1500 : 600}
      onTooltipHidden={() => setCopied(false)}
      onClick={() =>
        void navigator.clipboard?.writeText(resultsText(items, vmName)).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? t('lunDisk.batch.copied') : t('lunDisk.batch.copyResults')}
    </ClipboardCopyButton>
  );
}

export function BatchReview({ batch, onRetryFailed }: { batch: LunBatch; onRetryFailed: () => void }) {
  const { data } = useLunDisk();
  const { control, getValues } = useFormContext<LunDiskFormValues>();
  useWatch({ control });
  const v = getValues();
  const vm = data.vmId ? data.vm.data : undefined;
  const disks = batchDisks(v);
  const plans = disks.map((d) => batchPlan(data, v, d));
  const specs = plans.flatMap((p, i) => (typeof p === 'string' || batch.items?.find((it) => it.lunId === disks[i]?.lunId)?.phase === 'made' ? [] : [p.spec]));
  const first = plans.find((p): p is CreatePlan => typeof p !== 'string');
  const e = first?.effective;
  const items = batch.items;
  // Retry failed: the disks not made, and the plugs that failed (the activate only).
  const failed = items?.filter((i) => i.phase === 'failed' || needsPlug(i)).length ?? 0;
  const options: Array<[MessageId, string, boolean?]> = e
    ? [
        ...(vm ? ([['lunDisk.review.vm', vm.name, true], ['lunDisk.review.interface', interfaceLabel(e.interface)], ['lunDisk.review.activate', yes(e.activate)], ['lunDisk.review.bootable', yes(e.bootable)], ['lunDisk.review.readOnly', yes(e.readOnly)], ['lunDisk.review.passDiscard', yes(e.passDiscard)], ['lunDisk.review.scsiReservation', yes(e.scsiReservation)]] satisfies Array<[MessageId, string, boolean?]>) : []),
        ['lunDisk.review.host', data.hostName(v.hostId), true],
        ['lunDisk.review.description', v.description || '—', true],
        ['lunDisk.review.sharable', yes(e.sharable)],
        ['lunDisk.review.passthrough', e.passthrough ? (e.privilegedIo ? t('lunDisk.review.passthroughPrivileged') : t('lunDisk.review.yes')) : t('lunDisk.review.no')],
        ['lunDisk.review.propagateErrors', yes(e.propagateErrors)],
      ]
    : [];
  const sizes = disks.map((d) => data.rowById.get(d.lunId)?.lun.lu.size);

  return (
    <section aria-labelledby="review-title">
      <Title headingLevel="h2" id="review-title">
        {t('lunDisk.batch.reviewTitle', { count: disks.length })}
      </Title>
      <p style={{ margin: '0.5rem 0' }} data-testid="batch-plan">
        {vm
          ? t(e?.activate ? 'lunDisk.batch.planPlugged' : 'lunDisk.batch.planAttached', { summary: batchSummary(sizes), vm: vm.name })
          : t('lunDisk.batch.plan', { summary: batchSummary(sizes) })}
      </p>
      {batch.resumedAfterReload && items ? (
        <Alert variant="info" variantLabel={alertLabel('info')} isInline title={t('lunDisk.batch.reloaded')} component="h3" style={{ margin: '0.5rem 0' }}>
          {t('lunDisk.batch.reloadedBody')}
        </Alert>
      ) : null}
      <DescriptionList isHorizontal isCompact aria-label={t('lunDisk.batch.options')} style={{ marginTop: '1rem' }}>
        {options.map(([term, desc, isData]) => (
          <DescriptionListGroup key={term}>
            <DescriptionListTerm>{t(term)}</DescriptionListTerm>
            <DescriptionListDescription translate={isData ? 'no' : undefined}>{desc}</DescriptionListDescription>
          </DescriptionListGroup>
        ))}
      </DescriptionList>
      <Title headingLevel="h3" style={{ margin: '1rem 0 0.5rem' }}>
        {t('lunDisk.batch.toMake')}
      </Title>
      {items ? (
        <>
          <BatchResultsTable items={items} vmName={vm?.name} busy={batch.busy} onRetryPlug={(lunId) => void batch.retryPlug(lunId)} />
          <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', marginTop: '0.5rem' }}>
            <Button variant="secondary" onClick={onRetryFailed} isAriaDisabled={failed === 0 || batch.busy} isLoading={batch.busy && failed > 0}>
              {failed > 0 ? t('lunDisk.batch.retryFailedCount', { count: failed }) : t('lunDisk.batch.retryFailed')}
            </Button>
            <CopyResults items={items} vmName={vm?.name} />
          </div>
        </>
      ) : (
        <Table aria-label={t('lunDisk.batchNames.table')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('lunDisk.batch.number')}</Th>
              <Th>{t('lunDisk.diskStep.alias')}</Th>
              <Th>{t('lunDisk.column.id')}</Th>
              <Th modifier="wrap">{t('lunDisk.column.size')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {disks.map((d, i) => (
              <Tr key={d.lunId} data-testid="batch-item" data-lun-id={d.lunId}>
                <Td dataLabel={t('lunDisk.batch.number')}>{formatNumber(i + 1)}</Td>
                <Td dataLabel={t('lunDisk.diskStep.alias')} translate="no">{d.alias}</Td>
                <Td dataLabel={t('lunDisk.column.id')} translate="no" style={{ fontFamily: 'var(--pf-t--global--font--family--mono)', fontSize: '0.85em' }}>
                  {d.lunId}
                </Td>
                <Td dataLabel={t('lunDisk.column.size')}>{data.rowById.get(d.lunId)?.sizeText ?? t('lunDisk.batch.unknownSize')}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {specs.length > 0 ? <RestPreview specs={specs} title={t('lunDisk.batch.restTitle', { count: specs.length })} /> : null}
    </section>
  );
}

/** The end of a batch whose every disk was made. */
export function BatchResult({
  batch,
  vmName,
  onDone,
  doneLabel,
  onAnother,
  anotherLabel = t('lunDisk.batch.another'),
}: {
  batch: LunBatch;
  vmName: string | undefined;
  onDone: () => void;
  doneLabel: string;
  onAnother: () => void;
  anotherLabel?: string;
}) {
  const items = batch.items ?? [];
  return (
    <section aria-labelledby="batch-result-title" style={{ padding: '1.5rem' }}>
      <Title headingLevel="h1" id="batch-result-title">
        {vmName ? t('lunDisk.batch.createdFor', { count: items.length, vm: vmName }) : t('lunDisk.batch.createdCount', { count: items.length })}
      </Title>
      <BatchResultsTable items={items} vmName={vmName} />
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', marginTop: '1rem' }}>
        <Button variant="primary" onClick={onDone}>
          {doneLabel}
        </Button>
        <Button variant="secondary" onClick={onAnother}>
          {anotherLabel}
        </Button>
        <CopyResults items={items} vmName={vmName} />
      </div>
    </section>
  );
}
