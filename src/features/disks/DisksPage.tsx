import { Button, PageSection } from '@patternfly/react-core';
import { ActionsColumn } from '@patternfly/react-table';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { attachableAnywhere } from '../../domain/attach-options';
import { attachmentsByDisk, vmsWithAttachmentsQueryOptions } from '../../engine-api/disk-attachments';
import { disksPageQueryOptions } from '../../engine-api/disks';
import { diskTypeText, formatBytesExact, formatSize, yesNo } from '../../domain/format';
import { diskSize, type Disk } from '../../domain/model';
import { PageHeader } from '../../ui/PageSection';
import { EngineList, type ListColumn } from '../../ui/EngineList';
import { Empty } from '../../ui/QueryStates';
import { paths } from '../../ui/paths';

function SizeCell({ disk }: { disk: Disk }) {
  const size = diskSize(disk);
  if (size === undefined) return <span>{disk.storageType === 'lun' ? 'Unknown (refresh the LUN)' : 'Unknown'}</span>;
  return <span title={formatBytesExact(size)}>{formatSize(size)}</span>;
}

// searchbackend DiskConditionFieldAutoCompleter: ALIAS / NAME (disk_alias), DESCRIPTION, DISK_TYPE, VM_NAMES.
// It has no LUN ID field: a LUN's disk is found from the LUN table (it names the disk using a LUN).
const DISK_SEARCH_FIELDS = ['alias', 'name', 'description', 'disk_type', 'vm_names'] as const;

export function DisksPage() {
  const location = useLocation();
  const navigate = useNavigate();
  // Which VMs use each disk: the REST Disk has no VMs (api-model types/Disk.java links storage domains, quota,
  // profile, snapshot… not VMs), so this is one request for the VMs with their attachments (never one per row).
  // It is the one unbounded request of the page, so it is not polled: the changes map (engine-api/changes.ts)
  // refreshes it after an attach or detach, and TanStack Query on window focus.
  const usage = useQuery(vmsWithAttachmentsQueryOptions());
  // Built once per answer (19,000 attachments on a datacenter), not on every keystroke's render.
  const byDisk = useMemo(() => (usage.data ? attachmentsByDisk(usage.data) : undefined), [usage.data]);
  const attachItem = (d: Disk, vms: ReadonlyArray<{ vm: { id: string; name: string } }>) => {
    const a = attachableAnywhere(d, vms.map((x) => ({ vmId: x.vm.id, vmName: x.vm.name })));
    return a.ok
      ? { title: 'Attach to VM', onClick: () => void navigate(paths.attachDisk({ disk: d.id }), { state: { from: `${location.pathname}${location.search}` } }) }
      : { title: 'Attach to VM', isAriaDisabled: true, description: a.reason };
  };
  const columns: Array<ListColumn<Disk>> = [
    { key: 'alias', title: 'Alias', sortField: 'alias', cell: (d) => <Link to={paths.disk(d.id)}>{d.alias}</Link> },
    { key: 'description', title: 'Description', sortField: 'description', cell: (d) => d.description },
    { key: 'type', title: 'Type', sortField: 'disk_type', fit: true, cell: (d) => diskTypeText(d) },
    { key: 'lun', title: 'LUN ID', mono: true, unsortable: "The engine's disk search has no LUN ID field to sort by.", cell: (d) => (d.storageType === 'lun' ? d.lun.id : '—') },
    { key: 'size', title: 'Size', sortField: 'provisioned_size', fit: true, cell: (d) => <SizeCell disk={d} /> },
    { key: 'sharable', title: 'Sharable', sortField: 'shareable', fit: true, cell: (d) => yesNo(d.sharable) },
    {
      key: 'vms',
      title: 'Attached to',
      sortField: 'vm_names',
      cell: (d) => {
        if (usage.isError) return 'Unknown';
        if (!byDisk) return '…';
        const vms = byDisk.get(d.id) ?? [];
        return vms.length === 0 ? '—' : vms.map((x) => x.vm.name).join(', ');
      },
    },
  ];

  return (
    <>
      <PageHeader
        title="Disks"
        actions={
          <Button variant="primary" component={(p) => <Link {...p} to={paths.addDisk()} state={{ from: `${location.pathname}${location.search}` }} />}>
            New disk
          </Button>
        }
      />
      <PageSection>
        <EngineList
          label="Disks"
          what="disks"
          columns={columns}
          defaultSort="alias"
          filter={{
            param: 'type',
            label: 'Disk type',
            options: [
              { value: 'all', label: 'All' },
              { value: 'image', label: 'Image', condition: 'disk_type=image' },
              { value: 'lun', label: 'Direct LUN', condition: 'disk_type=lun' },
            ],
          }}
          search={{
            label: 'Search disks by alias, or by description=, disk_type=, vm_names=',
            placeholder: 'Alias, or vm_names=db01',
            nameField: 'alias',
            fields: DISK_SEARCH_FIELDS,
          }}
          pageQuery={disksPageQueryOptions}
          rowKey={(d) => d.id}
          emptyAll={<Empty title="No disks">This engine has no disks yet. Create a direct LUN disk with New disk.</Empty>}
          rowActions={(d) => (
            <ActionsColumn
              popperProps={{ position: 'right' }}
              actionsToggle={(t) => (
                <Button ref={t.toggleRef} variant="plain" onClick={t.onToggle} isExpanded={t.isOpen} aria-label={`Actions for ${d.alias}`}>
                  ⋮
                </Button>
              )}
              items={[attachItem(d, byDisk?.get(d.id) ?? [])]}
            />
          )}
        />
      </PageSection>
    </>
  );
}
