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
import { t } from '../../i18n/i18n';

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
  const named = (names: Map<string, string>, pending: boolean, id: string | undefined) => (
    <span translate="no">{!id ? '—' : (names.get(id) ?? (pending ? '…' : id))}</span>
  );
  const columns: Array<ListColumn<Vm>> = [
    { key: 'name', title: t('lists.vms.column.name'), sortField: 'name', cell: (vm) => <Link to={paths.vm(vm.id)} translate="no">{vm.name}</Link> },
    { key: 'status', title: t('lists.vms.column.status'), sortField: 'status', cell: (vm) => <VmStatusLabel status={vm.status} /> },
    // SORTBY takes the VM's own fields only: the host column sorts by ON_HOST (run_on_vds_name).
    { key: 'host', title: t('lists.vms.column.host'), sortField: 'on_host', cell: (vm) => named(hostName, hosts.isPending, vm.hostId) },
    { key: 'cluster', title: t('lists.vms.column.cluster'), sortField: 'cluster', cell: (vm) => named(clusterName, clusters.isPending, vm.clusterId) },
    {
      key: 'ha',
      title: t('lists.vms.column.ha'),
      unsortable: t('lists.vms.haUnsortable'),
      cell: (vm) => (vm.highAvailability.enabled ? t('lists.vms.haYes', { priority: vm.highAvailability.priority }) : t('lists.vms.haNo')),
    },
    { key: 'description', title: t('lists.vms.column.description'), sortField: 'description', cell: (vm) => <span translate="no">{vm.description}</span> },
  ];
  return (
    <>
      <PageHeader title={t('lists.vms.title')} />
      {above}
      <PageSection>
        <EngineList
          label={t('lists.vms.label')}
          what={t('lists.vms.what')}
          columns={columns}
          defaultSort="name"
          filter={{
            param: 'status',
            label: t('lists.vms.filter.label'),
            options: [
              { value: 'all', label: t('lists.vms.filter.all') },
              { value: 'up', label: t('lists.vms.filter.up'), condition: 'status=up' },
              { value: 'down', label: t('lists.vms.filter.down'), condition: 'status=down' },
              { value: 'paused', label: t('lists.vms.filter.paused'), condition: 'status=paused' },
            ],
          }}
          search={{
            label: t('lists.vms.search.label'),
            placeholder: t('lists.vms.search.placeholder'),
            nameField: 'name',
            fields: VM_SEARCH_FIELDS,
          }}
          pageQuery={vmsPageQueryOptions}
          rowKey={(vm) => vm.id}
          emptyAll={<Empty title={t('lists.vms.empty.title')}>{t('lists.vms.empty.body')}</Empty>}
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
                        isExpanded={isOpen} isDisabled={isDisabled} variant="plain" aria-label={t('lists.vms.rowActions', { name: vm.name })} icon={<EllipsisVIcon />} />
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
