import { MenuToggle, PageSection } from '@patternfly/react-core';
import { EllipsisVIcon } from '@patternfly/react-icons';
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr, type IAction } from '@patternfly/react-table';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { hostsQueryOptions } from '../../engine-api/hosts';
import { vmsQueryOptions } from '../../engine-api/vms';
import { PageHeader } from '../../ui/PageSection';
import { Empty, LoadError, Loading } from '../../ui/QueryStates';
import { VmStatusLabel } from '../../ui/StatusLabel';
import type { Vm } from '../../domain/model';
import { paths } from '../../ui/paths';
import { useViewPollInterval } from '../../ui/polling';

/**
 * The list of VMs. Actions on a VM belong to other features (lifecycle, …): the app composes them in through
 * `rowActions` (a kebab per row) and `above` (what those features show above the table, e.g. operations).
 */
export function VmsPage({ rowActions, above }: { rowActions?: ((vm: Vm) => IAction[]) | undefined; above?: ReactNode } = {}) {
  const poll = useViewPollInterval();
  const vms = useQuery({ ...vmsQueryOptions(), refetchInterval: poll });
  const hosts = useQuery(hostsQueryOptions());
  const hostName = (id: string | undefined) => (id ? (hosts.data?.find((h) => h.id === id)?.name ?? id) : '—');
  return (
    <>
      <PageHeader title="Virtual Machines" />
      {above}
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
                {rowActions ? <Th screenReaderText="Actions" /> : null}
              </Tr>
            </Thead>
            <Tbody>
              {vms.data.map((vm) => (
                <Tr key={vm.id}>
                  <Td dataLabel="Name">
                    <Link to={paths.vm(vm.id)}>{vm.name}</Link>
                  </Td>
                  <Td dataLabel="Status">
                    <VmStatusLabel status={vm.status} />
                  </Td>
                  <Td dataLabel="Host">{hostName(vm.hostId)}</Td>
                  <Td dataLabel="Highly available">{vm.highAvailability.enabled ? `Yes (priority ${vm.highAvailability.priority})` : 'No'}</Td>
                  <Td dataLabel="Description">{vm.description}</Td>
                  {rowActions ? (
                    <Td isActionCell>
                      <ActionsColumn
                        items={rowActions(vm)}
                        actionsToggle={({ onToggle, isOpen, isDisabled, toggleRef }) => (
                          <MenuToggle
                            ref={toggleRef}
                            onClick={onToggle}
                            isExpanded={isOpen}
                            isDisabled={isDisabled}
                            variant="plain"
                            aria-label={`Actions for ${vm.name}`}
                            icon={<EllipsisVIcon />}
                          />
                        )}
                      />
                    </Td>
                  ) : null}
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </PageSection>
    </>
  );
}
