// The LUN step's toolbar: search, grouping, columns, export, the batch's "Select all shown" and "Clear selection", and
// rescan. Memoized on plain values and stable callbacks: a pick in the table (a new LUN, a new batch of one) leaves
// every prop the same, so it does not re-render PatternFly's Toolbar, SearchInput and ToggleGroup (~1.5 ms a pick,
// CPU profile, decision 054).
import { Button, SearchInput, ToggleGroup, ToggleGroupItem, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { FileExportIcon, SyncAltIcon } from '@patternfly/react-icons';
import { memo } from 'react';
import { t } from '../../i18n/i18n';
import type { LunColumnKey } from './lun-columns';
import { ManageLunColumns } from './ManageLunColumns';
import './lun-toolbar.css';

export interface LunToolbarProps {
  search: string;
  onSearch: (search: string) => void;
  iscsi: boolean;
  grouped: boolean;
  onGrouped: (grouped: boolean) => void;
  shownColumns: readonly LunColumnKey[];
  onColumns: (keys: readonly LunColumnKey[]) => void;
  /** Nothing shown to export. */
  exportDisabled: boolean;
  onExport: () => void;
  /** How many LUNs "Select all shown" would add (0: none, the button says so without a count). */
  selectAllCount: number;
  selectAllDisabled: boolean;
  onSelectAll: () => void;
  clearDisabled: boolean;
  onClear: () => void;
  hostName: string;
  rescanning: boolean;
  onRescan: () => void;
}

export const LunToolbar = memo(function LunToolbar(p: LunToolbarProps) {
  return (
    <Toolbar inset={{ default: 'insetNone' }}>
      <ToolbarContent>
        <ToolbarItem style={{ minWidth: '18rem' }}>
          <SearchInput
            aria-label={t('lunDisk.lunStep.search')}
            placeholder={t('lunDisk.lunStep.searchPlaceholder')}
            resetButtonLabel={t('lunDisk.lunStep.searchReset')}
            value={p.search}
            onChange={(_e, v) => p.onSearch(v)}
            onClear={() => p.onSearch('')}
            aria-describedby="lun-counts"
          />
        </ToolbarItem>
        <ToolbarItem>
          <span id="lun-group-label" style={{ marginRight: '0.5rem' }}>
            {t('lunDisk.lunStep.show')}
          </span>
          <ToggleGroup aria-labelledby="lun-group-label">
            <ToggleGroupItem
              text={t('lunDisk.lunStep.byTarget')}
              buttonId="lun-group-target"
              isSelected={p.grouped}
              isDisabled={!p.iscsi}
              onChange={() => p.onGrouped(true)}
              aria-describedby={p.iscsi ? undefined : 'lun-group-reason'}
            />
            <ToggleGroupItem text={t('lunDisk.lunStep.flatList')} buttonId="lun-group-flat" isSelected={!p.grouped} onChange={() => p.onGrouped(false)} />
          </ToggleGroup>
          {!p.iscsi ? (
            <span id="lun-group-reason" style={{ marginLeft: '0.5rem', color: 'var(--pf-t--global--text--color--subtle)' }}>
              {t('lunDisk.lunStep.fcpNoGroups')}
            </span>
          ) : null}
        </ToolbarItem>
        <ToolbarItem>
          <ManageLunColumns shown={p.shownColumns} onSave={p.onColumns} iscsi={p.iscsi} />
        </ToolbarItem>
        <ToolbarItem>
          <Button variant="secondary" icon={<FileExportIcon />} onClick={p.onExport} isDisabled={p.exportDisabled}>
            {t('lunDisk.lunStep.exportCsv')}
          </Button>
        </ToolbarItem>
        <ToolbarItem>
          <Button variant="secondary" className="dlc-follows-pick" onClick={p.onSelectAll} isAriaDisabled={p.selectAllDisabled} aria-describedby="lun-batch-summary">
            {p.selectAllCount > 0 ? t('lunDisk.lunStep.selectAllShownCount', { count: p.selectAllCount }) : t('lunDisk.lunStep.selectAllShown')}
          </Button>
        </ToolbarItem>
        <ToolbarItem>
          <Button variant="link" className="dlc-follows-pick" onClick={p.onClear} isAriaDisabled={p.clearDisabled}>
            {t('lunDisk.lunStep.clearSelection')}
          </Button>
        </ToolbarItem>
        <ToolbarItem>
          <Button variant="link" icon={<SyncAltIcon />} onClick={p.onRescan} isLoading={p.rescanning} isDisabled={p.rescanning}>
            {t('lunDisk.lunStep.rescan', { host: p.hostName })}
          </Button>
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );
});
