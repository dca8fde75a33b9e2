// Many LUN disks in one go (issue 14, decision 048): the batch's size cap, its running summary, range selection in
// the LUN table, and the naming pattern with its rules — each alias under the engine's alias rule (disk-naming),
// and no two disks of one batch with one alias (the engine would allow it, but the disk page finds a disk's history
// by alias, and a batch named twice alike is a slip, not a wish). Pure.
import { aliasProblem, suggestedAlias, ALIAS_MAX } from './disk-naming';
import { t } from '../i18n/i18n';
import { formatSize } from './format';
import type { TextLookup } from './text-index';

/**
 * At most 64 disks per batch: the console creates them one by one (each a job with steps the user watches), and a
 * VM has a bounded number of disk slots — VirtIO-SCSI's default controller is the widest, and a batch larger than a
 * screenful of results is no longer reviewable. 64 covers the largest RAC layouts the issue names (5–20).
 */
export const MAX_BATCH = 64;

export function batchFullReason(max = MAX_BATCH): string {
  return t('domain.batch.full', { max });
}

/** "3 LUNs selected, 1.5 TiB" (a size unknown for some LUN is said so). */
export function batchSummary(sizes: ReadonlyArray<number | undefined>): string {
  const count = sizes.length;
  if (count === 0) return t('domain.batch.noneSelected');
  const known = sizes.filter((s): s is number => s !== undefined && Number.isFinite(s));
  const total = known.reduce((a, b) => a + b, 0);
  const unknown = count - known.length;
  return unknown > 0
    ? t('domain.batch.summaryWithUnknown', { count, size: formatSize(total), unknown })
    : t('domain.batch.summary', { count, size: formatSize(total) });
}

/**
 * What a shift-click from `anchor` to `target` adds: the selectable ids between them (both included) in the order
 * shown, up to the room left in the batch. Without an anchor (or one no longer shown) only the target.
 */
export function rangeToAdd(
  shownIds: readonly string[],
  anchor: string | undefined,
  target: string,
  isSelectable: (id: string) => boolean,
  already: TextLookup,
  max = MAX_BATCH,
): string[] {
  const t = shownIds.indexOf(target);
  const a = anchor === undefined ? -1 : shownIds.indexOf(anchor);
  const span = a < 0 || t < 0 ? [target] : shownIds.slice(Math.min(a, t), Math.max(a, t) + 1);
  const room = Math.max(0, max - already.size);
  return span.filter((id) => isSelectable(id) && !already.has(id)).slice(0, room);
}

/** How the disks of a batch are named: the LUN ID (as a single disk is), or a prefix with a number. */
export type NamePattern = { kind: 'lun-id' } | { kind: 'prefix'; prefix: string; start: number; digits: number };

/** The alias the pattern gives the disk at `index` (0-based) made from `lunId`: `rac-data-01`, `rac-data-02`… */
export function patternAlias(p: NamePattern, index: number, lunId: string): string {
  if (p.kind === 'lun-id') return suggestedAlias(lunId);
  return `${p.prefix}${String(p.start + index).padStart(p.digits, '0')}`.slice(0, ALIAS_MAX);
}

/** The digits a prefix pattern needs so that every number of the batch has the same width (at least 2: `-01`). */
export function digitsFor(start: number, count: number): number {
  return Math.max(2, String(start + Math.max(0, count - 1)).length);
}

/** The aliases of a batch: the pattern's, with the user's own edits (by LUN ID) in their place. */
export function batchAliases(lunIds: readonly string[], p: NamePattern, edits: Readonly<Record<string, string>>): string[] {
  return lunIds.map((id, i) => edits[id] ?? patternAlias(p, i, id));
}

/**
 * What is wrong with each alias of the batch (by position), or undefined: the engine's alias rule (required — a
 * batch always names its disks; left to the engine, twenty disks of one VM would be told apart by a counter only),
 * then a duplicate within the batch, naming the other disk.
 */
export function batchAliasProblems(aliases: readonly string[], lunIds: readonly string[]): Array<string | undefined> {
  const first = new Map<string, number>();
  return aliases.map((alias, i) => {
    const rule = aliasProblem(alias, { required: true });
    if (rule) return rule;
    const seen = first.get(alias);
    if (seen !== undefined) return t('domain.batch.duplicateAlias', { n: seen + 1, lun: lunIds[seen] ?? '?', alias });
    first.set(alias, i);
    return undefined;
  });
}

/** A prefix pattern's own problem and which part it is in (the prefix or the first number), or undefined. */
export function prefixPatternProblem(prefix: string, start: number): { part: 'prefix' | 'start'; message: string } | undefined {
  if (prefix === '') return { part: 'prefix', message: t('domain.batch.prefixRequired') };
  if (!Number.isInteger(start) || start < 0) return { part: 'start', message: t('domain.batch.startInvalid') };
  const rule = aliasProblem(`${prefix}${start}`, { required: true });
  return rule ? { part: 'prefix', message: rule } : undefined;
}

/** A prefix pattern's own problem (the prefix must make valid aliases), or undefined. */
export function prefixProblem(prefix: string, start: number): string | undefined {
  return prefixPatternProblem(prefix, start)?.message;
}
