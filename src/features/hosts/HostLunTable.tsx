// The LUNs a host sees (its GET /hosts/{id}/storage), virtualized: a host logged in to every target of a large
// SAN lists 10,000 of them. Rows render only around the viewport; a text filter narrows them.
import { SearchInput } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { formatBytesExact, formatSize } from '../../domain/format';
import type { HostLunUse } from '../../domain/host-sessions';
import { pathsText } from '../../domain/lun-reach';
import { paths } from '../../ui/paths';

const ROW = 40;
const COLUMNS = 6;

function usedBy(u: HostLunUse): string {
  const parts: string[] = [];
  for (const h of u.holders) parts.push(h.kind === 'storage-domain' ? `storage domain ${h.name}` : `disk ${h.diskAlias} (VM ${h.vmName})`);
  if (u.idleDisk) parts.push(`disk ${u.idleDisk.alias} (not plugged into a VM running here)`);
  return parts.length > 0 ? parts.join('; ') : 'Free';
}

export function HostLunTable({ hostName, luns }: { hostName: string; luns: readonly HostLunUse[] }) {
  const [filter, setFilter] = useState('');
  const q = useDeferredValue(filter.trim().toLowerCase());
  // Sorted, and each row's search text lower-cased, once per listing: a keystroke only filters.
  const indexed = useMemo(
    () =>
      [...luns]
        .sort((a, b) => (a.lun.lu.target ?? '~').localeCompare(b.lun.lu.target ?? '~') || (a.lun.lu.lunMapping ?? 0) - (b.lun.lu.lunMapping ?? 0) || a.lun.id.localeCompare(b.lun.id))
        .map((u) => ({ u, text: [u.lun.id, u.lun.lu.target, u.lun.lu.vendorId, u.lun.lu.productId, usedBy(u)].map((t) => t?.toLowerCase() ?? '').join('\u0000') })),
    [luns],
  );
  const rows = useMemo(() => (q ? indexed.filter((x) => x.text.includes(q)) : indexed).map((x) => x.u), [indexed, q]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoize; this component is not compiled.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const label = `LUNs ${hostName} sees`;

  return (
    <>
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', marginBottom: '0.5rem', flexWrap: 'wrap' }}>
        <SearchInput
          aria-label={`Filter the LUNs ${hostName} sees`}
          placeholder="Filter by LUN ID, target, vendor, disk or domain"
          value={filter}
          onChange={(_e, v) => setFilter(v)}
          onClear={() => setFilter('')}
          style={{ minWidth: '22rem' }}
        />
        <span aria-live="polite">
          {rows.length === luns.length ? `${luns.length} LUNs` : `${rows.length} of ${luns.length} LUNs`}
        </span>
      </div>
      <div
        ref={scrollRef}
        role="region"
        aria-label={`${label} (scrollable)`}
        // A scrollable region must be reachable with the keyboard to scroll it (axe scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        style={{ maxHeight: '28rem', overflow: 'auto' }}
      >
        <Table aria-label={label} variant="compact" isStickyHeader aria-rowcount={rows.length + 1}>
          <Thead>
            <Tr aria-rowindex={1}>
              {/* IDs and sizes on one line, whole (docs/decisions/050); the long texts wrap. */}
              <Th>LUN ID</Th>
              <Th>Target</Th>
              <Th modifier="nowrap">Size</Th>
              <Th>Paths</Th>
              <Th modifier="wrap">Vendor / product</Th>
              <Th>Used by</Th>
            </Tr>
          </Thead>
          <Tbody>
            {top > 0 ? (
              <Tr aria-hidden="true">
                <Td colSpan={COLUMNS} style={{ height: top, padding: 0, border: 0 }} />
              </Tr>
            ) : null}
            {items.map((it) => {
              const u = rows[it.index];
              if (!u) return null;
              const lu = u.lun.lu;
              const noPath = lu.activePaths === 0;
              return (
                <Tr key={u.lun.id} aria-rowindex={it.index + 2} style={{ height: ROW }}>
                  <Td dataLabel="LUN ID" modifier="nowrap" style={{ fontFamily: 'var(--pf-t--global--font--family--mono)', fontSize: '0.875em' }}>
                    {u.lun.id}
                  </Td>
                  <Td dataLabel="Target" modifier="breakWord">{u.lun.type === 'fcp' ? 'Fibre Channel' : (lu.target ?? '—')}</Td>
                  <Td dataLabel="Size" modifier="nowrap">
                    <span title={formatBytesExact(lu.size)}>{formatSize(lu.size)}</span>
                  </Td>
                  <Td dataLabel="Paths">{noPath ? `No active path (${pathsText(lu.paths, 0)})` : pathsText(lu.paths, lu.activePaths)}</Td>
                  <Td dataLabel="Vendor / product">{[lu.vendorId, lu.productId].filter(Boolean).join(' ') || '—'}</Td>
                  <Td dataLabel="Used by">
                    {u.idleDisk || u.holders.some((h) => h.kind === 'vm-disk') ? (
                      <Link to={paths.disk(u.idleDisk?.id ?? u.holders.find((h) => h.kind === 'vm-disk')?.diskId ?? '')}>{usedBy(u)}</Link>
                    ) : (
                      usedBy(u)
                    )}
                  </Td>
                </Tr>
              );
            })}
            {bottom > 0 ? (
              <Tr aria-hidden="true">
                <Td colSpan={COLUMNS} style={{ height: bottom, padding: 0, border: 0 }} />
              </Tr>
            ) : null}
          </Tbody>
        </Table>
      </div>
    </>
  );
}
