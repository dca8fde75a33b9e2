// Step "Review" for existing disks: the outcome in plain words by the VM's state — down: the disks' target
// connections become required connections of the VM (listed), connected at its next run; running: its host is
// checked or connected to the target, then the disk is hot plugged — and the equivalent REST requests.
import { DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Title } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { attachPlanSentences, type AttachPlanDisk } from '../../domain/attach-plan';
import { isVmRunning } from '../../domain/vm-status';
import { INTERFACE_TEXT, vmStatusText, yesNo } from '../../domain/format';
import type { Disk, DiskAttachment, Vm } from '../../domain/model';
import { vmConnections } from '../../domain/vm-connections';
import { hostStorageQueryOptions } from '../../engine-api/host-storage';
import { attachRequests } from '../../flows/disk-attach/requests';
import { RestPreview } from '../../ui/RestPreview';
import { VmConnectionsTable } from '../../ui/VmConnectionsTable';
import { useHostNames } from '../../ui/use-host-names';
import type { BatchEntry } from './attach-batch';

export function planDiskOf(b: BatchEntry): AttachPlanDisk {
  const d = b.disk;
  return {
    alias: d.alias,
    kind: d.storageType,
    lunType: d.storageType === 'lun' ? d.lun.type : undefined,
    lunId: d.storageType === 'lun' ? d.lun.id : undefined,
    connections:
      d.storageType === 'lun' && d.lun.type !== 'fcp'
        ? d.lun.logicalUnits.flatMap((l) => (l.target && l.address ? [{ target: l.target, address: l.address, port: l.port ?? 3260 }] : []))
        : [],
    interfaceLabel: INTERFACE_TEXT[b.effective.interface],
    activate: b.effective.activate,
    bootable: b.effective.bootable,
    readOnly: b.effective.readOnly,
  };
}

function newAttachment(vmId: string, b: BatchEntry): DiskAttachment {
  return {
    id: b.disk.id, diskId: b.disk.id, vmId, interface: b.effective.interface, bootable: b.effective.bootable, active: b.effective.activate,
    readOnly: b.effective.readOnly, passDiscard: false, usesScsiReservation: false, logicalName: undefined,
  };
}

function Connections({ vm, batch, current, disks }: { vm: Vm; batch: readonly BatchEntry[]; current: readonly DiskAttachment[]; disks: readonly Disk[] }) {
  const hostName = useHostNames();
  const running = isVmRunning(vm.status) && !!vm.hostId;
  const host = useQuery({ ...hostStorageQueryOptions(vm.hostId ?? ''), enabled: running });
  const isNew = (alias: string) => batch.some((b) => b.disk.alias === alias);
  // Every connection of the VM once the disks are attached; the disks being attached are marked "new".
  const after = vmConnections([...current, ...batch.map((b) => newAttachment(vm.id, b))], disks);
  if (!after.some((c) => c.disks.some((d) => isNew(d.alias)))) return null;
  const hostLabel = hostName(vm.hostId) ?? 'its host';
  return (
    <section aria-labelledby="review-connections-title" style={{ marginTop: '1rem' }}>
      <Title headingLevel="h3" id="review-connections-title">
        {running ? `Target connections of ${vm.name} on ${hostLabel}` : `Required connections of ${vm.name} after the attach`}
      </Title>
      <p style={{ margin: '0.25rem 0 0.5rem' }}>
        {running
          ? `What ${hostLabel} needs for ${vm.name}'s direct LUN disks, and whether it has it now. What a disk you attach lacks is connected before its plug.`
          : `${vm.name} is down: nothing is connected now. The host that runs ${vm.name} next connects its required connections first.`}
      </p>
      <VmConnectionsTable
        label={running ? `Target connections of ${vm.name} on ${hostLabel}` : `Required connections of ${vm.name}`}
        connections={after}
        requiredHeader="Required to run"
        host={running ? { header: `On ${hostLabel} now`, luns: host } : undefined}
        isNew={isNew}
        missingSuffix=": connected before the plug"
      />
    </section>
  );
}

export function ExistingReview({ vm, batch, current, disks }: { vm: Vm; batch: readonly BatchEntry[]; current: readonly DiskAttachment[]; disks: readonly Disk[] }) {
  const hostName = useHostNames();
  const planVm = { name: vm.name, status: vm.status, hostName: hostName(vm.hostId) };
  const specs = batch.flatMap((b) => attachRequests(vm.id, vm.status, b.disk.id, b.effective));
  return (
    <section aria-labelledby="attach-review-title">
      <Title headingLevel="h2" id="attach-review-title">
        Review
      </Title>
      <DescriptionList isHorizontal isCompact aria-label="Where the disks go" style={{ margin: '1rem 0' }}>
        <DescriptionListGroup>
          <DescriptionListTerm>Virtual machine</DescriptionListTerm>
          <DescriptionListDescription>
            {vm.name} ({vmStatusText(vm.status)}
            {vm.hostId ? ` on ${hostName(vm.hostId) ?? 'its host'}` : ''})
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>Disks</DescriptionListTerm>
          <DescriptionListDescription>{batch.map((b) => b.disk.alias).join(', ')}</DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
      {batch.map((b) => (
        <section key={b.disk.id} aria-labelledby={`review-${b.disk.id}-title`} style={{ marginBottom: '1rem' }}>
          <Title headingLevel="h3" id={`review-${b.disk.id}-title`}>
            {b.disk.alias}
          </Title>
          <p style={{ margin: '0.25rem 0' }}>
            {INTERFACE_TEXT[b.effective.interface]} · Activate: {yesNo(b.effective.activate)} · Bootable: {yesNo(b.effective.bootable)} · Read-only:{' '}
            {yesNo(b.effective.readOnly)}
          </p>
          <ol aria-label={`What will happen to ${b.disk.alias}`} data-testid={`plan-${b.disk.alias}`} style={{ paddingLeft: '1.5rem', listStyle: 'decimal' }}>
            {attachPlanSentences(planVm, planDiskOf(b)).map((s) => (
              <li key={s} style={{ marginBottom: '0.25rem' }}>
                {s}
              </li>
            ))}
          </ol>
        </section>
      ))}
      <Connections vm={vm} batch={batch} current={current} disks={disks} />
      <RestPreview specs={specs} names={{ vm: (id) => (id === vm.id ? vm.name : undefined) }} title={specs.length === 1 ? 'Equivalent REST request' : 'Equivalent REST requests'} />
    </section>
  );
}
