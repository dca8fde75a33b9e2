// Alias and description of a new direct-LUN disk: the engine's rules and texts (webadmin-direct-lun.md §1.3;
// reference/engine-rest-api.md §4.6 VALIDATION_DISK_ALIAS_INVALID) and the seed's "the name (= alias) is
// filled automatically with the WWID". Pure.

import { t } from '../i18n/i18n';

/** BusinessEntitiesDefinitions.GENERAL_NAME_SIZE. */
export const ALIAS_MAX = 255;
/** DISK_DESCRIPTION_MAX_SIZE. */
export const DESCRIPTION_MAX = 500;

/** Letters of any script, digits, '.', '_' and '-' (the I18N name rule); the emulated engine checks the same. */
export const ALIAS_RE = /^[\p{L}\p{N}._-]+$/u;
/** Control characters (other than none) are what the engine's "ASCII or UTF letters" rule refuses in practice. */
const CONTROL_RE = /\p{Cc}/u;

export interface AliasRules {
  /** The engine requires an alias for a floating disk; a VM disk without one gets "<vm>_DiskN". */
  required: boolean;
}

/** What is wrong with an alias, in the engine's words, or undefined when it is fine. */
export function aliasProblem(alias: string, rules: AliasRules): string | undefined {
  if (alias.length === 0) return rules.required ? t('domain.naming.aliasRequired') : undefined;
  if (alias.length > ALIAS_MAX) return t('domain.naming.tooLong', { max: ALIAS_MAX, length: alias.length });
  if (!ALIAS_RE.test(alias)) {
    const bad = [...new Set([...alias].filter((c) => !/[\p{L}\p{N}._-]/u.test(c)))].map((c) =>
      c === ' ' ? t('domain.naming.space') : t('domain.naming.quotedChar', { char: c }),
    );
    return t('domain.naming.aliasInvalid', { bad: bad.join(', ') });
  }
  return undefined;
}

/**
 * A warning, not a refusal, when another disk already has this alias: the engine allows two disks with one alias
 * (aliases are not unique in the engine's disk validation), but the disk page finds a disk's history among the
 * engine's events by its alias (`message=*<alias>*`), so each of the two would show the other's events too.
 */
export function aliasInUseWarning(alias: string, disks: ReadonlyArray<{ id: string; alias: string }>, ownId?: string): string | undefined {
  if (!alias) return undefined;
  const other = disks.find((d) => d.alias === alias && d.id !== ownId);
  if (!other) return undefined;
  return t('domain.naming.aliasInUse', { alias });
}

export function descriptionProblem(description: string): string | undefined {
  if (description.length > DESCRIPTION_MAX) {
    return t('domain.naming.tooLong', { max: DESCRIPTION_MAX, length: description.length });
  }
  if (CONTROL_RE.test(description)) return t('domain.naming.descriptionControl');
  return undefined;
}

/** The alias a LUN suggests: its WWID, which is unique and already a valid alias (seed: "filled automatically as the WWID"). */
export function suggestedAlias(lunId: string): string {
  const cleaned = lunId.replace(/[^\p{L}\p{N}._-]/gu, '_');
  return cleaned.slice(0, ALIAS_MAX);
}

/**
 * The alias to show after the user picks another LUN: replace it only while it is empty or still the
 * previous suggestion, never what the user typed.
 */
export function aliasAfterLunChange(current: string, previousSuggestion: string | undefined, lunId: string): string {
  if (current === '' || (previousSuggestion !== undefined && current === previousSuggestion)) return suggestedAlias(lunId);
  return current;
}

/** The engine's default alias for a VM disk created without one: "<vmName>_Disk<N>" (ImagesHandler.getSuggestedDiskAlias). */
export function engineDefaultAlias(vmName: string, diskCount: number): string {
  return `${vmName}_Disk${diskCount + 1}`;
}
