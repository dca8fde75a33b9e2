import { PageSection } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { hostsQueryOptions } from '../../engine-api/hosts';
import { vmsQueryOptions } from '../../engine-api/vms';
import { PageHeader } from '../../ui/PageSection';
import { Empty, LoadError, Loading } from '../../ui/QueryStates';
import { VmStatusLabel } from '../../ui/StatusLabel';

export function VmsPage() {
  const vms = useQuery({ ...vmsQueryOptions(), refetchInterval: 5000 });
  const hosts = useQuery(hostsQueryOptions());
  const hostName = (id: string | undefined) => (id ? (hosts.data?.find((h) => h.id === id)?.name ?? id) : '—');
  return (
    <>
      <PageHeader title="Virtual Machines" />
      <PageSection>
        {vms.isPending ? (
          <Loading what="virtual machines" />
        ) : vms.isError ? (
          <LoadError what="virtual machines" error={vms.error} onRetry={() => void vms.refetch()} />
        ) : vms.data.length === 0 ? (
          <Empty title="No virtual machines">This engine has no virtual machines yet. Create one in the oVirt Administration Portal.</Empty>
        ) : (
          <Table aria-label="Virtual machines" variant="compact">
            <Thead>
              <Tr>
                <Th>Name</Th>
                <Th>Status</Th>
                <Th>Host</Th>
                <Th>Highly available</Th>
                <Th>Description</Th>
              </Tr>
            </Thead>
            <Tbody>
              {vms.data.map((vm) => (
                <Tr key={vm.id}>
                  <Td dataLabel="Name">
                    <Link to={`/vms/${vm.id}`}>{vm.name}</Link>
                  </Td>
                  <Td dataLabel="Status">
                    <VmStatusLabel status={vm.status} />
                  </Td>
                  <Td dataLabel="Host">{hostName(vm.hostId)}</Td>
                  <Td dataLabel="Highly available">{vm.highAvailability.enabled ? `Yes (priority ${vm.highAvailability.priority})` : 'No'}</Td>
                  <Td dataLabel="Description">{vm.description}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </PageSection>
    </>
  );
}
