import { MenuToggle, PageSection } from '@patternfly/react-core';
import { EllipsisVIcon } from '@patternfly/react-icons';
import { ActionsColumn, type IAction } from '@patternfly/react-table';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { clustersQueryOptions } from '../../engine-api/data-centers';
import { hostsQueryOptions } from '../../engine-api/hosts';
import { vmsPageQueryOptions } from '../../engine-api/vms';
import { EngineList, type ListColumn } from '../../ui/EngineList';
import { PageHeader } from '../../ui/PageSection';
import { Empty } from '../../ui/QueryStates';
import { VmStatusLabel } from '../../ui/StatusLabel';
import type { Vm } from '../../domain/model';
import { paths } from '../../ui/paths';

// Search fields the engine's VM search has (searchbackend VmConditionFieldAutoCompleter: NAME, STATUS, CLUSTER,
// DESCRIPTION; `host` is the Hosts cross-reference, VmCrossRefAutoCompleter — "host=host01", as in the admin portal).
const VM_SEARCH_FIELDS = ['name', 'status', 'host', 'cluster', 'description'] as const;

/**
 * The list of VMs. Actions on a VM belong to other features (lifecycle, …): the app composes them in through
 * `rowActions` (a kebab per row) and `above` (what those features show above the table, e.g. operations).
 */
export function VmsPage({
  rowActions,
  onRowMenuOpen,
  above,
}: { rowActions?: ((vm: Vm) => IAction[]) | undefined; onRowMenuOpen?: ((vm: Vm) => void) | undefined; above?: ReactNode } = {}) {
  // Host and cluster names: one request each for the whole (small) collections, not one per row; not polled.
  const hosts = useQuery(hostsQueryOptions());
  const clusters = useQuery(clustersQueryOptions());
  const hostName = new Map((hosts.data ?? []).map((h) => [h.id, h.name]));
  const clusterName = new Map((clusters.data ?? []).map((c) => [c.id, c.name]));
  // While the names load a cell says so; a name the engine does not know shows the id it sent.
  const named = (names: Map<string, string>, pending: boolean, id: string | undefined) => (!id ? '—' : (names.get(id) ?? (pending ? '…' : id)));
  const columns: Array<ListColumn<Vm>> = [
    { key: 'name', title: 'Name', sortField: 'name', cell: (vm) => <Link to={paths.vm(vm.id)}>{vm.name}</Link> },
    { key: 'status', title: 'Status', sortField: 'status', cell: (vm) => <VmStatusLabel status={vm.status} /> },
    // SORTBY takes the VM's own fields only: the host column sorts by ON_HOST (run_on_vds_name).
    { key: 'host', title: 'Host', sortField: 'on_host', cell: (vm) => named(hostName, hosts.isPending, vm.hostId) },
    { key: 'cluster', title: 'Cluster', sortField: 'cluster', cell: (vm) => named(clusterName, clusters.isPending, vm.clusterId) },
    {
      key: 'ha',
      title: 'Highly available',
      unsortable: "The engine's VM search has no high-availability field to sort by.",
      cell: (vm) => (vm.highAvailability.enabled ? `Yes (priority ${vm.highAvailability.priority})` : 'No'),
    },
    { key: 'description', title: 'Description', sortField: 'description', cell: (vm) => vm.description },
  ];
  return (
    <>
      <PageHeader title="Virtual Machines" />
      {above}
      <PageSection>
        <EngineList
          label="Virtual machines"
          what="virtual machines"
          columns={columns}
          defaultSort="name"
          filter={{
            param: 'status',
            label: 'Status',
            options: [
              { value: 'all', label: 'All' },
              { value: 'up', label: 'Up', condition: 'status=up' },
              { value: 'down', label: 'Down', condition: 'status=down' },
              { value: 'paused', label: 'Paused', condition: 'status=paused' },
            ],
          }}
          search={{
            label: 'Search virtual machines by name, or by host=, cluster=, status=, description=',
            placeholder: 'Name, or host=host01 cluster=prod',
            nameField: 'name',
            fields: VM_SEARCH_FIELDS,
          }}
          pageQuery={vmsPageQueryOptions}
          rowKey={(vm) => vm.id}
          emptyAll={<Empty title="No virtual machines">This engine has no virtual machines yet. Create one in the oVirt Administration Portal.</Empty>}
          rowActions={
            rowActions
              ? (vm) => (
                  <ActionsColumn
                    items={rowActions(vm)}
                    actionsToggle={({ onToggle, isOpen, isDisabled, toggleRef }) => (
                      <MenuToggle
                        ref={toggleRef}
                        onClick={(e) => {
                          if (!isOpen) onRowMenuOpen?.(vm);
                          onToggle(e);
                        }}
                        isExpanded={isOpen} isDisabled={isDisabled} variant="plain" aria-label={`Actions for ${vm.name}`} icon={<EllipsisVIcon />} />
                    )}
                  />
                )
              : undefined
          }
        />
      </PageSection>
    </>
  );
}
