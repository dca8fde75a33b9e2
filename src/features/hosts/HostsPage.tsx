import { PageSection } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { clustersQueryOptions } from '../../engine-api/data-centers';
import { hostsQueryOptions } from '../../engine-api/hosts';
import { PageHeader } from '../../ui/PageSection';
import { Empty, LoadError, Loading } from '../../ui/QueryStates';
import { HostStatusLabel } from '../../ui/StatusLabel';
import { paths } from '../../ui/paths';
import { useViewPollInterval } from '../../ui/polling';

const SPM_TEXT = { spm: 'SPM', contending: 'Contending', none: 'Normal' } as const;

export function HostsPage() {
  const poll = useViewPollInterval();
  const hosts = useQuery({ ...hostsQueryOptions(), refetchInterval: poll });
  const clusters = useQuery(clustersQueryOptions());
  const clusterName = (id: string | undefined) => clusters.data?.find((c) => c.id === id)?.name ?? '—';
  return (
    <>
      <PageHeader title="Hosts" />
      <PageSection>
        {hosts.isPending ? (
          <Loading what="hosts" />
        ) : hosts.isError ? (
          <LoadError what="hosts" error={hosts.error} onRetry={() => void hosts.refetch()} />
        ) : hosts.data.length === 0 ? (
          <Empty title="No hosts">This engine has no hosts. Add one in the oVirt Administration Portal.</Empty>
        ) : (
          <Table aria-label="Hosts" variant="compact">
            <Thead>
              <Tr>
                <Th>Name</Th>
                <Th>Status</Th>
                <Th>Cluster</Th>
                <Th>SPM</Th>
                <Th>Address</Th>
              </Tr>
            </Thead>
            <Tbody>
              {hosts.data.map((h) => (
                <Tr key={h.id}>
                  <Td dataLabel="Name">
                    <Link to={paths.host(h.id)}>{h.name}</Link>
                  </Td>
                  <Td dataLabel="Status">
                    <HostStatusLabel status={h.status} />
                  </Td>
                  <Td dataLabel="Cluster">{clusterName(h.clusterId)}</Td>
                  <Td dataLabel="SPM">{SPM_TEXT[h.spm]}</Td>
                  <Td dataLabel="Address">{h.address}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </PageSection>
    </>
  );
}
