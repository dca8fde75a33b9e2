// Disks → a disk. For a direct-LUN disk: its backing LUN, its connections, which hosts can reach it (active /
// total paths from each Up host's own device list), the VMs it is attached to, and its history (the engine's
// events about it). An image disk gets the same frame with what an image has.
import {
  Breadcrumb, BreadcrumbItem, Button, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm,
  PageBreadcrumb, PageSection, Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { attachableAnywhere } from '../../domain/attach-options';
import { INTERFACE_TEXT, diskTypeText, formatBytesExact, formatSize, yesNo } from '../../domain/format';
import { lunReach, pathsText, reachText, reachVerdict } from '../../domain/lun-reach';
import { diskSize, type Disk, type LunDisk, type OtherDisk } from '../../domain/model';
import { attachmentsByDisk, vmsWithAttachmentsQueryOptions } from '../../engine-api/disk-attachments';
import { diskQueryOptions } from '../../engine-api/disks';
import { eventsQueryOptions } from '../../engine-api/events';
import { hostStorageQueryOptions } from '../../engine-api/host-storage';
import { hostsQueryOptions } from '../../engine-api/hosts';
import { storageDomainsQueryOptions } from '../../engine-api/storage-domains';
import { EventTable } from '../../ui/EventTable';
import { PageHeader } from '../../ui/PageSection';
import { Empty, LoadError, Loading } from '../../ui/QueryStates';
import { HostStatusLabel, VmStatusLabel } from '../../ui/StatusLabel';
import { useHostNames } from '../../ui/use-host-names';
import { paths } from '../../ui/paths';
import { POLL_UNBOUNDED, fanOutPollInterval, useViewPollInterval } from '../../ui/polling';
import { DiskConnections } from './DiskConnections';

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <PageSection aria-labelledby={id}>
      <Title headingLevel="h2" id={id} style={{ marginBottom: '0.5rem' }}>
        {title}
      </Title>
      {children}
    </PageSection>
  );
}

const mono = { fontFamily: 'var(--pf-t--global--font--family--mono)' } as const;

function LunSummary({ disk }: { disk: LunDisk }) {
  const lu = disk.lun.logicalUnits[0];
  const size = diskSize(disk);
  return (
    <DescriptionList isHorizontal isCompact columnModifier={{ default: '2Col' }} aria-label="Backing LUN">
      <Field term="Type">Direct LUN ({disk.lun.type === 'fcp' ? 'Fibre Channel' : 'iSCSI'})</Field>
      <Field term="LUN ID (WWID)">
        <span style={mono}>{disk.lun.id}</span>
      </Field>
      <Field term="Size">{size === undefined ? 'Unknown (refresh the LUN from a host)' : <span title={formatBytesExact(size)}>{formatSize(size)}</span>}</Field>
      <Field term="Vendor">{lu?.vendorId ?? '—'}</Field>
      <Field term="Product">{lu?.productId ?? '—'}</Field>
      <Field term="Serial">
        <span style={mono}>{lu?.serial ?? '—'}</span>
      </Field>
      <Field term="Sharable">{yesNo(disk.sharable)}</Field>
      <Field term="SCSI pass-through">{disk.sgio ? `On (${disk.sgio === 'unfiltered' ? 'privileged I/O' : 'filtered'})` : 'Off'}</Field>
      <Field term="Discard">{lu?.discardMaxSize ? `Supported (up to ${formatSize(lu.discardMaxSize)} at once)` : 'Not supported by the LUN'}</Field>
      <Field term="Propagate errors">{yesNo(disk.propagateErrors)}</Field>
    </DescriptionList>
  );
}

function HostReach({ disk }: { disk: LunDisk }) {
  const hosts = useQuery(hostsQueryOptions());
  const list = hosts.data ?? [];
  // One device list per Up host: the engine has no per-LUN reach query (GET /hosts/{id}/storage is per host). Polled
  // for a lab's few hosts only (ui/polling.ts, fanOutPollInterval): 500 hosts would be 500 requests a tick.
  const poll = fanOutPollInterval(list.filter((h) => h.status === 'up').length, useViewPollInterval());
  const storage = useQueries({
    queries: list.map((h) => ({ ...hostStorageQueryOptions(h.id), enabled: h.status === 'up', refetchInterval: poll })),
  });
  if (hosts.isPending) return <Loading what="the hosts" />;
  if (hosts.isError) return <LoadError what="the hosts" error={hosts.error} onRetry={() => void hosts.refetch()} />;
  const label = `${disk.lun.type === 'fcp' ? 'FC LUN' : 'LUN'} ${disk.lun.id}`;
  const ref = { id: disk.lun.id, type: disk.lun.type, target: disk.lun.logicalUnits[0]?.target };
  return (
    <Table aria-label={`Hosts that can reach ${disk.alias}`} variant="compact">
      <Thead>
        <Tr>
          <Th>Host</Th>
          <Th>Status</Th>
          <Th>Reaches the LUN</Th>
          <Th>Paths</Th>
          <Th>Details</Th>
        </Tr>
      </Thead>
      <Tbody>
        {list.map((h, i) => {
          const q = storage[i];
          const up = h.status === 'up';
          const r = up && q?.data ? lunReach(ref, h.status, q.data) : !up ? lunReach(ref, h.status, undefined) : undefined;
          const verdict = r ? reachVerdict(r) : undefined;
          return (
            <Tr key={h.id}>
              <Td dataLabel="Host">
                <Link to={paths.host(h.id)}>{h.name}</Link>
              </Td>
              <Td dataLabel="Status">
                <HostStatusLabel status={h.status} />
              </Td>
              <Td dataLabel="Reaches the LUN">
                {!r ? (q?.isError ? 'Unknown' : 'Checking…') : verdict === 'yes' ? 'Yes' : verdict === 'connect' ? 'Not yet connected' : 'No'}
              </Td>
              <Td dataLabel="Paths">
                {r?.kind === 'reachable' ? pathsText(r.paths, r.activePaths) : r?.kind === 'no-active-path' ? pathsText(r.paths, 0) : '—'}
              </Td>
              <Td dataLabel="Details">{r ? reachText(r, h.name, label) : q?.isError ? `Could not read what ${h.name} sees` : ''}</Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}

function AttachedTo({ disk }: { disk: Disk }) {
  // Every VM with its attachments (the REST disk has no link to its VMs): a whole collection, not polled.
  const usage = useQuery({ ...vmsWithAttachmentsQueryOptions(), refetchInterval: POLL_UNBOUNDED });
  const hostName = useHostNames();
  if (usage.isPending) return <Loading what="the VMs using this disk" />;
  if (usage.isError) return <LoadError what="the VMs using this disk" error={usage.error} onRetry={() => void usage.refetch()} />;
  const users = attachmentsByDisk(usage.data).get(disk.id) ?? [];
  if (users.length === 0) {
    return <Empty title="Not attached">{disk.alias} is a floating disk: no VM uses it. Attach it with Attach to VM, or from a VM&apos;s Disks tab.</Empty>;
  }
  return (
    <Table aria-label={`VMs ${disk.alias} is attached to`} variant="compact">
      <Thead>
        <Tr>
          <Th>VM</Th>
          <Th>VM status</Th>
          <Th>Host</Th>
          <Th>Interface</Th>
          <Th>Active</Th>
          <Th>Read-only</Th>
          <Th>Bootable</Th>
        </Tr>
      </Thead>
      <Tbody>
        {users.map(({ vm, attachment: a }) => (
          <Tr key={vm.id}>
            <Td dataLabel="VM">
              <Link to={paths.vm(vm.id)}>{vm.name}</Link>
            </Td>
            <Td dataLabel="VM status">
              <VmStatusLabel status={vm.status} />
            </Td>
            <Td dataLabel="Host">{vm.hostId ? <Link to={paths.host(vm.hostId)}>{hostName(vm.hostId) ?? vm.hostId}</Link> : '—'}</Td>
            <Td dataLabel="Interface">{INTERFACE_TEXT[a.interface]}</Td>
            <Td dataLabel="Active">{a.active ? 'Active (plugged)' : 'Inactive (unplugged)'}</Td>
            <Td dataLabel="Read-only">{yesNo(a.readOnly)}</Td>
            <Td dataLabel="Bootable">{yesNo(a.bootable)}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** The engine's events mentioning the alias as a whole word (its audit log has no disk reference to search by). */
function History({ disk }: { disk: Disk }) {
  const poll = useViewPollInterval();
  const events = useQuery({ ...eventsQueryOptions(`message=*${disk.alias}*`, 100), refetchInterval: poll });
  if (events.isPending) return <Loading what="the disk's history" />;
  if (events.isError) return <LoadError what="the disk's history" error={events.error} onRetry={() => void events.refetch()} />;
  const word = new RegExp(`(^|[^\\w.-])${disk.alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`);
  const mine = events.data.filter((e) => word.test(e.description));
  if (mine.length === 0) return <Empty title="No events">The engine has logged no event naming {disk.alias}.</Empty>;
  return <EventTable label={`History of ${disk.alias}`} events={mine} />;
}

function ImageSummary({ disk }: { disk: Extract<Disk, { storageType: 'image' }> }) {
  const domains = useQuery(storageDomainsQueryOptions());
  return (
    <DescriptionList isHorizontal isCompact columnModifier={{ default: '2Col' }} aria-label="Image disk">
      <Field term="Type">{diskTypeText(disk)}</Field>
      <Field term="Virtual size">
        <span title={formatBytesExact(disk.provisionedSize)}>{formatSize(disk.provisionedSize)}</span>
      </Field>
      <Field term="Actual size">{disk.actualSize !== undefined ? formatSize(disk.actualSize) : '—'}</Field>
      <Field term="Format">{disk.format === 'cow' ? 'QCOW2 (thin)' : disk.format === 'raw' ? 'Raw' : '—'}</Field>
      <Field term="Status">{disk.status ? disk.status.charAt(0).toUpperCase() + disk.status.slice(1) : '—'}</Field>
      <Field term="Storage domain">
        {disk.storageDomainIds.map((id) => domains.data?.find((d) => d.id === id)?.name ?? id).join(', ') || '—'}
      </Field>
      <Field term="Sharable">{yesNo(disk.sharable)}</Field>
    </DescriptionList>
  );
}

/** A disk that is neither an image nor a direct LUN: what it has in common, and that the console does not manage it. */
function OtherSummary({ disk }: { disk: OtherDisk }) {
  return (
    <>
      <DescriptionList isHorizontal isCompact columnModifier={{ default: '2Col' }} aria-label="Other disk">
        <Field term="Type">{diskTypeText(disk)}</Field>
        <Field term="Virtual size">{disk.provisionedSize !== undefined ? formatSize(disk.provisionedSize) : 'Unknown'}</Field>
        <Field term="Sharable">{yesNo(disk.sharable)}</Field>
      </DescriptionList>
      <p style={{ marginTop: '0.5rem' }}>
        {disk.wireStorageType
          ? `A ${disk.wireStorageType.replace(/_/g, ' ')} disk: this console manages image and direct LUN disks only.`
          : 'The engine did not report the type of this disk (it does so for disks of a kind its API has no name for, such as a Kubernetes disk): this console manages image and direct LUN disks only.'}
      </p>
    </>
  );
}

/** Disks → a disk → Attach to VM: the Attach wizard with this disk picked; disabled, with the reason, when it cannot be. */
function AttachToVm({ disk }: { disk: Disk }) {
  const usage = useQuery(vmsWithAttachmentsQueryOptions());
  const location = useLocation();
  const users = usage.data ? (attachmentsByDisk(usage.data).get(disk.id) ?? []).map((u) => ({ vmId: u.vm.id, vmName: u.vm.name })) : [];
  const a = attachableAnywhere(disk, users);
  if (!a.ok) {
    return (
      <span style={{ display: 'inline-flex', gap: '0.5rem', alignItems: 'center' }}>
        <Button variant="primary" isAriaDisabled aria-describedby="attach-to-vm-reason">
          Attach to VM
        </Button>
        <span id="attach-to-vm-reason" style={{ color: 'var(--pf-t--global--text--color--subtle)', maxWidth: '22rem' }}>
          {a.reason}
        </span>
      </span>
    );
  }
  return (
    <Button
      variant="primary"
      component={(p) => <Link {...p} to={paths.attachDisk({ disk: disk.id })} state={{ from: `${location.pathname}${location.search}` }} />}
    >
      Attach to VM
    </Button>
  );
}

export function DiskPage() {
  const { diskId = '' } = useParams();
  const poll = useViewPollInterval();
  const disk = useQuery({ ...diskQueryOptions(diskId), refetchInterval: poll });
  return (
    <>
      <PageBreadcrumb>
        <Breadcrumb>
          <BreadcrumbItem render={() => <Link to={paths.disks()}>Disks</Link>} />
          <BreadcrumbItem isActive>{disk.data?.alias ?? 'Disk'}</BreadcrumbItem>
        </Breadcrumb>
      </PageBreadcrumb>
      {disk.isPending ? (
        <Loading what="the disk" />
      ) : disk.isError ? (
        <PageSection>
          <LoadError what="the disk" error={disk.error} onRetry={() => void disk.refetch()} />
        </PageSection>
      ) : (
        <>
          <PageHeader title={disk.data.alias} description={disk.data.description || undefined} actions={<AttachToVm disk={disk.data} />} />
          {disk.data.storageType === 'lun' ? (
            <>
              <Section id="disk-lun-title" title="Backing LUN">
                <LunSummary disk={disk.data} />
              </Section>
              <Section id="disk-conn-title" title="Connections">
                <DiskConnections disk={disk.data} />
              </Section>
              <Section id="disk-reach-title" title="Hosts that can reach it">
                <HostReach disk={disk.data} />
              </Section>
            </>
          ) : disk.data.storageType === 'image' ? (
            <Section id="disk-image-title" title="Image">
              <ImageSummary disk={disk.data} />
            </Section>
          ) : (
            <Section id="disk-other-title" title="Disk">
              <OtherSummary disk={disk.data} />
            </Section>
          )}
          <Section id="disk-vms-title" title="Attached to">
            <AttachedTo disk={disk.data} />
          </Section>
          <Section id="disk-history-title" title="History">
            <History disk={disk.data} />
          </Section>
        </>
      )}
    </>
  );
}
