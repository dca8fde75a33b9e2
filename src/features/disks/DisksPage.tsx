import { Button, PageSection, SearchInput, ToggleGroup, ToggleGroupItem, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { attachableAnywhere } from '../../domain/attach-options';
import { attachmentsByDisk, vmsWithAttachmentsQueryOptions } from '../../engine-api/disk-attachments';
import { disksQueryOptions } from '../../engine-api/disks';
import { diskTypeText, formatBytesExact, formatSize, yesNo } from '../../domain/format';
import { diskSize, type Disk } from '../../domain/model';
import { PageHeader } from '../../ui/PageSection';
import { Empty, LoadError, Loading } from '../../ui/QueryStates';
import { paths } from '../../ui/paths';
import { useViewPollInterval } from '../../ui/polling';

const FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'image', label: 'Image' },
  { value: 'lun', label: 'Direct LUN' },
] as const;
type Filter = (typeof FILTERS)[number]['value'];

function parseFilter(v: string | null): Filter {
  return FILTERS.find((f) => f.value === v)?.value ?? 'all';
}

function SizeCell({ disk }: { disk: Disk }) {
  const size = diskSize(disk);
  if (size === undefined) return <span>{disk.storageType === 'lun' ? 'Unknown (refresh the LUN)' : 'Unknown'}</span>;
  return <span title={formatBytesExact(size)}>{formatSize(size)}</span>;
}

export function DisksPage() {
  // The filter lives in the URL: a reload or a shared link shows the same view.
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params.get('type'));
  const search = params.get('search') ?? '';
  const location = useLocation();
  const navigate = useNavigate();
  const poll = useViewPollInterval();
  const disks = useQuery({ ...disksQueryOptions(), refetchInterval: poll });
  const usage = useQuery({ ...vmsWithAttachmentsQueryOptions(), refetchInterval: poll });
  const byDisk = usage.data ? attachmentsByDisk(usage.data) : undefined;
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (disks.data ?? []).filter(
    (d) =>
      (filter === 'all' || d.storageType === filter) &&
      words.every((w) => [d.alias, d.description, d.storageType === 'lun' ? d.lun.id : ''].some((x) => x.toLowerCase().includes(w))),
  );
  const attachItem = (d: Disk, vms: ReadonlyArray<{ vm: { id: string; name: string } }>) => {
    const a = attachableAnywhere(d, vms.map((x) => ({ vmId: x.vm.id, vmName: x.vm.name })));
    return a.ok
      ? { title: 'Attach to VM', onClick: () => void navigate(paths.attachDisk({ disk: d.id }), { state: { from: `${location.pathname}${location.search}` } }) }
      : { title: 'Attach to VM', isAriaDisabled: true, description: a.reason };
  };
  const setParam = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };

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
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <span id="disk-type-filter-label" style={{ marginRight: '0.5rem' }}>
                Disk type:
              </span>
              <ToggleGroup aria-labelledby="disk-type-filter-label">
                {FILTERS.map((f) => (
                  <ToggleGroupItem
                    key={f.value}
                    text={f.label}
                    buttonId={`disk-filter-${f.value}`}
                    isSelected={filter === f.value}
                    onChange={() => setParam('type', f.value === 'all' ? undefined : f.value)}
                  />
                ))}
              </ToggleGroup>
            </ToolbarItem>
            <ToolbarItem>
              <SearchInput
                aria-label="Search disks by alias, description or LUN ID"
                placeholder="Alias, description or LUN ID"
                value={search}
                onChange={(_e, v) => setParam('search', v || undefined)}
                onClear={() => setParam('search', undefined)}
              />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        {disks.isPending ? (
          <Loading what="disks" />
        ) : disks.isError ? (
          <LoadError what="disks" error={disks.error} onRetry={() => void disks.refetch()} />
        ) : shown.length === 0 ? (
          search.trim() ? (
            <Empty title={`No disk matches “${search.trim()}”`}>Clear the search or choose All to see every disk.</Empty>
          ) : (
            <Empty title={filter === 'lun' ? 'No direct LUN disks' : filter === 'image' ? 'No image disks' : 'No disks'}>
              {filter === 'all' ? 'This engine has no disks yet. Create a direct LUN disk with New disk.' : 'No disk of this type. Choose All to see every disk.'}
            </Empty>
          )
        ) : (
          <Table aria-label="Disks" variant="compact">
            <Thead>
              <Tr>
                <Th>Alias</Th>
                <Th>Description</Th>
                <Th>Type</Th>
                <Th>LUN ID</Th>
                <Th>Size</Th>
                <Th>Sharable</Th>
                <Th>Attached to</Th>
                <Th screenReaderText="Actions" />
              </Tr>
            </Thead>
            <Tbody>
              {shown.map((d) => {
                const vms = byDisk?.get(d.id) ?? [];
                return (
                  <Tr key={d.id}>
                    <Td dataLabel="Alias">
                      <Link to={paths.disk(d.id)}>{d.alias}</Link>
                    </Td>
                    <Td dataLabel="Description">{d.description}</Td>
                    <Td dataLabel="Type">{diskTypeText(d)}</Td>
                    <Td dataLabel="LUN ID" style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}>
                      {d.storageType === 'lun' ? d.lun.id : '—'}
                    </Td>
                    <Td dataLabel="Size">
                      <SizeCell disk={d} />
                    </Td>
                    <Td dataLabel="Sharable">{yesNo(d.sharable)}</Td>
                    <Td dataLabel="Attached to">
                      {usage.isError ? 'Unknown' : vms.length === 0 ? '—' : vms.map((x) => x.vm.name).join(', ')}
                    </Td>
                    <Td isActionCell>
                      <ActionsColumn
                        popperProps={{ position: 'right' }}
                        actionsToggle={(t) => (
                          <Button ref={t.toggleRef} variant="plain" onClick={t.onToggle} isExpanded={t.isOpen} aria-label={`Actions for ${d.alias}`}>
                            ⋮
                          </Button>
                        )}
                        items={[attachItem(d, vms)]}
                      />
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        )}
      </PageSection>
    </>
  );
}
