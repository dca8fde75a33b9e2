// The LUN table's checkbox column for a batch (decision 048): a used LUN's checkbox is disabled with its reason, a
// full batch disables the next one with the cap's reason, and a Shift-click asks for a range.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MAX_BATCH, batchFullReason } from '../../domain/lun-batch';
import { manyHostLuns } from '../../test/host-luns';
import { LunTable } from './LunTable';
import { toListItems } from './lun-list';
import { buildLunRows, type LunRow } from './lun-rows';

const luns = manyHostLuns(80);
// LUN 1 backs disk d1 (the host's LUN list names the disk that uses it).
const used = luns[1];
if (used) used.lu.diskId = 'd1';
const rows = buildLunRows(luns, 'iscsi', {
  hostName: 'h1',
  disk: (id) => (id === 'd1' ? { id: 'd1', alias: 'oracle-redo', sharable: false } : undefined),
  vmNamesOfDisk: () => [],
  storageDomainName: () => undefined,
});

function renderTable(checked: Set<string>, onCheck = vi.fn()) {
  const blocked = (row: LunRow) => (checked.size >= MAX_BATCH && !checked.has(row.id) ? batchFullReason() : undefined);
  render(
    <LunTable
      label="LUNs"
      items={toListItems(rows, false)}
      iscsi
      selectedId=""
      onSelect={vi.fn()}
      sort={{ key: 'id', direction: 'asc' }}
      onSort={vi.fn()}
      selection={{ checked, onCheck, blocked }}
    />,
  );
  return onCheck;
}
const box = (i: number) => screen.getByRole('checkbox', { name: new RegExp(`^Select LUN ${luns[i]?.id ?? ''} for the batch`) });

describe('LunTable batch selection', () => {
  it('a used LUN stays listed with its checkbox disabled and the reason in its name', () => {
    renderTable(new Set());
    expect(box(1)).toBeDisabled();
    expect(box(1)).toHaveAccessibleName(/not possible: .*oracle-redo/);
    expect(box(0)).toBeEnabled();
  });

  it('with 64 LUNs checked, a 65th checkbox is disabled and says why; the checked ones can still be unchecked', () => {
    const checked = new Set(luns.slice(10, 10 + MAX_BATCH).map((l) => l.id));
    renderTable(checked);
    expect(box(0)).toBeDisabled();
    expect(box(0)).toHaveAccessibleName(`Select LUN ${luns[0]?.id ?? ''} for the batch (not possible: ${batchFullReason()})`);
    expect(box(10)).toBeEnabled();
    expect(box(10)).toBeChecked();
  });

  it('a click checks one LUN; with Shift it asks for a range', async () => {
    const user = userEvent.setup();
    const onCheck = renderTable(new Set());
    await user.click(box(0));
    expect(onCheck).toHaveBeenLastCalledWith(expect.objectContaining({ id: luns[0]?.id }), false);
    await user.keyboard('{Shift>}');
    await user.click(box(4));
    await user.keyboard('{/Shift}');
    expect(onCheck).toHaveBeenLastCalledWith(expect.objectContaining({ id: luns[4]?.id }), true);
  });
});
