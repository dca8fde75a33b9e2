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

/** The plan of one disk of the batch, or why it cannot be made (the host no longer lists its LUN). */
export function batchPlan(data: LunDiskData, v: LunDiskFormValues, d: { lunId: string; alias: string }): CreatePlan | string {
  const row = data.rowById.get(d.lunId);
  if (!row) return `${data.host?.name ?? 'The host'} no longer lists LUN ${d.lunId}: nothing was sent for it.`;
  return createPlan(data, { ...v, lunId: d.lunId, alias: d.alias }, row);
}

function yes(b: boolean) {
  return b ? 'Yes' : 'No';
}

/** One disk's state in words. */
export function itemStatus(i: BatchItem, vmName: string | undefined): string {
  switch (i.phase) {
    case 'waiting':
      return i.failed ? `Failed: ${i.failed}` : 'Waiting';
    case 'creating':
      return 'Creating…';
    case 'checking':
      return 'Asking the engine whether it was made…';
    case 'failed':
      return `Failed: ${i.failed ?? 'unknown reason'}`;
    case 'made': {
      const m = i.made;
      if (i.plugging) return `Created and attached to ${vmName ?? 'the VM'}; plugging…`;
      if (needsPlug(i))
        return `Created and attached to ${vmName ?? 'the VM'}, but not plugged: ${m?.plugFailed ?? 'the plug failed'} Retry plug sends the plug only.`;
      const how = !m ? 'Created' : !m.attached ? 'Created' : m.active ? `Created, attached to ${vmName ?? 'the VM'} and plugged` : `Created and attached to ${vmName ?? 'the VM'}, not plugged`;
      return `${how}${m?.recovered ? ' (found in the engine after the answer was lost or the page reloaded; made once)' : ''}`;
    }
  }
}

/** The per-disk results as text, one line a disk, tab-separated: for a ticket or a script. */
export function resultsText(items: readonly BatchItem[], vmName: string | undefined): string {
  return items
    .map((i, n) => [`${n + 1}`, i.made?.alias ?? i.alias, `LUN ${i.lunId}`, itemStatus(i, vmName), i.made ? `disk ${i.made.diskId}` : '', i.correlationIds.at(-1) ? `correlation ${i.correlationIds.at(-1)}` : '']
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
    <section aria-label="Results of the batch">
      <p role="status" data-testid="batch-counts" style={{ margin: '0.5rem 0' }}>
        {made} of {items.length} made{failed > 0 ? `, ${failed} failed` : ''}
        {unplugged > 0 ? `, ${unplugged} not plugged` : ''}
        {items.length - made - failed > 0 ? `, ${items.length - made - failed} to go` : ''}.
      </p>
      <Table aria-label="Disks of the batch and their results" variant="compact">
        <Thead>
          <Tr>
            <Th>#</Th>
            <Th>Alias</Th>
            <Th>LUN ID</Th>
            <Th>Result</Th>
          </Tr>
        </Thead>
        <Tbody>
          {items.map((i, n) => (
            <Tr key={i.lunId} data-testid="batch-item" data-lun-id={i.lunId} data-phase={i.phase} data-plug={needsPlug(i) ? 'failed' : undefined}>
              <Td dataLabel="#">{n + 1}</Td>
              {/* An alias is not broken at its hyphens (web-/data-/01): the Result column takes the wrapping. */}
              <Td dataLabel="Alias" modifier="nowrap">
                {i.made ? <Link to={paths.disk(i.made.diskId)}>{i.made.alias || i.alias}</Link> : i.alias}
              </Td>
              <Td dataLabel="LUN ID" style={{ fontFamily: 'var(--pf-t--global--font--family--mono)', fontSize: '0.85em' }}>
                {i.lunId}
              </Td>
              <Td dataLabel="Result">
                {i.phase === 'creating' || i.phase === 'checking' ? <Spinner size="sm" aria-hidden style={{ marginRight: '0.25rem' }} /> : null}
                {i.plugging ? <Spinner size="sm" aria-hidden style={{ marginRight: '0.25rem' }} /> : null}
                {itemStatus(i, vmName)}
                {onRetryPlug && needsPlug(i) ? (
                  <Button
                    variant="link"
                    isInline
                    style={{ marginLeft: '0.5rem' }}
                    aria-label={`Retry plug of ${i.made?.alias || i.alias}`}
                    isAriaDisabled={busy}
                    onClick={() => onRetryPlug(i.lunId)}
                  >
                    Retry plug
                  </Button>
                ) : null}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {current?.correlationIds.at(-1) ? (
        <section aria-label={`Progress of disk ${current.alias}`} style={{ marginTop: '0.5rem' }}>
          <JobProgress correlationId={current.correlationIds.at(-1) ?? ''} active label={`Steps of the ${current.plugging ? 'plug' : 'create'} of ${current.alias}`} />
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
      aria-label="Copy the results as text"
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
      {copied ? 'Copied' : 'Copy the results as text'}
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
  const options: Array<[string, string]> = e
    ? [
        ...(vm ? ([['Virtual machine', vm.name], ['Interface', interfaceLabel(e.interface)], ['Activate', yes(e.activate)], ['Bootable', yes(e.bootable)], ['Read-only', yes(e.readOnly)], ['Enable discard', yes(e.passDiscard)], ['Use SCSI reservation', yes(e.scsiReservation)]] as Array<[string, string]>) : []),
        ['Host used', data.hostName(v.hostId)],
        ['Description', v.description || '—'],
        ['Sharable', yes(e.sharable)],
        ['SCSI pass-through', e.passthrough ? (e.privilegedIo ? 'Yes, with privileged SCSI I/O' : 'Yes') : 'No'],
        ['Propagate errors', yes(e.propagateErrors)],
      ]
    : [];
  const sizes = disks.map((d) => data.rowById.get(d.lunId)?.lun.lu.size);

  return (
    <section aria-labelledby="review-title">
      <Title headingLevel="h2" id="review-title">
        Review: {disks.length} disks
      </Title>
      <p style={{ margin: '0.5rem 0' }} data-testid="batch-plan">
        {batchSummary(sizes)}. Create makes one disk per LUN, one after the other
        {vm ? `, each attached to ${vm.name}${e?.activate ? ' and plugged' : ''}` : ''}; each has its own progress and result. A disk that
        fails does not stop the others, and Retry failed sends only the failed ones again — for a disk attached but not
        plugged, the plug only. Nothing is created twice.
      </p>
      {batch.resumedAfterReload && items ? (
        <Alert variant="info" isInline title="The page was reloaded while the batch was being created" component="h3" style={{ margin: '0.5rem 0' }}>
          The console asked the engine about the disk that was in flight. Below is exactly what was made; Create makes the rest, nothing twice.
        </Alert>
      ) : null}
      <DescriptionList isHorizontal isCompact aria-label="Options for every disk" style={{ marginTop: '1rem' }}>
        {options.map(([term, desc]) => (
          <DescriptionListGroup key={term}>
            <DescriptionListTerm>{term}</DescriptionListTerm>
            <DescriptionListDescription>{desc}</DescriptionListDescription>
          </DescriptionListGroup>
        ))}
      </DescriptionList>
      <Title headingLevel="h3" style={{ margin: '1rem 0 0.5rem' }}>
        Disks to make
      </Title>
      {items ? (
        <>
          <BatchResultsTable items={items} vmName={vm?.name} busy={batch.busy} onRetryPlug={(lunId) => void batch.retryPlug(lunId)} />
          <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', marginTop: '0.5rem' }}>
            <Button variant="secondary" onClick={onRetryFailed} isAriaDisabled={failed === 0 || batch.busy} isLoading={batch.busy && failed > 0}>
              Retry failed{failed > 0 ? ` (${failed})` : ''}
            </Button>
            <CopyResults items={items} vmName={vm?.name} />
          </div>
        </>
      ) : (
        <Table aria-label="Disks of the batch" variant="compact">
          <Thead>
            <Tr>
              <Th>#</Th>
              <Th>Alias</Th>
              <Th>LUN ID</Th>
              <Th>Size</Th>
            </Tr>
          </Thead>
          <Tbody>
            {disks.map((d, i) => (
              <Tr key={d.lunId} data-testid="batch-item" data-lun-id={d.lunId}>
                <Td dataLabel="#">{i + 1}</Td>
                <Td dataLabel="Alias">{d.alias}</Td>
                <Td dataLabel="LUN ID" style={{ fontFamily: 'var(--pf-t--global--font--family--mono)', fontSize: '0.85em' }}>
                  {d.lunId}
                </Td>
                <Td dataLabel="Size">{data.rowById.get(d.lunId)?.sizeText ?? 'Unknown'}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {specs.length > 0 ? <RestPreview specs={specs} title={`Equivalent REST requests (${specs.length}, one per disk, sent one after the other)`} /> : null}
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
  anotherLabel = 'Create more disks',
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
        {items.length} disks created{vmName ? ` for ${vmName}` : ''}
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
