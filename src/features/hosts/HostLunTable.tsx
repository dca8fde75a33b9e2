// The LUNs a host sees (its GET /hosts/{id}/storage), virtualized: a host logged in to every target of a large
// SAN lists 10,000 of them. Fixed-height rows render only around the viewport (src/ui/use-row-window.ts, as the LUN
// table of the wizards: docs/decisions/014), memoized, so a wheel's scroll step mounts the rows coming on screen and
// nothing else (a fast scroll updates them in place: decision 067); a text filter narrows them. Each row is one
// line: a text too long for its column is cut with an ellipsis and is whole in the cell's title. The columns have
// fixed widths (host-lun-table.css): laying a row out never re-measures the others.
import { SearchInput } from '@patternfly/react-core';
import { Table, Tbody, Th, Thead, Tr } from '@patternfly/react-table';
import { memo, useDeferredValue, useMemo, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { Link } from 'react-router';
import { formatBytesExact, formatSize } from '../../domain/format';
import type { HostLunUse } from '../../domain/host-sessions';
import { pathsShort, pathsText } from '../../domain/lun-reach';
import { iqnTail, MiddleCut } from '../../ui/MiddleCut';
import { paths } from '../../ui/paths';
import { slotKey, useFocusFollowsItem } from '../../ui/slot-rows';
import { useRowWindow } from '../../ui/use-row-window';
import { t } from '../../i18n/i18n';
import './host-lun-table.css';

/** Row and header height: the window's arithmetic, and host-lun-table.css through --dlc-host-lun-row. */
const ROW = 40;
const HEADER = ROW;
const TABLE_STYLE = { '--dlc-host-lun-row': `${ROW}px` } as CSSProperties;
const COLUMNS = 6;
/** The frame's height (host-lun-table.css: 28rem) before it is measured: the first render's window. */
const FRAME_HEIGHT = 448;
const OVERSCAN = 4;
/** Up to this many LUNs every row is rendered (find-in-page finds each); above it, the rows on screen. */
const WHOLE_UP_TO = 150;

function usedBy(u: HostLunUse): string {
  const parts: string[] = [];
  for (const h of u.holders) {
    parts.push(h.kind === 'storage-domain' ? t('host.lunTable.usedByDomain', { name: h.name }) : t('host.lunTable.usedByVmDisk', { disk: h.diskAlias, vm: h.vmName }));
  }
  if (u.idleDisk) parts.push(t('host.lunTable.usedByIdleDisk', { disk: u.idleDisk.alias }));
  return parts.length > 0 ? parts.join('; ') : t('host.lunTable.free');
}

/** A row's texts, derived once per listing (not on every mount of the row while scrolling). */
interface Line {
  u: HostLunUse;
  target: string;
  size: string;
  sizeExact: string;
  /** The paths in words ("2 of 2 paths active"), and short ("2/2") for the column. */
  paths: string;
  pathsShort: string;
  noActivePath: boolean;
  vendor: string;
  usedBy: string;
  /** The disk the "Used by" text links to, if a disk uses the LUN. */
  diskId: string | undefined;
  /** Lower-cased search text. */
  text: string;
}

function toLine(u: HostLunUse): Line {
  const lu = u.lun.lu;
  const used = usedBy(u);
  const vendor = [lu.vendorId, lu.productId].filter(Boolean).join(' ') || '—';
  const target = u.lun.type === 'fcp' ? t('host.lunTable.fibreChannel') : (lu.target ?? '—');
  return {
    u,
    target,
    size: formatSize(lu.size),
    sizeExact: formatBytesExact(lu.size),
    paths: lu.activePaths === 0 ? t('host.lunTable.noActivePath', { paths: pathsText(lu.paths, 0) }) : pathsText(lu.paths, lu.activePaths),
    pathsShort: pathsShort(lu.paths, lu.activePaths),
    noActivePath: lu.activePaths === 0,
    vendor,
    usedBy: used,
    diskId: u.idleDisk?.id ?? u.holders.find((h) => h.kind === 'vm-disk')?.diskId,
    text: [u.lun.id, lu.target, lu.vendorId, lu.productId, used].map((x) => x?.toLowerCase() ?? '').join('\u0000'),
  };
}

/** A body cell: a plain <td> with PatternFly's class (not its Td, which re-measures itself after every render). */
function Cell({ className, title, translate, children }: { className?: string | undefined; title: string; translate?: 'no'; children: ReactNode }) {
  return (
    <td className={className ? `pf-v6-c-table__td dlc-host-lun-cell ${className}` : 'pf-v6-c-table__td dlc-host-lun-cell'} title={title} translate={translate}>
      {children}
    </td>
  );
}

const LunLine = memo(function LunLine({ line, index }: { line: Line; index: number }) {
  const id = line.u.lun.id;
  return (
    <tr className="pf-v6-c-table__tr dlc-host-lun-row" aria-rowindex={index + 2} data-row-key={line.u.lun.id}>
      <Cell className="dlc-host-lun-id" title={id} translate="no">
        {id}
      </Cell>
      {line.u.lun.type === 'fcp' ? (
        <Cell title={line.target}>{line.target}</Cell>
      ) : (
        <Cell title={line.target} translate="no">
          <MiddleCut text={line.target} tail={iqnTail(line.target)} />
        </Cell>
      )}
      <Cell title={line.sizeExact}>{line.size}</Cell>
      {/* Short on screen, as in the wizards' LUN table; in words for screen readers and in the title. */}
      <Cell title={line.paths} className={line.noActivePath ? 'dlc-host-lun-nopath' : undefined}>
        <span aria-hidden="true">{line.pathsShort}</span>
        <span className="pf-v6-screen-reader">{line.paths}</span>
      </Cell>
      <Cell title={line.vendor} translate="no">
        {line.vendor}
      </Cell>
      <Cell title={line.usedBy}>{line.diskId ? <Link to={paths.disk(line.diskId)}>{line.usedBy}</Link> : line.usedBy}</Cell>
    </tr>
  );
});

/** The rows on screen; the scroll position lives here, so a scroll re-renders this body only. */
function Body({ lines, scrollRef }: { lines: readonly Line[]; scrollRef: RefObject<HTMLDivElement | null> }) {
  const { start, end, anchor } = useRowWindow(scrollRef, { count: lines.length, rowHeight: ROW, offset: HEADER, overscan: OVERSCAN, initialHeight: FRAME_HEIGHT, wholeUpTo: WHOLE_UP_TO });
  // Rows keyed from the window's anchor: by item while the window moves a few rows (a wheel), by place for a fast
  // scroll or a keystroke, which then update the rows on screen in place; a focused link goes with its LUN
  // (slot-rows.ts, decisions 061 and 067).
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  useFocusFollowsItem(bodyRef);
  const rows = lines.slice(start, end).map((line, k) => <LunLine key={slotKey(start + k - anchor)} line={line} index={start + k} />);
  const top = start * ROW;
  const bottom = (lines.length - end) * ROW;
  return (
    <Tbody ref={bodyRef}>
      {top > 0 ? (
        <tr aria-hidden="true">
          <td colSpan={COLUMNS} className="dlc-host-lun-spacer" style={{ height: top }} />
        </tr>
      ) : null}
      {rows}
      {bottom > 0 ? (
        <tr aria-hidden="true">
          <td colSpan={COLUMNS} className="dlc-host-lun-spacer" style={{ height: bottom }} />
        </tr>
      ) : null}
    </Tbody>
  );
}

export function HostLunTable({ hostName, luns }: { hostName: string; luns: readonly HostLunUse[] }) {
  const [filter, setFilter] = useState('');
  const q = useDeferredValue(filter.trim().toLowerCase());
  // Sorted, each row's texts and lower-cased search text derived once per listing: a keystroke only filters.
  const indexed = useMemo(
    () =>
      [...luns]
        .sort((a, b) => (a.lun.lu.target ?? '~').localeCompare(b.lun.lu.target ?? '~') || (a.lun.lu.lunMapping ?? 0) - (b.lun.lu.lunMapping ?? 0) || a.lun.id.localeCompare(b.lun.id))
        .map(toLine),
    [luns],
  );
  const lines = useMemo(() => (q ? indexed.filter((x) => x.text.includes(q)) : indexed), [indexed, q]);
  // The LUN ID column holds the longest ID whole (IDs are what an administrator matches against the array).
  const idChars = useMemo(() => Math.max(8, ...luns.map((u) => u.lun.id.length)), [luns]);
  const scrollRef = useRef<HTMLDivElement>(null);
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
          {lines.length === luns.length ? t('host.lunTable.countAll', { count: luns.length }) : t('host.lunTable.countSome', { shown: lines.length, count: luns.length })}
        </span>
      </div>
      <div
        ref={scrollRef}
        role="region"
        aria-label={t('host.lunTable.regionLabel', { host: hostName })}
        // A scrollable region must be reachable with the keyboard to scroll it (axe scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        className="dlc-host-lun-frame"
        // The filter the rows on screen answer (the typed one is deferred): what `npm run bench` waits for.
        data-filter={q}
      >
        <Table aria-label={label} variant="compact" isStickyHeader aria-rowcount={lines.length + 1} className="dlc-host-lun-table" style={TABLE_STYLE}>
          <colgroup>
            <col className="dlc-host-lun-col-id" style={{ width: `calc(${idChars}ch + 2.5rem)` }} />
            <col className="dlc-host-lun-col-target" />
            <col className="dlc-host-lun-col-size" />
            <col className="dlc-host-lun-col-paths" />
            <col className="dlc-host-lun-col-vendor" />
            <col className="dlc-host-lun-col-used" />
          </colgroup>
          <Thead>
            <Tr aria-rowindex={1} className="dlc-host-lun-head">
              <Th modifier="nowrap">{t('host.lunTable.column.lunId')}</Th>
              <Th modifier="nowrap">{t('host.lunTable.column.target')}</Th>
              <Th modifier="nowrap">{t('host.lunTable.column.size')}</Th>
              <Th modifier="nowrap">{t('host.lunTable.column.paths')}</Th>
              <Th modifier="nowrap">{t('host.lunTable.column.vendorProduct')}</Th>
              <Th modifier="nowrap">{t('host.lunTable.column.usedBy')}</Th>
            </Tr>
          </Thead>
          <Body lines={lines} scrollRef={scrollRef} />
        </Table>
      </div>
    </>
  );
}
