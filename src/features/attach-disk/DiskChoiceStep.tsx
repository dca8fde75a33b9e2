// Step "Disk": attach existing disks (several at once: floating disks and sharable ones; a disk that cannot be
// attached stays listed, grayed, with the reason in words), or create a new direct LUN disk from a LUN — the Add
// Direct LUN disk steps run next, in place (docs/design.md §6: no "import" wording).
import {
  Checkbox, FormGroup, HelperText, HelperTextItem, Radio, SearchInput, Title, ToggleGroup, ToggleGroupItem, Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { diskTypeText, formatBytesExact, formatSize, yesNo } from '../../domain/format';
import { diskSize } from '../../domain/model';
import { Empty, LoadError, Loading } from '../../ui/QueryStates';
import type { AttachMode } from './form';
import type { AttachData } from './use-attach-data';

const FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'lun', label: 'Direct LUN' },
  { value: 'image', label: 'Image' },
] as const;
type Filter = (typeof FILTERS)[number]['value'];

const subtle = { color: 'var(--pf-t--global--text--color--subtle)' } as const;
const mono = { fontFamily: 'var(--pf-t--global--font--family--mono)' } as const;

export function DiskChoiceStep({
  data,
  mode,
  onMode,
  diskIds,
  onToggle,
  error,
}: {
  data: AttachData;
  mode: AttachMode;
  onMode: (m: AttachMode) => void;
  diskIds: readonly string[];
  onToggle: (diskId: string, picked: boolean) => void;
  error: string | undefined;
}) {
  const vmName = data.vm?.name ?? 'the VM';
  return (
    <section aria-labelledby="disk-choice-title">
      <Title headingLevel="h2" id="disk-choice-title">
        Choose what to attach to {vmName}
      </Title>
      <FormGroup role="radiogroup" fieldId="attach-mode" label="What to attach" isStack style={{ margin: '1rem 0' }}>
        <Radio
          id="attach-mode-existing"
          name="attach-mode"
          label="Attach existing disk"
          description="Floating disks and sharable disks, several at once."
          isChecked={mode === 'existing'}
          onChange={() => onMode('existing')}
        />
        <Radio
          id="attach-mode-create"
          name="attach-mode"
          label="Create from LUN"
          description={`A new direct LUN disk from a LUN you pick, created and attached to ${vmName}: choose the host, discover and log in to the target, pick the LUN.`}
          isChecked={mode === 'create'}
          onChange={() => onMode('create')}
        />
      </FormGroup>
      {mode === 'existing' ? (
        <ExistingDisks data={data} diskIds={diskIds} onToggle={onToggle} error={error} />
      ) : (
        <p>
          Next: <strong>Source</strong> (the host and the storage type), <strong>Targets</strong> (discover and log in, iSCSI only),{' '}
          <strong>LUN</strong> (used LUNs stay listed with the disk that uses them), <strong>Options</strong> (alias, description, interface and
          the disk&apos;s options), then <strong>Review</strong>.
        </p>
      )}
    </section>
  );
}

function ExistingDisks({ data, diskIds, onToggle, error }: { data: AttachData; diskIds: readonly string[]; onToggle: (diskId: string, picked: boolean) => void; error: string | undefined }) {
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  if (data.disks.isPending || data.usage.isPending) return <Loading what="the disks" />;
  if (data.disks.isError) return <LoadError what="the disks" error={data.disks.error} onRetry={() => void data.disks.refetch()} />;
  if (data.usage.isError) return <LoadError what="who uses which disk" error={data.usage.error} onRetry={() => void data.usage.refetch()} />;
  const vmName = data.vm?.name ?? 'the VM';
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = data.rows.filter(
    (r) =>
      (filter === 'all' || r.disk.storageType === filter) &&
      words.every((w) =>
        [r.disk.alias, r.disk.description, r.disk.storageType === 'lun' ? r.disk.lun.id : '', r.users.map((u) => u.vmName).join(' ')].some((x) =>
          x.toLowerCase().includes(w),
        ),
      ),
  );
  const selectable = data.rows.filter((r) => r.attachability.selectable).length;
  const picked = diskIds.map((id) => data.diskById.get(id)?.alias ?? id);

  return (
    <>
      <Toolbar inset={{ default: 'insetNone' }}>
        <ToolbarContent>
          <ToolbarItem style={{ minWidth: '20rem' }}>
            <SearchInput
              aria-label="Search disks"
              placeholder="Alias, description, LUN ID or VM"
              value={search}
              onChange={(_e, v) => setSearch(v)}
              onClear={() => setSearch('')}
              aria-describedby="attach-disk-counts"
            />
          </ToolbarItem>
          <ToolbarItem>
            <span id="attach-disk-type-label" style={{ marginRight: '0.5rem' }}>
              Disk type:
            </span>
            <ToggleGroup aria-labelledby="attach-disk-type-label">
              {FILTERS.map((f) => (
                <ToggleGroupItem key={f.value} text={f.label} buttonId={`attach-disk-type-${f.value}`} isSelected={filter === f.value} onChange={() => setFilter(f.value)} />
              ))}
            </ToggleGroup>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <p id="attach-disk-counts" aria-live="polite" style={{ marginBottom: '0.5rem' }}>
        {data.rows.length} {data.rows.length === 1 ? 'disk' : 'disks'}, {selectable} can be attached to {vmName} · {shown.length} shown.{' '}
        <strong data-testid="picked-disks">{picked.length === 0 ? 'None picked yet.' : `Picked: ${picked.join(', ')}.`}</strong>
      </p>
      {error ? (
        <HelperText style={{ marginBottom: '0.5rem' }}>
          {/* No screen-reader status text: PatternFly puts it after the children (": error;"), outside the alert, where
              it is read as a stray line after the message. The alert role already says it is urgent. */}
          <HelperTextItem variant="error" id="disk-step-error" screenReaderText="">
            <span role="alert">{error}</span>
          </HelperTextItem>
        </HelperText>
      ) : null}
      {shown.length === 0 ? (
        <Empty title={data.rows.length === 0 ? 'No disks' : 'No disk matches'}>
          {data.rows.length === 0 ? 'This engine has no disk yet: choose Create from LUN.' : 'Clear the search or choose All.'}
        </Empty>
      ) : (
        <Table aria-label={`Disks to attach to ${vmName}`} variant="compact">
          <Thead>
            <Tr>
              <Th screenReaderText="Pick" />
              <Th modifier="wrap">Disk</Th>
              <Th modifier="wrap">Type</Th>
              <Th modifier="nowrap">Size</Th>
              <Th modifier="nowrap">Sharable</Th>
              <Th modifier="wrap">Attached to</Th>
              <Th modifier="wrap">Can be attached</Th>
            </Tr>
          </Thead>
          <Tbody>
            {shown.map(({ disk, users, attachability: a }) => {
              const size = diskSize(disk);
              const reasonId = `disk-reason-${disk.id}`;
              const isPicked = diskIds.includes(disk.id);
              // Not selectable: grayed, the reason in the last cell (decision 001's gray-don't-hide, for disks).
              const gray = a.selectable ? undefined : subtle;
              return (
                <Tr key={disk.id} isRowSelected={isPicked} data-disk={disk.alias} data-state={a.selectable ? 'selectable' : 'unavailable'}>
                  <Td className="pf-v6-c-table__check">
                    <Checkbox
                      id={`attach-disk-${disk.id}`}
                      isChecked={isPicked && a.selectable}
                      isDisabled={!a.selectable}
                      onChange={(_e, c) => onToggle(disk.id, c)}
                      aria-describedby={reasonId}
                    />
                  </Td>
                  <Td dataLabel="Disk" style={gray}>
                    <label htmlFor={`attach-disk-${disk.id}`}>{disk.alias}</label>
                    {disk.description ? <div style={subtle}>{disk.description}</div> : null}
                    {disk.storageType === 'lun' ? <div style={{ ...subtle, ...mono, fontSize: 'var(--pf-t--global--font--size--sm)', whiteSpace: 'nowrap' }}>LUN {disk.lun.id}</div> : null}
                  </Td>
                  <Td dataLabel="Type" style={gray}>{diskTypeText(disk)}</Td>
                  <Td dataLabel="Size" style={gray} modifier="nowrap">{size === undefined ? 'Unknown' : <span title={formatBytesExact(size)}>{formatSize(size)}</span>}</Td>
                  <Td dataLabel="Sharable" style={gray}>{yesNo(disk.sharable)}</Td>
                  <Td dataLabel="Attached to" style={gray}>{users.length === 0 ? '—' : users.map((u) => u.vmName).join(', ')}</Td>
                  <Td dataLabel="Can be attached" id={reasonId} style={gray}>
                    {a.selectable ? a.note : <span data-reason>{a.reason}</span>}
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
    </>
  );
}
