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
import { t, type MessageId } from '../../i18n/i18n';

const OP_TEXT: Record<DiskOperation, { title: MessageId; action: MessageId; variant: 'primary' | 'danger' }> = {
  activate: { title: 'vm.disks.activateTitle', action: 'vm.disks.activate', variant: 'primary' },
  deactivate: { title: 'vm.disks.deactivateTitle', action: 'vm.disks.deactivate', variant: 'primary' },
  detach: { title: 'vm.disks.detachTitle', action: 'vm.disks.detach', variant: 'danger' },
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

  if (attachments.isPending) return <Loading what={t('vm.disks.loadWhat')} />;
  if (attachments.isError) return <LoadError what={t('vm.disks.loadWhat')} error={attachments.error} onRetry={() => void attachments.refetch()} />;
  const rows = attachmentRows(attachments.data, disks.data);

  return (
    <div style={{ paddingTop: '1rem' }}>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <Button variant="primary" component={(p) => <Link {...p} to={paths.addDisk({ vm: vm.id })} state={{ from: here }} />}>
              {t('vm.disks.newDisk')}
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" component={(p) => <Link {...p} to={paths.attachDisk({ vm: vm.id })} state={{ from: here }} />}>
              {t('vm.disks.attach')}
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {rows.length === 0 ? (
        <Empty title={t('vm.disks.emptyTitle')}>{t('vm.disks.emptyBody', { vm: vm.name })}</Empty>
      ) : (
        <Table aria-label={t('vm.disks.tableLabel', { vm: vm.name })} variant="compact">
          <Thead>
            <Tr>
              <Th modifier="wrap">{t('vm.disks.colAlias')}</Th>
              <Th modifier="wrap">{t('vm.disks.colDescription')}</Th>
              <Th modifier="wrap">{t('vm.disks.colType')}</Th>
              <Th modifier="wrap">{t('vm.disks.colLunId')}</Th>
              <Th modifier="wrap">{t('vm.disks.colSize')}</Th>
              <Th modifier="wrap">{t('vm.disks.colInterface')}</Th>
              <Th modifier="wrap">{t('vm.disks.colActive')}</Th>
              <Th modifier="wrap">{t('vm.disks.colBootable')}</Th>
              <Th modifier="wrap">{t('vm.disks.colReadOnly')}</Th>
              <Th modifier="wrap">{t('vm.disks.colSharable')}</Th>
              <Th modifier="wrap">{t('vm.disks.colLogicalName')}</Th>
              <Th screenReaderText={t('vm.disks.colActions')} />
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => {
              const { attachment: a, disk } = row;
              const size = disk ? diskSize(disk) : undefined;
              const open = (kind: DiskOperation) => () => setOp({ kind, row });
              return (
                <Tr key={a.id}>
                  <Td dataLabel={t('vm.disks.colAlias')} translate="no">{disk?.alias ?? a.diskId}</Td>
                  <Td dataLabel={t('vm.disks.colDescription')} translate="no">{disk?.description}</Td>
                  <Td dataLabel={t('vm.disks.colType')}>{disk ? diskTypeText(disk) : '—'}</Td>
                  <Td dataLabel={t('vm.disks.colLunId')} translate="no" style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}>
                    {disk?.storageType === 'lun' ? disk.lun.id : '—'}
                  </Td>
                  <Td dataLabel={t('vm.disks.colSize')}>{size !== undefined ? <span title={formatBytesExact(size)}>{formatSize(size)}</span> : t('vm.disks.sizeUnknown')}</Td>
                  <Td dataLabel={t('vm.disks.colInterface')}>{INTERFACE_TEXT[a.interface]}</Td>
                  <Td dataLabel={t('vm.disks.colActive')}>{a.active ? t('vm.disks.active') : t('vm.disks.inactive')}</Td>
                  <Td dataLabel={t('vm.disks.colBootable')}>{yesNo(a.bootable)}</Td>
                  <Td dataLabel={t('vm.disks.colReadOnly')}>{yesNo(a.readOnly)}</Td>
                  <Td dataLabel={t('vm.disks.colSharable')}>{disk ? yesNo(disk.sharable) : '—'}</Td>
                  <Td dataLabel={t('vm.disks.colLogicalName')} translate="no">{a.logicalName ?? '—'}</Td>
                  <Td isActionCell>
                    <ActionsColumn
                      popperProps={{ position: 'right' }}
                      actionsToggle={(tg) => (
                        <Button ref={tg.toggleRef} variant="plain" onClick={tg.onToggle} isExpanded={tg.isOpen} aria-label={t('vm.disks.actionsFor', { disk: disk?.alias ?? a.diskId })}>
                          ⋮
                        </Button>
                      )}
                      items={[
                        action(t('vm.disks.edit'), canEdit(a, disk), () => setEditing(row)),
                        action(t('vm.disks.activate'), canActivate(vm, a), open('activate')),
                        action(t('vm.disks.deactivate'), canDeactivate(vm, a), open('deactivate')),
                        action(t('vm.disks.detach'), canDetach(vm, a), open('detach')),
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
          title={t(OP_TEXT[op.kind].title, { disk: op.row.disk?.alias ?? op.row.attachment.diskId })}
          confirm={<p>{describeOperation(op.kind, vm, op.row.disk, hostName)}</p>}
          actionLabel={t(OP_TEXT[op.kind].action)}
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
