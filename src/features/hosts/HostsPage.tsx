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

const SPM_TEXT = { spm: 'SPM', contending: 'Contending', none: 'Normal' } as const;
// searchbackend VdsConditionFieldAutoCompleter: NAME, STATUS, CLUSTER, ADDRESS.
const HOST_SEARCH_FIELDS = ['name', 'status', 'cluster', 'address'] as const;

export function HostsPage() {
  const clusters = useQuery(clustersQueryOptions());
  const clusterName = new Map((clusters.data ?? []).map((c) => [c.id, c.name]));
  const columns: Array<ListColumn<Host>> = [
    { key: 'name', title: 'Name', sortField: 'name', cell: (h) => <Link to={paths.host(h.id)}>{h.name}</Link> },
    { key: 'status', title: 'Status', sortField: 'status', cell: (h) => <HostStatusLabel status={h.status} /> },
    { key: 'cluster', title: 'Cluster', sortField: 'cluster', cell: (h) => (h.clusterId ? (clusterName.get(h.clusterId) ?? '—') : '—') },
    // VdsConditionFieldAutoCompleter has SPM_ID (the host's number in the pool), not its SPM role.
    { key: 'spm', title: 'SPM', unsortable: "The engine's host search has no SPM role field to sort by.", cell: (h) => SPM_TEXT[h.spm] },
    { key: 'address', title: 'Address', sortField: 'address', cell: (h) => h.address },
  ];
  return (
    <>
      <PageHeader title="Hosts" />
      <PageSection>
        <EngineList
          label="Hosts"
          what="hosts"
          columns={columns}
          defaultSort="name"
          filter={{
            param: 'status',
            label: 'Status',
            options: [
              { value: 'all', label: 'All' },
              { value: 'up', label: 'Up', condition: 'status=up' },
              { value: 'maintenance', label: 'Maintenance', condition: 'status=maintenance' },
              { value: 'non_responsive', label: 'Non responsive', condition: 'status=non_responsive' },
            ],
          }}
          search={{ label: 'Search hosts by name, or by cluster=, status=, address=', placeholder: 'Name, or cluster=prod', nameField: 'name', fields: HOST_SEARCH_FIELDS }}
          pageQuery={hostsPageQueryOptions}
          rowKey={(h) => h.id}
          emptyAll={<Empty title="No hosts">This engine has no hosts. Add one in the oVirt Administration Portal.</Empty>}
        />
      </PageSection>
    </>
  );
}
