// The LUNs a host sees (its GET /hosts/{id}/storage), virtualized: a host logged in to every target of a large
// SAN lists 10,000 of them. Rows render only around the viewport; a text filter narrows them.
import { SearchInput } from '@patternfly/react-core';
import { Table, Tbody, Th, Thead, Tr } from '@patternfly/react-table';
import type { ReactNode, TdHTMLAttributes } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { formatBytesExact, formatSize } from '../../domain/format';
import type { HostLunUse } from '../../domain/host-sessions';
import { pathsText } from '../../domain/lun-reach';
import { paths } from '../../ui/paths';
import { t } from '../../i18n/i18n';

const ROW = 40;
const COLUMNS = 6;
const rowStyle = { height: ROW } as const;
const monoCell = { fontFamily: 'var(--pf-t--global--font--family--mono)', fontSize: '0.875em' } as const;

/**
 * A body cell: a plain <td> with PatternFly's classes. PatternFly's Td makes a new ref on every render and checks
 * whether its text is cut (offsetWidth < scrollWidth) after each, forcing a layout of the table per cell on every
 * scroll step (docs/decisions/014, where the LUN table dropped it for the same reason).
 */
function Cell({ wrap, label, children, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { wrap?: 'nowrap' | 'break-word' | 'wrap'; label?: string; children?: ReactNode }) {
  return (
    <td className={wrap ? `pf-v6-c-table__td pf-m-${wrap}` : 'pf-v6-c-table__td'} data-label={label} {...props}>
      {children}
    </td>
  );
}

function usedBy(u: HostLunUse): string {
  const parts: string[] = [];
  for (const h of u.holders) {
    parts.push(h.kind === 'storage-domain' ? t('host.lunTable.usedByDomain', { name: h.name }) : t('host.lunTable.usedByVmDisk', { disk: h.diskAlias, vm: h.vmName }));
  }
  if (u.idleDisk) parts.push(t('host.lunTable.usedByIdleDisk', { disk: u.idleDisk.alias }));
  return parts.length > 0 ? parts.join('; ') : t('host.lunTable.free');
}

export function HostLunTable({ hostName, luns }: { hostName: string; luns: readonly HostLunUse[] }) {
  const [filter, setFilter] = useState('');
  const q = useDeferredValue(filter.trim().toLowerCase());
  // Sorted, and each row's search text lower-cased, once per listing: a keystroke only filters.
  const indexed = useMemo(
    () =>
      [...luns]
        .sort((a, b) => (a.lun.lu.target ?? '~').localeCompare(b.lun.lu.target ?? '~') || (a.lun.lu.lunMapping ?? 0) - (b.lun.lu.lunMapping ?? 0) || a.lun.id.localeCompare(b.lun.id))
        .map((u) => ({ u, text: [u.lun.id, u.lun.lu.target, u.lun.lu.vendorId, u.lun.lu.productId, usedBy(u)].map((x) => x?.toLowerCase() ?? '').join('\u0000') })),
    [luns],
  );
  const rows = useMemo(() => (q ? indexed.filter((x) => x.text.includes(q)) : indexed).map((x) => x.u), [indexed, q]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoize; this component is not compiled.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const label = t('host.lunTable.label', { host: hostName });

  return (
    <>
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', marginBottom: '0.5rem', flexWrap: 'wrap' }}>
        <SearchInput
          aria-label={t('host.lunTable.filterLabel', { host: hostName })}
          placeholder={t('host.lunTable.filterPlaceholder')}
          resetButtonLabel={t('host.lunTable.filterReset')}
          value={filter}
          onChange={(_e, v) => setFilter(v)}
          onClear={() => setFilter('')}
          style={{ minWidth: '22rem' }}
        />
        <span aria-live="polite">
          {rows.length === luns.length ? t('host.lunTable.countAll', { count: luns.length }) : t('host.lunTable.countSome', { shown: rows.length, count: luns.length })}
        </span>
      </div>
      <div
        ref={scrollRef}
        role="region"
        aria-label={t('host.lunTable.regionLabel', { host: hostName })}
        // A scrollable region must be reachable with the keyboard to scroll it (axe scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        style={{ maxHeight: '28rem', overflow: 'auto' }}
      >
        <Table aria-label={label} variant="compact" isStickyHeader aria-rowcount={rows.length + 1}>
          <Thead>
            <Tr aria-rowindex={1}>
              {/* IDs and sizes on one line, whole (docs/decisions/050); the long texts wrap. */}
              <Th>{t('host.lunTable.column.lunId')}</Th>
              <Th>{t('host.lunTable.column.target')}</Th>
              <Th modifier="nowrap">{t('host.lunTable.column.size')}</Th>
              <Th>{t('host.lunTable.column.paths')}</Th>
              <Th modifier="wrap">{t('host.lunTable.column.vendorProduct')}</Th>
              <Th>{t('host.lunTable.column.usedBy')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {top > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={COLUMNS} style={{ height: top, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {items.map((it) => {
              const u = rows[it.index];
              if (!u) return null;
              const lu = u.lun.lu;
              const noPath = lu.activePaths === 0;
              return (
                <tr key={u.lun.id} className="pf-v6-c-table__tr" aria-rowindex={it.index + 2} style={rowStyle}>
                  <Cell label={t('host.lunTable.column.lunId')} translate="no" wrap="nowrap" style={monoCell}>
                    {u.lun.id}
                  </Cell>
                  <Cell label={t('host.lunTable.column.target')} wrap="break-word">
                    {u.lun.type === 'fcp' ? t('host.lunTable.fibreChannel') : <span translate="no">{lu.target ?? '—'}</span>}
                  </Cell>
                  <Cell label={t('host.lunTable.column.size')} wrap="nowrap">
                    <span title={formatBytesExact(lu.size)}>{formatSize(lu.size)}</span>
                  </Cell>
                  <Cell label={t('host.lunTable.column.paths')}>{noPath ? t('host.lunTable.noActivePath', { paths: pathsText(lu.paths, 0) }) : pathsText(lu.paths, lu.activePaths)}</Cell>
                  <Cell label={t('host.lunTable.column.vendorProduct')} translate="no">
                    {[lu.vendorId, lu.productId].filter(Boolean).join(' ') || '—'}
                  </Cell>
                  <Cell label={t('host.lunTable.column.usedBy')}>
                    {u.idleDisk || u.holders.some((h) => h.kind === 'vm-disk') ? (
                      <Link to={paths.disk(u.idleDisk?.id ?? u.holders.find((h) => h.kind === 'vm-disk')?.diskId ?? '')}>{usedBy(u)}</Link>
                    ) : (
                      usedBy(u)
                    )}
                  </Cell>
                </tr>
              );
            })}
            {bottom > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={COLUMNS} style={{ height: bottom, padding: 0, border: 0 }} />
              </tr>
            ) : null}
          </Tbody>
        </Table>
      </div>
    </>
  );
}
