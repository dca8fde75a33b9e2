import { afterEach, describe, expect, it, vi } from 'vitest';
import { manyHostLuns } from '../../test/host-luns';
import { toListItems } from './lun-list';
import { buildLunRows } from './lun-rows';
import { rehearseLunTable } from './rehearse-lun-table';

const luns = manyHostLuns(40);
const rows = buildLunRows(luns, 'iscsi', { hostName: 'h1', disk: () => undefined, vmNamesOfDisk: () => [], storageDomainName: () => undefined });
const sort = { key: 'id', direction: 'asc' } as const;

afterEach(() => vi.restoreAllMocks());

describe('rehearseLunTable', () => {
  it('renders the table outside the page (no row, no grid in the document) and unmounts it once, however often asked', async () => {
    const errors = vi.spyOn(console, 'error');
    const rendered: Element[] = [];
    const create = document.createElement.bind(document);
    vi.spyOn(document, 'createElement').mockImplementation((tag: string, opts?: ElementCreationOptions) => {
      const el = create(tag, opts);
      if (tag === 'div') rendered.push(el);
      return el;
    });
    const unmount = rehearseLunTable(toListItems(rows, false).slice(0, 16), true, sort);
    const host = rendered[0];
    expect(host?.isConnected).toBe(false);
    expect(host?.querySelectorAll('tr[data-lun-id]')).toHaveLength(16);
    expect(document.querySelector('tr[data-lun-id], [role="grid"]')).toBeNull();
    unmount();
    unmount();
    await Promise.resolve();
    expect(host?.querySelectorAll('tr[data-lun-id]')).toHaveLength(0);
    expect(errors).not.toHaveBeenCalled();
  });

  it('does nothing for an empty list', () => {
    const unmount = rehearseLunTable([], false, sort);
    expect(() => unmount()).not.toThrow();
  });
});
