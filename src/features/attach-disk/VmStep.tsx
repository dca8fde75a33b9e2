// Step "Virtual machine": every VM with its status and host, searchable; a VM that cannot take a disk (not Up,
// Paused or Down) is listed, its choice disabled, with the reason in words next to it.
import { HelperText, HelperTextItem, Radio, SearchInput, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import type { Disk, Vm } from '../../domain/model';
import { Empty, LoadError, Loading } from '../../ui/QueryStates';
import { VmStatusLabel } from '../../ui/StatusLabel';
import { useHostNames } from '../../ui/use-host-names';
import { vmBlocker, type AttachData } from './use-attach-data';

const subtle = { color: 'var(--pf-t--global--text--color--subtle)' } as const;

export function VmStep({
  data,
  selectedId,
  onSelect,
  error,
  preselected,
}: {
  data: AttachData;
  selectedId: string;
  onSelect: (vm: Vm) => void;
  error: string | undefined;
  /** The disks the user came with (Disks → a disk → Attach to VM). */
  preselected: readonly Disk[];
}) {
  const hostName = useHostNames();
  const [search, setSearch] = useState('');
  const { usage } = data;
  if (usage.isPending) return <Loading what="the virtual machines" />;
  if (usage.isError) return <LoadError what="the virtual machines" error={usage.error} onRetry={() => void usage.refetch()} />;
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = usage.data.filter(({ vm }) =>
    words.every((w) => [vm.name, vm.description, vm.status, hostName(vm.hostId) ?? ''].some((x) => x.toLowerCase().includes(w))),
  );
  const what = preselected.length > 0 ? preselected.map((d) => d.alias).join(', ') : 'the disk';

  return (
    <section aria-labelledby="vm-step-title">
      <Title headingLevel="h2" id="vm-step-title">
        Choose the virtual machine
      </Title>
      <p style={{ margin: '0.5rem 0 1rem' }}>
        The VM to attach {what} to. The engine attaches disks to VMs that are Up, Paused or Down; a running VM gets the disk hot plugged.
      </p>
      <Toolbar inset={{ default: 'insetNone' }}>
        <ToolbarContent>
          <ToolbarItem style={{ minWidth: '20rem' }}>
            <SearchInput
              aria-label="Search virtual machines"
              placeholder="Name, description, status or host"
              value={search}
              onChange={(_e, v) => setSearch(v)}
              onClear={() => setSearch('')}
            />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {error ? (
        <HelperText style={{ marginBottom: '0.5rem' }}>
          <HelperTextItem variant="error" id="vm-step-error" screenReaderText="error">
            <span role="alert">{error}</span>
          </HelperTextItem>
        </HelperText>
      ) : null}
      {shown.length === 0 ? (
        <Empty title={search.trim() ? `No VM matches “${search.trim()}”` : 'No virtual machines'}>
          {search.trim() ? 'Clear the search to see every VM.' : 'This engine has no VM to attach a disk to.'}
        </Empty>
      ) : (
        <Table aria-label="Virtual machines to attach to" variant="compact">
          <Thead>
            <Tr>
              <Th screenReaderText="Choose" />
              <Th>Name</Th>
              <Th>Status</Th>
              <Th>Host</Th>
              <Th>Disks</Th>
              <Th>Can take a disk</Th>
            </Tr>
          </Thead>
          <Tbody>
            {shown.map(({ vm, attachments }) => {
              const blocker = vmBlocker(vm, preselected, data.usersByDisk);
              const reasonId = `vm-reason-${vm.id}`;
              const gray = blocker ? subtle : undefined;
              return (
                <Tr key={vm.id} isRowSelected={vm.id === selectedId} data-vm={vm.name}>
                  <Td className="pf-v6-c-table__check">
                    <Radio
                      id={`attach-vm-${vm.id}`}
                      name="attach-vm"
                      isChecked={vm.id === selectedId}
                      isDisabled={!!blocker}
                      onChange={() => onSelect(vm)}
                      aria-describedby={[blocker ? reasonId : undefined, error ? 'vm-step-error' : undefined].filter(Boolean).join(' ') || undefined}
                    />
                  </Td>
                  <Td dataLabel="Name" style={gray}>
                    <label htmlFor={`attach-vm-${vm.id}`}>{vm.name}</label>
                    {vm.description ? <div style={subtle}>{vm.description}</div> : null}
                  </Td>
                  <Td dataLabel="Status" style={gray}>
                    <VmStatusLabel status={vm.status} />
                  </Td>
                  <Td dataLabel="Host" style={gray}>{hostName(vm.hostId) ?? '—'}</Td>
                  <Td dataLabel="Disks" style={gray}>{attachments.length}</Td>
                  <Td dataLabel="Can take a disk" id={reasonId} style={gray}>
                    {blocker ?? (vm.status === 'down' ? 'Yes: attached for its next run' : 'Yes: hot plugged')}
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
    </section>
  );
}
