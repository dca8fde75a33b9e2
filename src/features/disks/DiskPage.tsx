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
import { POLL_UNBOUNDED, devicesRefetchInterval, fanOutPollInterval, useViewPollInterval } from '../../ui/polling';
import { DiskConnections } from './DiskConnections';
import { t } from '../../i18n/i18n';

/** Narrower than its headers (never cut), a table scrolls sideways in its own frame, not the page (decision 050). */
const TABLE_FRAME = { overflowX: 'auto' } as const;

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
    <DescriptionList isHorizontal isCompact columnModifier={{ default: '2Col' }} aria-label={t('disk.lun.label')}>
      <Field term={t('disk.field.type')}>{disk.lun.type === 'fcp' ? t('disk.lun.typeFc') : t('disk.lun.typeIscsi')}</Field>
      <Field term={t('disk.field.lunId')}>
        <span style={mono} translate="no">{disk.lun.id}</span>
      </Field>
      <Field term={t('disk.field.size')}>{size === undefined ? t('disk.lun.sizeUnknown') : <span title={formatBytesExact(size)}>{formatSize(size)}</span>}</Field>
      <Field term={t('disk.field.vendor')}>
        <span translate="no">{lu?.vendorId ?? '—'}</span>
      </Field>
      <Field term={t('disk.field.product')}>
        <span translate="no">{lu?.productId ?? '—'}</span>
      </Field>
      <Field term={t('disk.field.serial')}>
        <span style={mono} translate="no">{lu?.serial ?? '—'}</span>
      </Field>
      <Field term={t('disk.field.sharable')}>{yesNo(disk.sharable)}</Field>
      <Field term={t('disk.field.sgio')}>{disk.sgio ? (disk.sgio === 'unfiltered' ? t('disk.lun.sgioPrivileged') : t('disk.lun.sgioFiltered')) : t('disk.lun.sgioOff')}</Field>
      <Field term={t('disk.field.discard')}>
        {lu?.discardMaxSize ? t('disk.lun.discardSupported', { size: formatSize(lu.discardMaxSize) }) : t('disk.lun.discardNotSupported')}
      </Field>
      <Field term={t('disk.field.propagateErrors')}>{yesNo(disk.propagateErrors)}</Field>
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
    // And a large SAN's device list not at all (devicesPollInterval): each tick was 10,000 LUNs parsed per host.
    queries: list.map((h) => ({
      ...hostStorageQueryOptions(h.id),
      enabled: h.status === 'up',
      refetchInterval: devicesRefetchInterval(poll),
    })),
  });
  if (hosts.isPending) return <Loading what={t('disk.reach.loadingWhat')} />;
  if (hosts.isError) return <LoadError what={t('disk.reach.loadingWhat')} error={hosts.error} onRetry={() => void hosts.refetch()} />;
  const label = t(disk.lun.type === 'fcp' ? 'disk.reach.lunLabelFc' : 'disk.reach.lunLabel', { id: disk.lun.id });
  const ref = { id: disk.lun.id, type: disk.lun.type, target: disk.lun.logicalUnits[0]?.target };
  return (
    <div style={TABLE_FRAME}>
      <Table aria-label={t('disk.reach.tableLabel', { alias: disk.alias })} variant="compact">
        <Thead>
          <Tr>
            <Th modifier="nowrap">{t('disk.reach.column.host')}</Th>
            <Th modifier="nowrap">{t('disk.reach.column.status')}</Th>
            <Th modifier="nowrap">{t('disk.reach.column.reaches')}</Th>
            <Th modifier="nowrap">{t('disk.reach.column.paths')}</Th>
            <Th modifier="nowrap">{t('disk.reach.column.details')}</Th>
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
                <Td dataLabel={t('disk.reach.column.host')}>
                  <Link to={paths.host(h.id)} translate="no">
                    {h.name}
                  </Link>
                </Td>
                <Td dataLabel={t('disk.reach.column.status')}>
                  <HostStatusLabel status={h.status} />
                </Td>
                <Td dataLabel={t('disk.reach.column.reaches')}>
                  {!r
                    ? q?.isError
                      ? t('disk.reach.unknown')
                      : t('disk.reach.checking')
                    : verdict === 'yes'
                      ? t('disk.reach.yes')
                      : verdict === 'connect'
                        ? t('disk.reach.notYetConnected')
                        : t('disk.reach.no')}
                </Td>
                <Td dataLabel={t('disk.reach.column.paths')}>
                  {r?.kind === 'reachable' ? pathsText(r.paths, r.activePaths) : r?.kind === 'no-active-path' ? pathsText(r.paths, 0) : '—'}
                </Td>
                <Td dataLabel={t('disk.reach.column.details')}>{r ? reachText(r, h.name, label) : q?.isError ? t('disk.reach.couldNotRead', { host: h.name }) : ''}</Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </div>
  );
}

function AttachedTo({ disk }: { disk: Disk }) {
  // Every VM with its attachments (the REST disk has no link to its VMs): a whole collection, not polled.
  const usage = useQuery({ ...vmsWithAttachmentsQueryOptions(), refetchInterval: POLL_UNBOUNDED });
  const hostName = useHostNames();
  if (usage.isPending) return <Loading what={t('disk.attached.loadingWhat')} />;
  if (usage.isError) return <LoadError what={t('disk.attached.loadingWhat')} error={usage.error} onRetry={() => void usage.refetch()} />;
  const users = attachmentsByDisk(usage.data).get(disk.id) ?? [];
  if (users.length === 0) {
    return <Empty title={t('disk.attached.empty.title')}>{t('disk.attached.empty.body', { alias: disk.alias })}</Empty>;
  }
  return (
    <div style={TABLE_FRAME}>
      <Table aria-label={t('disk.attached.tableLabel', { alias: disk.alias })} variant="compact">
        <Thead>
          <Tr>
            <Th modifier="nowrap">{t('disk.attached.column.vm')}</Th>
            <Th modifier="nowrap">{t('disk.attached.column.vmStatus')}</Th>
            <Th modifier="nowrap">{t('disk.attached.column.host')}</Th>
            <Th modifier="nowrap">{t('disk.attached.column.interface')}</Th>
            <Th modifier="nowrap">{t('disk.attached.column.active')}</Th>
            <Th modifier="nowrap">{t('disk.attached.column.readOnly')}</Th>
            <Th modifier="nowrap">{t('disk.attached.column.bootable')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {users.map(({ vm, attachment: a }) => (
            <Tr key={vm.id}>
              <Td dataLabel={t('disk.attached.column.vm')}>
                <Link to={paths.vm(vm.id)} translate="no">
                  {vm.name}
                </Link>
              </Td>
              <Td dataLabel={t('disk.attached.column.vmStatus')}>
                <VmStatusLabel status={vm.status} />
              </Td>
              <Td dataLabel={t('disk.attached.column.host')} translate="no">
                {vm.hostId ? <Link to={paths.host(vm.hostId)}>{hostName(vm.hostId) ?? vm.hostId}</Link> : '—'}
              </Td>
              <Td dataLabel={t('disk.attached.column.interface')}>{INTERFACE_TEXT[a.interface]}</Td>
              <Td dataLabel={t('disk.attached.column.active')}>{a.active ? t('disk.attached.active') : t('disk.attached.inactive')}</Td>
              <Td dataLabel={t('disk.attached.column.readOnly')}>{yesNo(a.readOnly)}</Td>
              <Td dataLabel={t('disk.attached.column.bootable')}>{yesNo(a.bootable)}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </div>
  );
}

/** The engine's events mentioning the alias as a whole word (its audit log has no disk reference to search by). */
function History({ disk }: { disk: Disk }) {
  const poll = useViewPollInterval();
  const events = useQuery({ ...eventsQueryOptions(`message=*${disk.alias}*`, 100), refetchInterval: poll });
  if (events.isPending) return <Loading what={t('disk.history.loadingWhat')} />;
  if (events.isError) return <LoadError what={t('disk.history.loadingWhat')} error={events.error} onRetry={() => void events.refetch()} />;
  const word = new RegExp(`(^|[^\\w.-])${disk.alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`);
  const mine = events.data.filter((e) => word.test(e.description));
  if (mine.length === 0) return <Empty title={t('disk.history.empty.title')}>{t('disk.history.empty.body', { alias: disk.alias })}</Empty>;
  return <EventTable label={t('disk.history.tableLabel', { alias: disk.alias })} events={mine} />;
}

function ImageSummary({ disk }: { disk: Extract<Disk, { storageType: 'image' }> }) {
  const domains = useQuery(storageDomainsQueryOptions());
  return (
    <DescriptionList isHorizontal isCompact columnModifier={{ default: '2Col' }} aria-label={t('disk.image.label')}>
      <Field term={t('disk.field.type')}>{diskTypeText(disk)}</Field>
      <Field term={t('disk.field.virtualSize')}>
        <span title={formatBytesExact(disk.provisionedSize)}>{formatSize(disk.provisionedSize)}</span>
      </Field>
      <Field term={t('disk.field.actualSize')}>{disk.actualSize !== undefined ? formatSize(disk.actualSize) : '—'}</Field>
      <Field term={t('disk.field.format')}>{disk.format === 'cow' ? t('disk.image.formatCow') : disk.format === 'raw' ? t('disk.image.formatRaw') : '—'}</Field>
      {/* The engine's own status word (ok, locked, illegal), as it sent it. */}
      <Field term={t('disk.field.status')}>
        <span translate="no">{disk.status ? disk.status.charAt(0).toUpperCase() + disk.status.slice(1) : '—'}</span>
      </Field>
      <Field term={t('disk.field.storageDomain')}>
        <span translate="no">
          {disk.storageDomainIds.map((id) => domains.data?.find((d) => d.id === id)?.name ?? id).join(', ') || '—'}
        </span>
      </Field>
      <Field term={t('disk.field.sharable')}>{yesNo(disk.sharable)}</Field>
    </DescriptionList>
  );
}

/** A disk that is neither an image nor a direct LUN: what it has in common, and that the console does not manage it. */
function OtherSummary({ disk }: { disk: OtherDisk }) {
  return (
    <>
      <DescriptionList isHorizontal isCompact columnModifier={{ default: '2Col' }} aria-label={t('disk.other.label')}>
        <Field term={t('disk.field.type')}>{diskTypeText(disk)}</Field>
        <Field term={t('disk.field.virtualSize')}>{disk.provisionedSize !== undefined ? formatSize(disk.provisionedSize) : t('disk.other.sizeUnknown')}</Field>
        <Field term={t('disk.field.sharable')}>{yesNo(disk.sharable)}</Field>
      </DescriptionList>
      <p style={{ marginTop: '0.5rem' }}>
        {disk.wireStorageType
          ? t('disk.other.kind', { kind: disk.wireStorageType.replace(/_/g, ' ') })
          : t('disk.other.kindUnknown')}
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
          {t('disk.attachToVm')}
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
      {t('disk.attachToVm')}
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
        <Breadcrumb aria-label={t('disk.breadcrumb.label')}>
          <BreadcrumbItem render={() => <Link to={paths.disks()}>{t('disk.breadcrumb.disks')}</Link>} />
          <BreadcrumbItem isActive>{disk.data ? <span translate="no">{disk.data.alias}</span> : t('disk.breadcrumb.disk')}</BreadcrumbItem>
        </Breadcrumb>
      </PageBreadcrumb>
      {disk.isPending ? (
        <Loading what={t('disk.loadingWhat')} />
      ) : disk.isError ? (
        <PageSection>
          <LoadError what={t('disk.loadingWhat')} error={disk.error} onRetry={() => void disk.refetch()} />
        </PageSection>
      ) : (
        <>
          <PageHeader title={disk.data.alias} named description={disk.data.description ? <span translate="no">{disk.data.description}</span> : undefined} actions={<AttachToVm disk={disk.data} />} />
          {disk.data.storageType === 'lun' ? (
            <>
              <Section id="disk-lun-title" title={t('disk.section.backingLun')}>
                <LunSummary disk={disk.data} />
              </Section>
              <Section id="disk-conn-title" title={t('disk.section.connections')}>
                <DiskConnections disk={disk.data} />
              </Section>
              <Section id="disk-reach-title" title={t('disk.section.reach')}>
                <HostReach disk={disk.data} />
              </Section>
            </>
          ) : disk.data.storageType === 'image' ? (
            <Section id="disk-image-title" title={t('disk.section.image')}>
              <ImageSummary disk={disk.data} />
            </Section>
          ) : (
            <Section id="disk-other-title" title={t('disk.section.other')}>
              <OtherSummary disk={disk.data} />
            </Section>
          )}
          <Section id="disk-vms-title" title={t('disk.section.attachedTo')}>
            <AttachedTo disk={disk.data} />
          </Section>
          <Section id="disk-history-title" title={t('disk.section.history')}>
            <History disk={disk.data} />
          </Section>
        </>
      )}
    </>
  );
}
