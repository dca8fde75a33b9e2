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
import { t } from '../../i18n/i18n';

function SizeCell({ disk }: { disk: Disk }) {
  const size = diskSize(disk);
  if (size === undefined) return <span>{disk.storageType === 'lun' ? t('lists.disks.sizeUnknownLun') : t('lists.disks.sizeUnknown')}</span>;
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
      ? { title: t('lists.disks.attachToVm'), onClick: () => void navigate(paths.attachDisk({ disk: d.id }), { state: { from: `${location.pathname}${location.search}` } }) }
      : { title: t('lists.disks.attachToVm'), isAriaDisabled: true, description: a.reason };
  };
  const columns: Array<ListColumn<Disk>> = [
    { key: 'alias', title: t('lists.disks.column.alias'), sortField: 'alias', cell: (d) => <Link to={paths.disk(d.id)} translate="no">{d.alias}</Link> },
    { key: 'description', title: t('lists.disks.column.description'), sortField: 'description', cell: (d) => <span translate="no">{d.description}</span> },
    { key: 'type', title: t('lists.disks.column.type'), sortField: 'disk_type', fit: true, cell: (d) => diskTypeText(d) },
    { key: 'lun', title: t('lists.disks.column.lunId'), mono: true, unsortable: t('lists.disks.lunIdUnsortable'), cell: (d) => <span translate="no">{d.storageType === 'lun' ? d.lun.id : '—'}</span> },
    { key: 'size', title: t('lists.disks.column.size'), sortField: 'provisioned_size', fit: true, cell: (d) => <SizeCell disk={d} /> },
    { key: 'sharable', title: t('lists.disks.column.sharable'), sortField: 'shareable', fit: true, cell: (d) => yesNo(d.sharable) },
    {
      key: 'vms',
      title: t('lists.disks.column.attachedTo'),
      sortField: 'vm_names',
      cell: (d) => {
        if (usage.isError) return t('lists.disks.attachedUnknown');
        if (!byDisk) return '…';
        const vms = byDisk.get(d.id) ?? [];
        return vms.length === 0 ? '—' : <span translate="no">{vms.map((x) => x.vm.name).join(', ')}</span>;
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('lists.disks.title')}
        actions={
          <Button variant="primary" component={(p) => <Link {...p} to={paths.addDisk()} state={{ from: `${location.pathname}${location.search}` }} />}>
            {t('lists.disks.newDisk')}
          </Button>
        }
      />
      <PageSection>
        <EngineList
          label={t('lists.disks.label')}
          what={t('lists.disks.what')}
          columns={columns}
          defaultSort="alias"
          filter={{
            param: 'type',
            label: t('lists.disks.filter.label'),
            options: [
              { value: 'all', label: t('lists.disks.filter.all') },
              { value: 'image', label: t('lists.disks.filter.image'), condition: 'disk_type=image' },
              { value: 'lun', label: t('lists.disks.filter.lun'), condition: 'disk_type=lun' },
            ],
          }}
          search={{
            label: t('lists.disks.search.label'),
            placeholder: t('lists.disks.search.placeholder'),
            nameField: 'alias',
            fields: DISK_SEARCH_FIELDS,
          }}
          pageQuery={disksPageQueryOptions}
          rowKey={(d) => d.id}
          emptyAll={<Empty title={t('lists.disks.empty.title')}>{t('lists.disks.empty.body')}</Empty>}
          rowActions={(d) => (
            <ActionsColumn
              popperProps={{ position: 'right' }}
              actionsToggle={(toggle) => (
                <Button ref={toggle.toggleRef} variant="plain" onClick={toggle.onToggle} isExpanded={toggle.isOpen} aria-label={t('lists.disks.rowActions', { alias: d.alias })}>
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
