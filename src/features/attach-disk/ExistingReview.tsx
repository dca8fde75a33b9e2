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
import { t } from '../../i18n/i18n';

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
  const hostLuns = useQuery({ ...hostStorageQueryOptions(vm.hostId ?? ''), enabled: running });
  const isNew = (alias: string) => batch.some((b) => b.disk.alias === alias);
  // Every connection of the VM once the disks are attached; the disks being attached are marked "new".
  const after = vmConnections([...current, ...batch.map((b) => newAttachment(vm.id, b))], disks);
  if (!after.some((c) => c.disks.some((d) => isNew(d.alias)))) return null;
  const host = { host: hostName(vm.hostId) ?? '', hostNamed: hostName(vm.hostId) ? 'yes' : 'no', vm: vm.name };
  return (
    <section aria-labelledby="review-connections-title" style={{ marginTop: '1rem' }}>
      <Title headingLevel="h3" id="review-connections-title">
        {running ? t('attach.review.connectionsTitleRunning', host) : t('attach.review.connectionsTitleDown', host)}
      </Title>
      <p style={{ margin: '0.25rem 0 0.5rem' }}>
        {running ? t('attach.review.connectionsIntroRunning', host) : t('attach.review.connectionsIntroDown', host)}
      </p>
      <VmConnectionsTable
        label={running ? t('attach.review.connectionsTitleRunning', host) : t('attach.review.connectionsLabelDown', host)}
        connections={after}
        requiredHeader={t('attach.review.requiredToRun')}
        host={running ? { header: t('attach.review.onHostNow', host), luns: hostLuns } : undefined}
        isNew={isNew}
        missingSuffix={t('attach.review.missingSuffix')}
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
        {t('attach.review.title')}
      </Title>
      <DescriptionList isHorizontal isCompact aria-label={t('attach.review.whereLabel')} style={{ margin: '1rem 0' }}>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('attach.review.vm')}</DescriptionListTerm>
          <DescriptionListDescription>
            {vm.hostId
              ? t('attach.review.vmOnHost', { vm: vm.name, status: vmStatusText(vm.status), host: hostName(vm.hostId) ?? '', hostNamed: hostName(vm.hostId) ? 'yes' : 'no' })
              : t('attach.review.vmStatus', { vm: vm.name, status: vmStatusText(vm.status) })}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('attach.review.disks')}</DescriptionListTerm>
          <DescriptionListDescription translate="no">{batch.map((b) => b.disk.alias).join(', ')}</DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
      {batch.map((b) => (
        <section key={b.disk.id} aria-labelledby={`review-${b.disk.id}-title`} style={{ marginBottom: '1rem' }}>
          <Title headingLevel="h3" id={`review-${b.disk.id}-title`} translate="no">
            {b.disk.alias}
          </Title>
          <p style={{ margin: '0.25rem 0' }}>
            {t('attach.review.choices', {
              iface: INTERFACE_TEXT[b.effective.interface],
              activate: yesNo(b.effective.activate),
              bootable: yesNo(b.effective.bootable),
              readOnly: yesNo(b.effective.readOnly),
            })}
          </p>
          <ol aria-label={t('attach.review.planLabel', { disk: b.disk.alias })} data-testid={`plan-${b.disk.alias}`} style={{ paddingLeft: '1.5rem', listStyle: 'decimal' }}>
            {attachPlanSentences(planVm, planDiskOf(b)).map((s) => (
              <li key={s} style={{ marginBottom: '0.25rem' }}>
                {s}
              </li>
            ))}
          </ol>
        </section>
      ))}
      <Connections vm={vm} batch={batch} current={current} disks={disks} />
      <RestPreview specs={specs} names={{ vm: (id) => (id === vm.id ? vm.name : undefined) }} title={t('attach.review.restTitle', { count: specs.length })} />
    </section>
  );
}
