import { PageSection } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { clustersQueryOptions } from '../../engine-api/data-centers';
import { hostsPageQueryOptions } from '../../engine-api/hosts';
import type { Host } from '../../domain/model';
import { EngineList, type ListColumn } from '../../ui/EngineList';
import { PageHeader } from '../../ui/PageSection';
import { Empty } from '../../ui/QueryStates';
import { HostStatusLabel } from '../../ui/StatusLabel';
import { paths } from '../../ui/paths';
import { t } from '../../i18n/i18n';
import { spmText } from './spm-text';

// searchbackend VdsConditionFieldAutoCompleter: NAME, STATUS, CLUSTER, ADDRESS.
const HOST_SEARCH_FIELDS = ['name', 'status', 'cluster', 'address'] as const;

export function HostsPage() {
  const clusters = useQuery(clustersQueryOptions());
  const clusterName = new Map((clusters.data ?? []).map((c) => [c.id, c.name]));
  const columns: Array<ListColumn<Host>> = [
    { key: 'name', title: t('lists.hosts.column.name'), sortField: 'name', cell: (h) => <Link to={paths.host(h.id)} translate="no">{h.name}</Link> },
    { key: 'status', title: t('lists.hosts.column.status'), sortField: 'status', cell: (h) => <HostStatusLabel status={h.status} /> },
    { key: 'cluster', title: t('lists.hosts.column.cluster'), sortField: 'cluster', cell: (h) => <span translate="no">{h.clusterId ? (clusterName.get(h.clusterId) ?? '—') : '—'}</span> },
    // VdsConditionFieldAutoCompleter has SPM_ID (the host's number in the pool), not its SPM role.
    { key: 'spm', title: t('lists.hosts.column.spm'), unsortable: t('lists.hosts.spmUnsortable'), cell: (h) => spmText(h.spm) },
    { key: 'address', title: t('lists.hosts.column.address'), sortField: 'address', cell: (h) => <span translate="no">{h.address}</span> },
  ];
  return (
    <>
      <PageHeader title={t('lists.hosts.title')} />
      <PageSection>
        <EngineList
          label={t('lists.hosts.label')}
          what={t('lists.hosts.what')}
          columns={columns}
          defaultSort="name"
          filter={{
            param: 'status',
            label: t('lists.hosts.filter.label'),
            options: [
              { value: 'all', label: t('lists.hosts.filter.all') },
              { value: 'up', label: t('lists.hosts.filter.up'), condition: 'status=up' },
              { value: 'maintenance', label: t('lists.hosts.filter.maintenance'), condition: 'status=maintenance' },
              { value: 'non_responsive', label: t('lists.hosts.filter.nonResponsive'), condition: 'status=non_responsive' },
            ],
          }}
          search={{ label: t('lists.hosts.search.label'), placeholder: t('lists.hosts.search.placeholder'), nameField: 'name', fields: HOST_SEARCH_FIELDS }}
          pageQuery={hostsPageQueryOptions}
          rowKey={(h) => h.id}
          emptyAll={<Empty title={t('lists.hosts.empty.title')}>{t('lists.hosts.empty.body')}</Empty>}
        />
      </PageSection>
    </>
  );
}
