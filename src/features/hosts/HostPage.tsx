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
import { Fragment, useMemo } from 'react';
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
import { devicesRefetchInterval, POLL_UNBOUNDED, useViewPollInterval } from '../../ui/polling';
import { formatNumber, t } from '../../i18n/i18n';
import { Rich } from '../../i18n/Rich';
import { spmText } from './spm-text';

/** Narrower than its headers (never cut), a table scrolls sideways in its own frame, not the page (decision 050). */
const TABLE_FRAME = { overflowX: 'auto' } as const;

function Holder({ h }: { h: SessionHolder }) {
  if (h.kind === 'storage-domain') return <>{t('host.holder.domain', { name: h.name })}</>;
  return (
    <Rich
      id="host.holder.vmDisk"
      values={{ disk: h.diskAlias, vm: h.vmName }}
      tags={[(c) => <Link to={paths.disk(h.diskId)}>{c}</Link>, (c) => <Link to={paths.vm(h.vmId)}>{c}</Link>]}
    />
  );
}

function HeldBy({ s }: { s: HostSessionView }) {
  if (s.holders.length === 0) return <>{t('host.holder.nothing')}</>;
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
    return <Empty title={t('host.sessions.empty.title')}>{t('host.sessions.empty.body', { host: hostName })}</Empty>;
  }
  return (
    <div style={TABLE_FRAME}>
      <Table aria-label={t('host.sessions.tableLabel', { host: hostName })} variant="compact">
        <Thead>
          <Tr>
            <Th modifier="nowrap">{t('host.sessions.column.target')}</Th>
            <Th modifier="nowrap">{t('host.sessions.column.portal')}</Th>
            <Th modifier="nowrap">{t('host.sessions.column.chapUser')}</Th>
            <Th modifier="nowrap">{t('host.sessions.column.luns')}</Th>
            <Th modifier="nowrap">{t('host.sessions.column.heldBy')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {iscsi.map((s) => (
            <Tr key={`${s.target ?? ''}@${portal(s)}`}>
              <Td dataLabel={t('host.sessions.column.target')} translate="no">
                {s.target}
              </Td>
              <Td dataLabel={t('host.sessions.column.portal')} translate="no">
                {portal(s)}
              </Td>
              <Td dataLabel={t('host.sessions.column.chapUser')} translate="no">
                {s.username ?? '—'}
              </Td>
              <Td dataLabel={t('host.sessions.column.luns')}>
                {s.lunsWithoutActivePath === 0
                  ? formatNumber(s.luns.length)
                  : s.lunsWithoutActivePath === s.luns.length
                    ? t('host.sessions.lunsAllWithoutPath', { count: s.luns.length })
                    : t('host.sessions.lunsSomeWithoutPath', { count: s.luns.length, without: s.lunsWithoutActivePath })}
              </Td>
              <Td dataLabel={t('host.sessions.column.heldBy')}>
                <HeldBy s={s} />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </div>
  );
}

export function HostPage() {
  const { hostId = '' } = useParams();
  const poll = useViewPollInterval();
  const host = useQuery({ ...hostQueryOptions(hostId), refetchInterval: poll });
  const up = host.data?.status === 'up';
  // GET /hosts/{id}/storage needs an Up host (reference §3.4): do not ask a host that cannot answer.
  // Polled while it is a few hundred LUNs; a large SAN's listing is read once, and again after this tab's operations.
  const storage = useQuery({ ...hostStorageQueryOptions(hostId), enabled: up, refetchInterval: devicesRefetchInterval(poll) });
  // Every VM with its attachments: a whole collection, not polled (ui/polling.ts, POLL_UNBOUNDED); the host and its
  // own device list (one host) are.
  const usage = useQuery({ ...vmsWithAttachmentsQueryOptions(), refetchInterval: POLL_UNBOUNDED });
  const disks = useQuery(disksQueryOptions());
  const domains = useQuery(storageDomainsQueryOptions());
  const clusters = useQuery(clustersQueryOptions());
  
  const running = (usage.data ?? []).filter((x) => x.vm.hostId === hostId && x.vm.status !== 'down');
  // Derived once per answer, not on every render: on a large SAN this is 10,000 LUNs, and the LUN list indexes them
  // again (sorted, searchable) whenever this array changes.
  const sessions = useMemo(
    () => (storage.data ? hostSessions(hostId, storage.data, usage.data ?? [], disks.data ?? [], domains.data ?? []) : []),
    [hostId, storage.data, usage.data, disks.data, domains.data],
  );
  const fc = sessions.find((s) => s.kind === 'fcp');
  const allLuns = useMemo(() => sessions.flatMap((s) => s.luns), [sessions]);

  return (
    <>
      <PageBreadcrumb>
        <Breadcrumb aria-label={t('host.breadcrumb.label')}>
          <BreadcrumbItem render={() => <Link to={paths.hosts()}>{t('host.breadcrumb.hosts')}</Link>} />
          <BreadcrumbItem isActive>{host.data ? <span translate="no">{host.data.name}</span> : t('host.breadcrumb.host')}</BreadcrumbItem>
        </Breadcrumb>
      </PageBreadcrumb>
      {host.isPending ? (
        <Loading what={t('host.loadingWhat')} />
      ) : host.isError ? (
        <PageSection>
          <LoadError what={t('host.loadingWhat')} error={host.error} onRetry={() => void host.refetch()} />
        </PageSection>
      ) : (
        <>
          <PageHeader title={host.data.name} named description={<span translate="no">{host.data.address}</span>} />
          <PageSection>
            <DescriptionList isHorizontal isCompact columnModifier={{ default: '2Col' }} aria-label={t('host.summary.label')}>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('host.summary.status')}</DescriptionListTerm>
                <DescriptionListDescription>
                  <HostStatusLabel status={host.data.status} />
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('host.summary.cluster')}</DescriptionListTerm>
                <DescriptionListDescription translate="no">{clusters.data?.find((c) => c.id === host.data.clusterId)?.name ?? '—'}</DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('host.summary.spm')}</DescriptionListTerm>
                <DescriptionListDescription>{spmText(host.data.spm)}</DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('host.summary.initiator')}</DescriptionListTerm>
                <DescriptionListDescription style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }} translate="no">
                  {host.data.iscsiInitiator ?? '—'}
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('host.summary.runningVms')}</DescriptionListTerm>
                <DescriptionListDescription>
                  {running.length === 0
                    ? t('host.summary.noRunningVms')
                    : running.map((x, i) => (
                        <Fragment key={x.vm.id}>
                          {i > 0 ? ', ' : ''}
                          <Link to={paths.vm(x.vm.id)} translate="no">
                            {x.vm.name}
                          </Link>{' '}
                          <VmStatusLabel status={x.vm.status} />
                        </Fragment>
                      ))}
                </DescriptionListDescription>
              </DescriptionListGroup>
            </DescriptionList>
          </PageSection>
          <PageSection aria-labelledby="host-sessions-title">
            <Title headingLevel="h2" id="host-sessions-title" style={{ marginBottom: '0.5rem' }}>
              {t('host.sessionsTitle')}
            </Title>
            {!up ? (
              <p>{t('host.notUp', { host: host.data.name, status: hostStatusText(host.data.status) })}</p>
            ) : storage.isPending ? (
              <Loading what={t('host.connectedToWhat', { host: host.data.name })} />
            ) : storage.isError ? (
              <LoadError what={t('host.connectedToWhat', { host: host.data.name })} error={storage.error} onRetry={() => void storage.refetch()} />
            ) : (
              <>
                {/* The engine lists no iSCSI sessions per host and has no logout action (upstream-model
                    services/HostService.java: IscsiDiscover, DiscoverIscsi, IscsiLogin, UnregisteredStorageDomainsDiscover
                    only): the list below is derived from the LUNs the host reports, and the console offers no logout
                    (decision 044 §13.1-2). */}
                <p style={{ marginBottom: '0.75rem', maxWidth: '60rem' }}>
                  {t('host.derived', { host: host.data.name })}
                </p>
                <p style={{ marginBottom: '0.75rem', maxWidth: '60rem' }}>
                  {t('host.staysConnected', { host: host.data.name })}
                </p>
                <SessionsTable hostName={host.data.name} sessions={sessions} />
                <p style={{ marginTop: '0.75rem' }}>
                  {fc
                    ? fc.holders.length > 0
                      ? t('host.fc.zonedUsed', {
                          count: fc.luns.length,
                          host: host.data.name,
                          users: fc.holders
                            .map((h) => (h.kind === 'storage-domain' ? t('host.holder.domain', { name: h.name }) : t('host.fc.holderDisk', { disk: h.diskAlias, vm: h.vmName })))
                            .join(', '),
                        })
                      : t('host.fc.zoned', { count: fc.luns.length, host: host.data.name })
                    : t('host.fc.none', { host: host.data.name })}
                </p>
              </>
            )}
          </PageSection>
          {up && storage.data ? (
            <PageSection aria-labelledby="host-luns-title">
              <Title headingLevel="h2" id="host-luns-title" style={{ marginBottom: '0.5rem' }}>
                {t('host.luns.title', { host: host.data.name })}
              </Title>
              {allLuns.length === 0 ? (
                <Empty title={t('host.luns.empty.title')}>{t('host.luns.empty.body', { host: host.data.name })}</Empty>
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
