// The LUN table rendered once before the LUN step, into an element of its own outside the page (decision 014,
// "Speed, fourth pass"). Next on Targets mounted the table with code the page had never run: React, PatternFly's
// table and the rows' components ran cold, and their first render took about twice as long as a later one. A
// rehearsal with the host's first rows, in an idle moment while the user is on an earlier step, runs that code once;
// nothing of it is in the page, and it is unmounted in the next idle moment.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { LunTable, type LunTableSelection } from './LunTable';
import type { LunListItem } from './lun-list';
import type { LunSort } from './lun-rows';
import { TextSet } from '../../domain/text-index';

const ignore = () => {};
const NONE: LunTableSelection = { checked: new TextSet(), onCheck: ignore, blocked: () => undefined };

/** Renders the table with `items` (a screenful: the opening list's first rows); returns the function that unmounts it. */
export function rehearseLunTable(items: readonly LunListItem[], iscsi: boolean, sort: LunSort): () => void {
  if (typeof document === 'undefined' || items.length === 0) return ignore;
  const root = createRoot(document.createElement('div'));
  flushSync(() =>
    root.render(
      <LunTable label="" items={items} iscsi={iscsi} selectedId="" onSelect={ignore} sort={sort} onSort={ignore} action={() => null} onCopyDetails={ignore} selection={NONE} />,
    ),
  );
  let mounted = true;
  // Once; and never inside another root's commit (the wizard's effect cleanup), where React refuses to unmount.
  return () => {
    if (mounted) queueMicrotask(() => root.unmount());
    mounted = false;
  };
}
