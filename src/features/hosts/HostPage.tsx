// Hosts → a host: what it is connected to and why. The iSCSI sessions it holds and what holds each (a storage
// domain, a plugged disk of a VM running here, or nothing), and the LUNs it sees — all derived from the real
// API (GET /hosts/{id}/storage, the VMs with their attachments, the disks and the storage domains), so it works
// the same against a real engine (docs/decisions/005-seed-connection-design.md).
import {
  Breadcrumb, BreadcrumbItem, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm,
  PageBreadcrumb, PageSection, Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Link, useParams } from 'react-router';
import { hostStatusText } from '../../domain/format';
import { hostSessions, type HostSessionView, type SessionHolder } from '../../domain/host-sessions';
import { clustersQueryOptions } from '../../engine-api/data-centers';
import { vmsWithAttachmentsQueryOptions } from '../../engine-api/disk-attachments';
import { disksQueryOptions } from '../../engine-api/disks';
import { hostStorageQueryOptions } from '../../engine-api/host-storage';
import { hostQueryOptions } from '../../engine-api/hosts';
import { storageDomainsQueryOptions } from '../../engine-api/storage-domains';
import { PageHeader } from '../../ui/PageSection';
import { Empty, LoadError, Loading } from '../../ui/QueryStates';
import { HostStatusLabel, VmStatusLabel } from '../../ui/StatusLabel';
import { HostLunTable } from './HostLunTable';
import { paths } from '../../ui/paths';
import { POLL_UNBOUNDED, useViewPollInterval } from '../../ui/polling';

const SPM_TEXT = { spm: 'SPM', contending: 'Contending', none: 'Normal' } as const;

function Holder({ h }: { h: SessionHolder }) {
  if (h.kind === 'storage-domain') return <>storage domain {h.name}</>;
  return (
    <>
      disk <Link to={paths.disk(h.diskId)}>{h.diskAlias}</Link> of VM <Link to={paths.vm(h.vmId)}>{h.vmName}</Link> (running here)
    </>
  );
}

function HeldBy({ s }: { s: HostSessionView }) {
  if (s.holders.length === 0) return <>Logged in, not used by anything</>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {s.holders.map((h) => (
        <li key={h.kind === 'storage-domain' ? h.id : `${h.vmId}/${h.diskId}`}>
          <Holder h={h} />
        </li>
      ))}
    </ul>
  );
}

function portal(s: HostSessionView): string {
  if (!s.address) return '—';
  return s.address.includes(':') ? `[${s.address}]:${s.port ?? 3260}` : `${s.address}:${s.port ?? 3260}`;
}

function SessionsTable({ hostName, sessions }: { hostName: string; sessions: HostSessionView[] }) {
  const iscsi = sessions.filter((s) => s.kind === 'iscsi');
  if (iscsi.length === 0) {
    return <Empty title="No iSCSI session">{hostName} is not logged in to any iSCSI target.</Empty>;
  }
  return (
    <Table aria-label={`iSCSI sessions of ${hostName}`} variant="compact">
      <Thead>
        <Tr>
          <Th>Target</Th>
          <Th>Portal</Th>
          <Th modifier="wrap">CHAP user</Th>
          <Th>LUNs</Th>
          <Th>Held by</Th>
        </Tr>
      </Thead>
      <Tbody>
        {iscsi.map((s) => (
          <Tr key={`${s.target ?? ''}@${portal(s)}`}>
            <Td dataLabel="Target">{s.target}</Td>
            <Td dataLabel="Portal">{portal(s)}</Td>
            <Td dataLabel="CHAP user">{s.username ?? '—'}</Td>
            <Td dataLabel="LUNs">
              {s.luns.length}
              {s.lunsWithoutActivePath > 0 ? `, ${s.lunsWithoutActivePath === s.luns.length ? 'all' : s.lunsWithoutActivePath} without an active path` : ''}
            </Td>
            <Td dataLabel="Held by">
              <HeldBy s={s} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

export function HostPage() {
  const { hostId = '' } = useParams();
  const poll = useViewPollInterval();
  const host = useQuery({ ...hostQueryOptions(hostId), refetchInterval: poll });
  const up = host.data?.status === 'up';
  // GET /hosts/{id}/storage needs an Up host (reference §3.4): do not ask a host that cannot answer.
  const storage = useQuery({ ...hostStorageQueryOptions(hostId), enabled: up, refetchInterval: poll });
  // Every VM with its attachments: a whole collection, not polled (ui/polling.ts, POLL_UNBOUNDED); the host and its
  // own device list (one host) are.
  const usage = useQuery({ ...vmsWithAttachmentsQueryOptions(), refetchInterval: POLL_UNBOUNDED });
  const disks = useQuery(disksQueryOptions());
  const domains = useQuery(storageDomainsQueryOptions());
  const clusters = useQuery(clustersQueryOptions());
  const name = host.data?.name ?? 'Host';
  const running = (usage.data ?? []).filter((x) => x.vm.hostId === hostId && x.vm.status !== 'down');
  const sessions = storage.data ? hostSessions(hostId, storage.data, usage.data ?? [], disks.data ?? [], domains.data ?? []) : [];
  const fc = sessions.find((s) => s.kind === 'fcp');
  const allLuns = sessions.flatMap((s) => s.luns);

  return (
    <>
      <PageBreadcrumb>
        <Breadcrumb>
          <BreadcrumbItem render={() => <Link to={paths.hosts()}>Hosts</Link>} />
          <BreadcrumbItem isActive>{name}</BreadcrumbItem>
        </Breadcrumb>
      </PageBreadcrumb>
      {host.isPending ? (
        <Loading what="the host" />
      ) : host.isError ? (
        <PageSection>
          <LoadError what="the host" error={host.error} onRetry={() => void host.refetch()} />
        </PageSection>
      ) : (
        <>
          <PageHeader title={host.data.name} description={host.data.address} />
          <PageSection>
            <DescriptionList isHorizontal isCompact columnModifier={{ default: '2Col' }} aria-label="Host summary">
              <DescriptionListGroup>
                <DescriptionListTerm>Status</DescriptionListTerm>
                <DescriptionListDescription>
                  <HostStatusLabel status={host.data.status} />
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>Cluster</DescriptionListTerm>
                <DescriptionListDescription>{clusters.data?.find((c) => c.id === host.data.clusterId)?.name ?? '—'}</DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>SPM</DescriptionListTerm>
                <DescriptionListDescription>{SPM_TEXT[host.data.spm]}</DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>iSCSI initiator</DescriptionListTerm>
                <DescriptionListDescription style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}>
                  {host.data.iscsiInitiator ?? '—'}
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>Running VMs</DescriptionListTerm>
                <DescriptionListDescription>
                  {running.length === 0
                    ? 'None'
                    : running.map((x, i) => (
                        <Fragment key={x.vm.id}>
                          {i > 0 ? ', ' : ''}
                          <Link to={paths.vm(x.vm.id)}>{x.vm.name}</Link> <VmStatusLabel status={x.vm.status} />
                        </Fragment>
                      ))}
                </DescriptionListDescription>
              </DescriptionListGroup>
            </DescriptionList>
          </PageSection>
          <PageSection aria-labelledby="host-sessions-title">
            <Title headingLevel="h2" id="host-sessions-title" style={{ marginBottom: '0.5rem' }}>
              iSCSI sessions and what holds them
            </Title>
            {!up ? (
              <p>
                {host.data.name} is {hostStatusText(host.data.status)}: the engine cannot list what it is connected to
                (the host&apos;s device list needs an Up host).
              </p>
            ) : storage.isPending ? (
              <Loading what={`what ${host.data.name} is connected to`} />
            ) : storage.isError ? (
              <LoadError what={`what ${host.data.name} is connected to`} error={storage.error} onRetry={() => void storage.refetch()} />
            ) : (
              <>
                {/* The engine lists no iSCSI sessions per host and has no logout action (upstream-model
                    services/HostService.java: IscsiDiscover, DiscoverIscsi, IscsiLogin, UnregisteredStorageDomainsDiscover
                    only): the list below is derived from the LUNs the host reports, and the console offers no logout
                    (decision 044 §13.1-2). */}
                <p style={{ marginBottom: '0.75rem', maxWidth: '60rem' }}>
                  Derived from the LUNs {host.data.name} sees: the engine reports no session list, so a target that maps
                  no LUN to {host.data.name}, and the other portals of a multipath LUN, are not shown.
                </p>
                <p style={{ marginBottom: '0.75rem', maxWidth: '60rem' }}>
                  A target stays connected while a storage domain or a plugged disk of a VM running on {host.data.name} needs
                  it; the engine logs out of it when the last of them lets go. The engine has no logout action, so the
                  console offers none.
                </p>
                <SessionsTable hostName={host.data.name} sessions={sessions} />
                <p style={{ marginTop: '0.75rem' }}>
                  {fc
                    ? `Fibre Channel: ${fc.luns.length} LUN${fc.luns.length === 1 ? '' : 's'} zoned to ${host.data.name} (no session: FC needs no login)${
                        fc.holders.length > 0 ? `, used by ${fc.holders.map((h) => (h.kind === 'storage-domain' ? `storage domain ${h.name}` : `disk ${h.diskAlias} of VM ${h.vmName}`)).join(', ')}` : ''
                      }.`
                    : `Fibre Channel: no LUN zoned to ${host.data.name}.`}
                </p>
              </>
            )}
          </PageSection>
          {up && storage.data ? (
            <PageSection aria-labelledby="host-luns-title">
              <Title headingLevel="h2" id="host-luns-title" style={{ marginBottom: '0.5rem' }}>
                LUNs {host.data.name} sees
              </Title>
              {allLuns.length === 0 ? (
                <Empty title="No LUN">{host.data.name} sees no LUN: it is logged in to no target and zoned to no FC LUN.</Empty>
              ) : (
                <HostLunTable hostName={host.data.name} luns={allLuns} />
              )}
            </PageSection>
          ) : null}
        </>
      )}
    </>
  );
}
