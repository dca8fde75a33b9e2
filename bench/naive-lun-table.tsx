// The naive baseline for `npm run bench`, never shipped: a plain PatternFly table that renders every row, with the
// LUN table's props, columns, data and DOM hooks (data-lun-id, aria-sort, aria-selected, the scroll container), so
// the bench runs the same operations on it. bench/vite.naive.config.ts builds the console with this file in place of
// src/flows/lun-disk/LunTable.tsx; nothing in src/ imports it.
import { Table, Tbody, Td, Th, Thead, Tr, type ThProps } from '@patternfly/react-table';
import type { LunTableProps } from '../src/flows/lun-disk/LunTable';
import type { LunSortKey } from '../src/flows/lun-disk/lun-rows';

const COLUMNS: Array<{ key: LunSortKey | 'select' | 'action' | 'portal'; title: string }> = [
  { key: 'select', title: 'Pick' },
  { key: 'id', title: 'LUN ID' },
  { key: 'size', title: 'Size' },
  { key: 'status', title: 'Status' },
  { key: 'action', title: 'Action' },
  { key: 'paths', title: 'Paths' },
  { key: 'vendor', title: 'Vendor' },
  { key: 'product', title: 'Product' },
  { key: 'serial', title: 'Serial' },
  { key: 'target', title: 'Target' },
  { key: 'portal', title: 'Portal' },
];

export function LunTable({ label, items, selectedId, onSelect, sort, onSort, action, height = 'min(56vh, 560px)' }: LunTableProps) {
  const thSort = (key: string, columnIndex: number): ThProps['sort'] => {
    if (key === 'select' || key === 'action' || key === 'portal') return undefined;
    const k = key as LunSortKey;
    return {
      columnIndex,
      sortBy: sort.key === k ? { index: columnIndex, direction: sort.direction } : {},
      onSort: (_e, _i, direction) => onSort({ key: k, direction }),
    };
  };
  return (
    <div style={{ height, overflow: 'auto' }} data-testid="lun-table-scroll">
      <Table aria-label={label} variant="compact" isStickyHeader>
        <Thead>
          <Tr>
            {COLUMNS.map((c, i) => (
              <Th key={c.key} sort={thSort(c.key, i)}>
                {c.title}
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {items.map((it) => {
            if (it.kind === 'group') {
              return (
                <Tr key={it.key}>
                  <Td colSpan={COLUMNS.length}>{`Target ${it.target}: ${it.total} LUNs, ${it.available} available`}</Td>
                </Tr>
              );
            }
            const row = it.row;
            const a = row.availability;
            const selected = row.id === selectedId;
            return (
              <Tr
                key={it.key}
                data-lun-id={row.id}
                data-state={a.selectable ? (selected ? 'selected' : 'selectable') : 'used'}
                aria-selected={selected}
                isRowSelected={selected}
                onClick={() => a.selectable && onSelect(row)}
              >
                <Td>{a.selectable ? (selected ? '◉' : '○') : '🔒'}</Td>
                <Td>{row.id}</Td>
                <Td>{row.sizeText}</Td>
                <Td>{a.short}</Td>
                <Td>{!a.selectable && action ? action(row, false) : null}</Td>
                <Td>{row.pathsText}</Td>
                <Td>{row.vendor}</Td>
                <Td>{row.product}</Td>
                <Td>{row.serial}</Td>
                <Td>{row.target}</Td>
                <Td>{row.portal}</Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </div>
  );
}
