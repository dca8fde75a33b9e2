// The LUN table's view store as the LUN step reads it: values follow the store; the setters stay the same functions,
// so the memoized toolbar and table header do not re-render on a keystroke (decision 055).
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createLunTableViewStore, useLunTableView } from './data';

describe('useLunTableView', () => {
  it('follows the store, and keeps its setters across changes', () => {
    const store = createLunTableViewStore();
    const { result } = renderHook(() => useLunTableView(store));
    const first = result.current;
    act(() => first.setSearch('flash'));
    expect(result.current.search).toBe('flash');
    act(() => result.current.setSort({ key: 'size', direction: 'desc' }));
    act(() => result.current.setGrouped(false));
    expect(result.current).toMatchObject({ search: 'flash', sort: { key: 'size', direction: 'desc' }, grouped: false });
    expect(result.current).not.toBe(first);
    expect(result.current.setSearch).toBe(first.setSearch);
    expect(result.current.setSort).toBe(first.setSort);
    expect(result.current.setGrouped).toBe(first.setGrouped);
  });
});
