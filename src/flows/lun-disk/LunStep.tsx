// Step "LUN": the LUNs the chosen host sees, as a virtualized table with search, sort, grouping and counts.
// One LUN is picked (a click on its row); the pick survives search, sort and regrouping (it is the form's `lunId`, not a
// row index). Several LUNs are checked for a batch (decision 048): the checkbox column, Shift for a range, "Select
// all shown"; the form's `lunIds`, with a running count and total size, at most MAX_BATCH.
import { Alert, Button, HelperText, HelperTextItem, Spinner, Title } from '@patternfly/react-core';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { invalidateAfter } from '../../engine-api/changes';
import { aliasAfterLunChange, suggestedAlias } from '../../domain/disk-naming';
import { lunCsv, lunCsvFileName, lunDetailsText } from '../../domain/lun-export';
import { downloadText } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Empty } from '../../ui/QueryStates';
import { useLatestCallback } from '../../ui/use-latest-callback';
import { createValueStore, useStoredValue, type ValueStore } from '../../ui/value-store';
import { groupedByTarget, useLunDisk, useLunTableView } from './data';
import { useLunColumns } from './lun-columns';
import { lunExportRecord, lunRowSummary, vendorProduct } from './lun-export-rows';
import { LunToolbar } from './LunToolbar';
import './lun-step.css';
import { MAX_BATCH, batchFullReason, batchSummary, rangeToAdd } from '../../domain/lun-batch';
import { TextSet } from '../../domain/text-index';
import { batchLunIds, type LunDiskFormValues } from './form';
import { LunTable, type LunTableSelection } from './LunTable';
import { toListItems } from './lun-list';
import { checkableRow, lunRowCounts, sortRows, type LunRow, type LunRowCounts } from './lun-rows';
import { filterRows } from './lun-search';
import { t } from '../../i18n/i18n';
import { Rich } from '../../i18n/Rich';
import { alertLabel } from '../../i18n/patternfly';

export function LunStep({ onGoToTargets }: { onGoToTargets?: (() => void) | undefined }) {
  const { data, usedLunAction, view: viewStore } = useLunDisk();
  const view = useLunTableView(viewStore);
  const { control, setValue, setError, getValues, clearErrors, getFieldState } = useFormContext<LunDiskFormValues>();
  // Read from the form's live state when the step mounts: an error placed while another step showed (a Create
  // settled after a reload found someone else's disk on the LUN) is not in the host's formState copy yet.
  const formState = useFormState({ control, name: 'lunId' });
  const [lunId, storageType, hostId, lunIds] = useWatch({ control, name: ['lunId', 'storageType', 'hostId', 'lunIds'] });
  const queryClient = useQueryClient();
  // The row the user is on, for the details line under the table: a store, so a focus move re-renders that line only.
  const [activeRow] = useState(() => createValueStore<LunRow | undefined>(undefined));
  const iscsi = storageType === 'iscsi';
  const hostName = data.host?.name ?? t('lunDisk.theHost');
  const search = useDeferredValue(view.search);
  const grouped = groupedByTarget(view, storageType);
  const [shownColumns, setShownColumns] = useLunColumns();
  // What Export and Copy did, said where the user acted (a polite status next to the buttons).
  const [copyNote, setCopyNote] = useState('');

  // Sorted once per data set and sort (cached in lun-rows); a keystroke only filters the sorted list.
  const sortedRows = useMemo(() => sortRows(data.rows, view.sort), [data.rows, view.sort]);
  const shownRows = useMemo(() => filterRows(sortedRows, search), [sortedRows, search]);
  const items = useMemo(() => toListItems(shownRows, grouped), [shownRows, grouped]);
  const counts = lunRowCounts(data.rows);
  const selected = lunId ? data.rowById.get(lunId) : undefined;
  // Which rows the search shows, as a set (all of them without a search): a render does not scan 10,000 rows.
  const shownSet = useMemo(() => (shownRows.length === data.rows.length ? undefined : new Set(shownRows)), [shownRows, data.rows]);
  const selectedShown = !!selected && (!shownSet || shownSet.has(selected));

  // A LUN picked on another host (or of the other storage type) that this host does not list is cleared, and
  // the user is told so: a disk must be created from a LUN the chosen host sees.
  useEffect(() => {
    if (!data.hostStorage.isSuccess) return;
    // The same for a batch: LUNs this host does not list leave it (the pick below says which one was cleared).
    const kept = lunIds.filter((id) => data.rowById.has(id));
    if (kept.length !== lunIds.length) {
      setValue('lunIds', kept);
      if (!lunId || !data.rowById.has(lunId)) setValue('lunId', kept[0] ?? '');
      if (kept.length > 0) return;
    }
    if (!lunId || data.rowById.has(lunId)) return;
    setValue('lunId', '');
    setValue('approveStorageDomain', false);
    setError('lunId', {
      type: 'cleared',
      message: iscsi ? t('lunDisk.lunStep.clearedIscsi', { lun: lunId, host: hostName }) : t('lunDisk.lunStep.clearedFcp', { lun: lunId, host: hostName }),
    });
  }, [data.hostStorage.isSuccess, data.rowById, lunId, lunIds, setValue, setError, hostName, iscsi]);

  const onSelect = useCallback(
    (row: LunRow) => {
      const v = getValues();
      if (v.lunId !== row.id) {
        setValue('alias', aliasAfterLunChange(v.alias, v.aliasSuggestion, row.id), { shouldDirty: true });
        setValue('aliasSuggestion', suggestedAlias(row.id));
        // An approval is for one LUN of one storage domain, never carried over to another LUN.
        setValue('approveStorageDomain', false);
      }
      setValue('lunId', row.id, { shouldDirty: true });
      // A click on a row picks that one LUN: a batch of one.
      setValue('lunIds', [row.id], { shouldDirty: true });
      // Only when there is one: clearing tells every subscriber to the form's state, the wizard's too.
      if (getFieldState('lunId').error) clearErrors('lunId');
    },
    [getValues, setValue, clearErrors, getFieldState],
  );

  // The storage team's list: the rows shown (after the search), in the order shown.
  const exportCsv = useLatestCallback(() => {
    downloadText(lunCsvFileName(hostName, new Date()), lunCsv(shownRows.map(lunExportRecord)));
    setCopyNote(t('lunDisk.lunStep.exported', { count: shownRows.length }));
  });
  const copyDetails = useCallback(
    (row: LunRow) => {
      const text = lunDetailsText(lunExportRecord(row), hostName);
      navigator.clipboard.writeText(text).then(
        () => setCopyNote(t('lunDisk.lunStep.copied', { lun: row.id })),
        () => setCopyNote(t('lunDisk.lunStep.copyRefused', { lun: row.id })),
      );
    },
    [hostName],
  );

  // The batch: checked LUNs in the order checked. The first is the form's `lunId`, so a batch of one is the
  // single-LUN flow exactly (its alias suggestion, its approval).
  const checkedIds = useMemo(() => batchLunIds({ lunId, lunIds }), [lunId, lunIds]);
  // A TextSet, not a Set: the table asks it about every row it shows (decision 065).
  const checked = useMemo(() => new TextSet(checkedIds), [checkedIds]);
  const [anchor, setAnchor] = useState<string | undefined>(undefined);
  const setBatch = useCallback(
    (ids: string[]) => {
      const first = ids[0];
      const v = getValues();
      const firstRow = first ? data.rowById.get(first) : undefined;
      if (firstRow && firstRow.id !== v.lunId) {
        onSelect(firstRow);
      } else if (!first) {
        setValue('lunId', '', { shouldDirty: true });
        setValue('approveStorageDomain', false);
      }
      setValue('lunIds', ids, { shouldDirty: true });
    },
    [getValues, setValue, onSelect, data.rowById],
  );
  // A LUN of a storage domain needs its own approval at Create: it is picked alone (a click on its row).
  const blocked = useCallback(
    (row: LunRow): string | undefined => {
      if (row.availability.use.kind === 'storage-domain') return t('lunDisk.lunStep.blockedStorageDomain');
      if (checked.size >= MAX_BATCH && !checked.has(row.id)) return batchFullReason();
      return undefined;
    },
    [checked],
  );
  const isCheckable = useCallback(
    (id: string) => {
      const r = data.rowById.get(id);
      return !!r && checkableRow(r);
    },
    [data.rowById],
  );
  const onCheck = useCallback(
    (row: LunRow, range: boolean) => {
      if (checked.has(row.id) && !range) {
        setBatch(checkedIds.filter((id) => id !== row.id));
      } else if (!checked.has(row.id)) {
        const add = range
          ? rangeToAdd(shownRows.map((r) => r.id), anchor, row.id, isCheckable, checked)
          : isCheckable(row.id) && checked.size < MAX_BATCH ? [row.id] : [];
        setBatch([...checkedIds, ...add]);
      }
      setAnchor(row.id);
      clearErrors('lunId');
    },
    [checked, checkedIds, setBatch, shownRows, anchor, isCheckable, clearErrors],
  );
  const selection: LunTableSelection = useMemo(() => ({ checked, onCheck, blocked }), [checked, onCheck, blocked]);
  const selectAllShown = useLatestCallback(() => {
    const add = shownRows.map((r) => r.id).filter((id) => isCheckable(id) && !checked.has(id)).slice(0, MAX_BATCH - checked.size);
    setBatch([...checkedIds, ...add]);
    clearErrors('lunId');
  });
  const clearBatch = useCallback(() => setBatch([]), [setBatch]);
  // The shown rows that could be checked, counted once per search and data set; a pick only subtracts its checked ones.
  // Keyed on the set shown, not its order: a sort does not count again.
  const shownCheckableAll = useMemo(() => {
    if (!shownSet) return counts.checkable;
    let count = 0;
    for (const r of shownSet) if (checkableRow(r)) count++;
    return count;
  }, [shownSet, counts]);
  const shownCheckable = useMemo(() => {
    let checkedShown = 0;
    for (const id of checked) {
      const r = data.rowById.get(id);
      if (r && isCheckable(id) && (shownSet ? shownSet.has(r) : true)) checkedShown++;
    }
    return shownCheckableAll - checkedShown;
  }, [shownCheckableAll, checked, data.rowById, isCheckable, shownSet]);
  const summary = batchSummary(checkedIds.map((id) => data.rowById.get(id)?.lun.lu.size));

  const rescan = useCallback(() => void invalidateAfter(queryClient, { kind: 'iscsi-login', hostId }), [queryClient, hostId]);
  const lunError = formState.errors.lunId?.message;
  const tableLabel = iscsi ? t('lunDisk.lunStep.tableLabelIscsi', { host: hostName }) : t('lunDisk.lunStep.tableLabelFcp', { host: hostName });

  let body;
  if (!hostId) {
    body = <Empty title={t('lunDisk.lunStep.noHost')}>{t('lunDisk.lunStep.noHostBody')}</Empty>;
  } else if (data.hostStorage.isPending) {
    body = (
      <div style={{ padding: '1.5rem', display: 'flex', gap: '0.75rem', alignItems: 'center' }} role="status">
        <Spinner size="lg" aria-hidden aria-valuetext={t('lunDisk.lunStep.loadingShort')} />
        <span>
          {t('lunDisk.lunStep.loading', { host: hostName })}
        </span>
      </div>
    );
  } else if (data.hostStorage.isError) {
    body = <ErrorAlert title={t('lunDisk.lunStep.loadFailed', { host: hostName })} error={data.hostStorage.error} onRetry={rescan} headingLevel="h3" />;
  } else if (data.rows.length === 0) {
    body = iscsi ? (
      <Empty
        title={t('lunDisk.lunStep.noIscsi', { host: hostName })}
        actions={onGoToTargets ? <Button variant="primary" onClick={onGoToTargets}>{t('lunDisk.lunStep.goToTargets')}</Button> : undefined}
      >
        {t('lunDisk.lunStep.noIscsiBody', { host: hostName })}
      </Empty>
    ) : (
      <Empty title={t('lunDisk.lunStep.noFcp', { host: hostName })}>
        {t('lunDisk.lunStep.noFcpBody', { host: hostName })}
      </Empty>
    );
  } else {
    body = (
      <>
        <LunToolbar
          search={view.search}
          onSearch={view.setSearch}
          iscsi={iscsi}
          grouped={grouped}
          onGrouped={view.setGrouped}
          shownColumns={shownColumns}
          onColumns={setShownColumns}
          exportDisabled={shownRows.length === 0}
          onExport={exportCsv}
          selectAllCount={shownCheckable > 0 ? Math.min(shownCheckable, MAX_BATCH - checked.size) : 0}
          selectAllDisabled={shownCheckable === 0 || checked.size >= MAX_BATCH}
          onSelectAll={selectAllShown}
          clearDisabled={checked.size === 0}
          onClear={clearBatch}
          hostName={hostName}
          rescanning={data.hostStorage.isFetching}
          onRescan={rescan}
        />
        <LunCounts counts={counts} shown={shownRows.length} search={search.trim()} />
        {/* Not inside the counts (a live region of its own): what Export CSV and Copy details did. */}
        <p role="status" style={copyNote ? { marginBottom: '0.5rem' } : undefined} data-testid="lun-export-note">
          {copyNote}
        </p>
        <p id="lun-batch-summary" aria-live="polite" data-testid="lun-batch-summary" style={{ marginBottom: '0.5rem' }}>
          <Rich
            id={checked.size >= MAX_BATCH ? 'lunDisk.lunStep.batchFull' : checked.size > 1 ? 'lunDisk.lunStep.batchSome' : 'lunDisk.lunStep.batchNone'}
            values={{ summary, reason: batchFullReason() }}
            tags={[(c) => <strong>{c}</strong>]}
          />
        </p>
        <p id="lun-table-help" className="pf-v6-screen-reader">
          {t('lunDisk.lunStep.tableHelp')}
        </p>
        {shownRows.length === 0 ? (
          <Empty title={t('lunDisk.lunStep.noMatch', { search: search.trim() })} actions={<Button variant="link" onClick={() => view.setSearch('')}>{t('lunDisk.lunStep.clearSearch')}</Button>}>
            {t('lunDisk.lunStep.noMatchBody')}
          </Empty>
        ) : (
          <LunTable
            label={tableLabel}
            items={items}
            iscsi={iscsi}
            selectedId={lunId}
            onSelect={onSelect}
            sort={view.sort}
            onSort={view.setSort}
            action={usedLunAction}
            describedBy="lun-table-help"
            onActiveChange={activeRow.set}
            shownColumns={shownColumns}
            onCopyDetails={copyDetails}
            selection={selection}
          />
        )}
        <RowDetails store={activeRow} />
      </>
    );
  }

  return (
    <section aria-labelledby="lun-step-title">
      <Title headingLevel="h2" id="lun-step-title">
        {t('lunDisk.lunStep.title')}
      </Title>
      <p style={{ margin: '0.5rem 0 1rem' }}>
        {iscsi ? t('lunDisk.lunStep.introIscsi', { host: hostName }) : t('lunDisk.lunStep.introFcp', { host: hostName })}
      </p>
      {lunError && formState.errors.lunId?.type === 'cleared' ? (
        <Alert variant="info" variantLabel={alertLabel('info')} isInline title={t('lunDisk.lunStep.pickCleared')} component="h3" style={{ marginBottom: '1rem' }}>
          {lunError}
        </Alert>
      ) : null}
      {lunError && formState.errors.lunId?.type === 'engine' ? (
        <Alert variant="danger" variantLabel={alertLabel('danger')} isInline title={t('lunDisk.lunStep.lunGone')} component="h3" style={{ marginBottom: '1rem' }} role="alert">
          {lunError}
        </Alert>
      ) : null}
      <SelectedLun row={selected} shown={selectedShown} hostName={hostName} />
      {lunError && formState.errors.lunId?.type !== 'engine' && formState.errors.lunId?.type !== 'cleared' ? (
        <HelperText style={{ marginBottom: '0.5rem' }}>
          <HelperTextItem variant="error" id="lun-error" screenReaderText={t('pf.helper.error')}>
            <span role="alert">{lunError}</span>
          </HelperTextItem>
        </HelperText>
      ) : null}
      {body}
    </section>
  );
}

function SelectedLun({ row, shown, hostName }: { row: LunRow | undefined; shown: boolean; hostName: string }) {
  // Two lines of one height each, before the first pick and after any: a pick does not move the table under the pointer
  // (a line that wrapped did, at 1280 px) — only a LUN that needs a warning below (in a storage domain, unreachable)
  // does — and the first pick changes text, not elements: inserting a block above the table re-styled the step's every
  // button (~2 ms in the pick's frame, decision 063). A line too long for the window ends in "…", whole on hover; the
  // row itself and the line under the table show it all.
  const a = row?.availability;
  const sd = a?.use.kind === 'storage-domain' ? a.use : undefined;
  const details = row ? [vendorProduct(row), row.target].filter(Boolean).join(' · ') : '';
  return (
    <div style={{ marginBottom: '1rem' }}>
      <p data-testid={row ? 'selected-lun' : undefined} className={row ? 'dlc-picked-line' : 'dlc-picked-line dlc-subtle'}>
        {row ? (
          <Rich
            id={shown ? 'lunDisk.lunStep.picked' : 'lunDisk.lunStep.pickedHidden'}
            values={{ lun: row.id, size: row.sizeText }}
            tags={[(c) => <strong>{c}</strong>, (c) => <code>{c}</code>]}
          />
        ) : (
          t('lunDisk.lunStep.nonePicked')
        )}
      </p>
      {/* The array's words and the target's name: data, not the console's text. */}
      <p className="dlc-picked-line dlc-subtle" title={details || undefined} translate="no" data-testid="selected-lun-details">
        {details}
      </p>
      {sd ? (
        <Alert variant="warning" variantLabel={alertLabel('warning')} isInline title={t('lunDisk.lunStep.inStorageDomain', { sd: sd.storageDomainName ?? sd.storageDomainId })} component="h3" style={{ marginTop: '0.5rem' }}>
          {t('lunDisk.lunStep.inStorageDomainBody', { sd: sd.storageDomainName ?? sd.storageDomainId })}
        </Alert>
      ) : null}
      {a?.unreachable ? (
        <Alert variant="warning" variantLabel={alertLabel('warning')} isInline title={t('lunDisk.lunStep.unreachable', { host: hostName })} component="h3" style={{ marginTop: '0.5rem' }}>
          {t('lunDisk.lunStep.unreachableBody', { host: hostName, paths: a.paths.total ?? 0 })}
        </Alert>
      ) : null}
    </div>
  );
}

/** The counts over the host's LUNs and the search: they change with the data and the search, not with a pick. */
const LunCounts = memo(function LunCounts({ counts, shown, search }: { counts: LunRowCounts; shown: number; search: string }) {
  return (
    <p id="lun-counts" aria-live="polite" style={{ marginBottom: '0.5rem' }}>
      <Rich
        id={search ? 'lunDisk.lunStep.countsFor' : 'lunDisk.lunStep.counts'}
        values={{ total: counts.total, available: counts.available, sd: counts.storageDomain, used: counts.used, shown, search }}
        tags={[(c) => <strong>{c}</strong>, (c) => <strong>{c}</strong>]}
      />
    </p>
  );
});

/** The row the user is on (keyboard focus or a click), whole: what a narrow cell cuts is readable here. */
function RowDetails({ store }: { store: ValueStore<LunRow | undefined> }) {
  const row = useStoredValue(store);
  return (
    <p style={{ marginTop: '0.5rem', minHeight: '1.5em', color: 'var(--pf-t--global--text--color--subtle)' }} data-testid="lun-row-details">
      {row ? lunRowSummary(row) : ''}
    </p>
  );
}
