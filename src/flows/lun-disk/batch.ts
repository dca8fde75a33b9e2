// The batch the LUN-disk form holds (decision 048): its LUNs, the aliases the naming pattern and the user's edits
// give them, and what is wrong with each — read from the form values, never kept twice.
import { batchAliasProblems, batchAliases, digitsFor, prefixPatternProblem, type NamePattern } from '../../domain/lun-batch';
import { batchLunIds, type LunDiskFormValues } from './form';

export interface BatchDisk {
  lunId: string;
  alias: string;
  /** Why this alias cannot be used (the engine's alias rule, or a duplicate within the batch), or undefined. */
  problem: string | undefined;
}

type NameValues = Pick<LunDiskFormValues, 'lunId' | 'lunIds' | 'namePattern' | 'namePrefix' | 'nameStart' | 'aliasEdits'>;

function startOf(v: NameValues): number {
  return /^\d+$/.test(v.nameStart.trim()) ? Number(v.nameStart.trim()) : Number.NaN;
}

export function namePatternOf(v: NameValues): NamePattern {
  const ids = batchLunIds(v);
  if (v.namePattern !== 'prefix') return { kind: 'lun-id' };
  const start = startOf(v);
  const s = Number.isFinite(start) ? start : 1;
  return { kind: 'prefix', prefix: v.namePrefix.trim(), start: s, digits: digitsFor(s, ids.length) };
}

/** The prefix pattern's own problem (shown on the prefix or first-number field), or undefined. */
export function patternProblem(v: NameValues): { field: 'namePrefix' | 'nameStart'; message: string } | undefined {
  if (v.namePattern !== 'prefix') return undefined;
  const start = startOf(v);
  // Which field the message goes next to is the rule's to say, never read from its words (they are translated).
  const p = prefixPatternProblem(v.namePrefix.trim(), Number.isFinite(start) ? start : -1);
  if (!p) return undefined;
  return { field: p.part === 'start' ? 'nameStart' : 'namePrefix', message: p.message };
}

export function batchDisks(v: NameValues): BatchDisk[] {
  const ids = batchLunIds(v);
  const aliases = batchAliases(ids, namePatternOf(v), v.aliasEdits).map((a) => a.trim());
  const problems = batchAliasProblems(aliases, ids);
  return ids.map((lunId, i) => ({ lunId, alias: aliases[i] ?? '', problem: problems[i] }));
}

/** The id of a batch alias field (for its label, its error and the focus on Next). */
export function aliasFieldId(index: number): string {
  return `batch-alias-${index}`;
}
