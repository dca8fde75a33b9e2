// Virtual Machines → a VM → Disks: the VM's attachments, with New disk and Attach (wizards that come back here),
// Edit, Activate, Deactivate and Detach where the engine allows them (disabled ones say why in visible text),
// and the VM's storage connections.
import { Button, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr, type IAction } from '@patternfly/react-table';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { attachmentsQueryOptions } from '../../engine-api/disk-attachments';
import { disksQueryOptions } from '../../engine-api/disks';
import { canActivate, canDeactivate, canDetach, canEdit, withKnownInterface, type Availability } from '../../domain/attachment-actions';
import { diskTypeText, formatBytesExact, formatSize, INTERFACE_TEXT, yesNo } from '../../domain/format';
import { diskSize, type Vm } from '../../domain/model';
import { OperationDialog } from '../../ui/OperationDialog';
import { Empty, LoadError, Loading } from '../../ui/QueryStates';
import { attachmentRows, type AttachmentRow } from './attachment-rows';
import { describeOperation, diskOperationChange, runOperation, type DiskOperation } from './disk-operations';
import { EditAttachmentDialog } from './EditAttachmentDialog';
import { StorageConnections } from './StorageConnections';
import { paths } from '../../ui/paths';
import { useViewPollInterval } from '../../ui/polling';

const OP_TEXT: Record<DiskOperation, { title: string; action: string; variant: 'primary' | 'danger' }> = {
  activate: { title: 'Activate VM disk', action: 'Activate', variant: 'primary' },
  deactivate: { title: 'Deactivate VM disk', action: 'Deactivate', variant: 'primary' },
  detach: { title: 'Detach VM disk', action: 'Detach', variant: 'danger' },
};

function otherBootable(rows: readonly AttachmentRow[], row: AttachmentRow): string | undefined {
  const b = rows.find((r) => r.attachment.bootable && r.attachment.id !== row.attachment.id);
  return b ? (b.disk?.alias ?? b.attachment.diskId) : undefined;
}

function action(title: string, a: Availability, onClick: () => void): IAction {
  return a.ok ? { title, onClick } : { title, isAriaDisabled: true, description: a.reason };
}

export function VmDisksTab({ vm, hostName }: { vm: Vm; hostName: string | undefined }) {
  const poll = useViewPollInterval();
  const attachments = useQuery({ ...attachmentsQueryOptions(vm.id), refetchInterval: poll });
  const disks = useQuery(disksQueryOptions());
  const [op, setOp] = useState<{ kind: DiskOperation; row: AttachmentRow } | undefined>();
  const [editing, setEditing] = useState<AttachmentRow | undefined>();
  const editingAttachment = editing ? withKnownInterface(editing.attachment) : undefined;
  // The wizards come back to this tab when done or cancelled.
  const here = paths.vm(vm.id, { tab: 'disks' });

  if (attachments.isPending) return <Loading what="the VM's disks" />;
  if (attachments.isError) return <LoadError what="the VM's disks" error={attachments.error} onRetry={() => void attachments.refetch()} />;
  const rows = attachmentRows(attachments.data, disks.data);

  return (
    <div style={{ paddingTop: '1rem' }}>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <Button variant="primary" component={(p) => <Link {...p} to={paths.addDisk({ vm: vm.id })} state={{ from: here }} />}>
              New disk
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" component={(p) => <Link {...p} to={paths.attachDisk({ vm: vm.id })} state={{ from: here }} />}>
              Attach
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {rows.length === 0 ? (
        <Empty title="No disks">{vm.name} has no disk. Create a direct LUN disk for it with New disk, or attach an existing one with Attach.</Empty>
      ) : (
        <Table aria-label={`Disks of ${vm.name}`} variant="compact">
          <Thead>
            <Tr>
              <Th modifier="wrap">Alias</Th>
              <Th modifier="wrap">Description</Th>
              <Th modifier="wrap">Type</Th>
              <Th modifier="wrap">LUN ID</Th>
              <Th modifier="wrap">Size</Th>
              <Th modifier="wrap">Interface</Th>
              <Th modifier="wrap">Active</Th>
              <Th modifier="wrap">Bootable</Th>
              <Th modifier="wrap">Read-only</Th>
              <Th modifier="wrap">Sharable</Th>
              <Th modifier="wrap">Logical name</Th>
              <Th screenReaderText="Actions" />
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => {
              const { attachment: a, disk } = row;
              const size = disk ? diskSize(disk) : undefined;
              const open = (kind: DiskOperation) => () => setOp({ kind, row });
              return (
                <Tr key={a.id}>
                  <Td dataLabel="Alias">{disk?.alias ?? a.diskId}</Td>
                  <Td dataLabel="Description">{disk?.description}</Td>
                  <Td dataLabel="Type">{disk ? diskTypeText(disk) : '—'}</Td>
                  <Td dataLabel="LUN ID" style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}>
                    {disk?.storageType === 'lun' ? disk.lun.id : '—'}
                  </Td>
                  <Td dataLabel="Size">{size !== undefined ? <span title={formatBytesExact(size)}>{formatSize(size)}</span> : 'Unknown'}</Td>
                  <Td dataLabel="Interface">{INTERFACE_TEXT[a.interface]}</Td>
                  <Td dataLabel="Active">{a.active ? 'Active' : 'Inactive'}</Td>
                  <Td dataLabel="Bootable">{yesNo(a.bootable)}</Td>
                  <Td dataLabel="Read-only">{yesNo(a.readOnly)}</Td>
                  <Td dataLabel="Sharable">{disk ? yesNo(disk.sharable) : '—'}</Td>
                  <Td dataLabel="Logical name">{a.logicalName ?? '—'}</Td>
                  <Td isActionCell>
                    <ActionsColumn
                      popperProps={{ position: 'right' }}
                      actionsToggle={(t) => (
                        <Button ref={t.toggleRef} variant="plain" onClick={t.onToggle} isExpanded={t.isOpen} aria-label={`Actions for ${disk?.alias ?? a.diskId}`}>
                          ⋮
                        </Button>
                      )}
                      items={[
                        action('Edit', canEdit(a, disk), () => setEditing(row)),
                        action('Activate', canActivate(vm, a), open('activate')),
                        action('Deactivate', canDeactivate(vm, a), open('deactivate')),
                        action('Detach', canDetach(vm, a), open('detach')),
                      ]}
                    />
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
      {op ? (
        <OperationDialog
          key={`${op.kind}-${op.row.attachment.id}`}
          title={`${OP_TEXT[op.kind].title}: ${op.row.disk?.alias ?? op.row.attachment.diskId}`}
          confirm={<p>{describeOperation(op.kind, vm, op.row.disk, hostName)}</p>}
          actionLabel={OP_TEXT[op.kind].action}
          actionVariant={OP_TEXT[op.kind].variant}
          autoStart={op.kind === 'activate'}
          run={runOperation(op.kind, vm, op.row.attachment, op.row.disk)}
          change={diskOperationChange(op.kind, vm.id)}
          onClose={() => setOp(undefined)}
        />
      ) : null}
      {editing?.disk && editingAttachment ? (
        <EditAttachmentDialog
          key={editing.attachment.id}
          vm={vm}
          attachment={editingAttachment}
          disk={editing.disk}
          bootableDiskAlias={otherBootable(rows, editing)}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
      <StorageConnections vm={vm} attachments={attachments.data} disks={disks.data ?? []} hostName={hostName} />
    </div>
  );
}
