// The LUN-disk steps' form: one react-hook-form form for the whole wizard, one zod schema per step; "Next"
// validates the step (conventions.md, "Forms and wizards"). Shared by the Add disk wizard and, for "Create from
// LUN", by the Attach wizard: both put these values in their own form.
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { z } from 'zod';
import { aliasProblem, descriptionProblem } from '../../domain/disk-naming';
import { defaultDiskOptions, type DiskOptionValues, type DiskOptionVm } from '../../domain/disk-options';
import type { LunStorageType } from '../../domain/model';
import { t } from '../../i18n/i18n';

export type LunDiskStepId = 'source' | 'targets' | 'lun' | 'disk' | 'review';
export const LUN_DISK_STEPS: readonly LunDiskStepId[] = ['source', 'targets', 'lun', 'disk', 'review'];

/** A target found by discovery, with every portal it was found behind. */
export interface DiscoveredTargetEntry {
  iqn: string;
  /** `tpgt`: the portal group tag discovery reported ("ip:port,tpgt"), sent back at login; absent from old engines. */
  portals: Array<{ address: string; port: number; tpgt?: number | undefined }>;
}

/** The outcome of logging a host in to a target (per host: another host's logins say nothing about this one). */
export interface TargetLoginResult {
  hostId: string;
  iqn: string;
  ok: boolean;
  message?: string | undefined;
  /** The CHAP user the login used, if any (never the password). */
  chapUsername?: string | undefined;
}

/** The disk's options (interface, bootable, …, activate) are domain/disk-options' DiskOptionValues. */
export interface LunDiskFormValues extends DiskOptionValues {
  // Source
  dataCenterId: string;
  hostId: string;
  storageType: LunStorageType;
  // Targets (iSCSI)
  address: string;
  port: string;
  chapUsername: string;
  /** Never saved in a draft (docs/decisions/003). */
  chapPassword: string;
  discovered: DiscoveredTargetEntry[];
  logins: TargetLoginResult[];
  // LUN
  /** The LUN picked; in a batch, the first of `lunIds` (the one-LUN rules read it). */
  lunId: string;
  /**
   * The LUNs checked for a batch, in the order checked (decision 048). Empty or one LUN: the single-disk flow,
   * as before; two or more: one disk per LUN, with the options once for all and the names by `namePattern`.
   */
  lunIds: string[];
  // Disk
  /** The alias last filled in from a LUN ID, so picking another LUN replaces it but never what the user typed. */
  aliasSuggestion: string;
  alias: string;
  description: string;
  /** A batch's names: the LUN ID (default), or `namePrefix` with a number from `nameStart`. */
  namePattern: 'lun-id' | 'prefix';
  namePrefix: string;
  nameStart: string;
  /** A batch's aliases the user typed over the pattern's, by LUN ID. */
  aliasEdits: Record<string, string>;
  // Review
  approveStorageDomain: boolean;
}

/** Fields that never leave memory. */
export const SECRET_FIELDS = ['chapPassword'] as const satisfies ReadonlyArray<keyof LunDiskFormValues>;

export function lunDiskDefaults(vm: DiskOptionVm | undefined): LunDiskFormValues {
  return {
    ...defaultDiskOptions(vm),
    dataCenterId: '',
    hostId: '',
    storageType: 'iscsi',
    address: '',
    port: '3260',
    chapUsername: '',
    chapPassword: '',
    discovered: [],
    logins: [],
    lunId: '',
    lunIds: [],
    aliasSuggestion: '',
    alias: '',
    description: '',
    namePattern: 'lun-id',
    namePrefix: '',
    nameStart: '1',
    aliasEdits: {},
    approveStorageDomain: false,
  };
}

// ---- rules of single fields ---------------------------------------------------------------------------------

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function isIpv6(a: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(a) || !a.includes(':')) return false;
  // One "::" at most; at most 8 groups of 1–4 hex digits (an IPv4 tail counts as two).
  if ((a.match(/::/g) ?? []).length > 1 || a.includes(':::')) return false;
  // A lone ':' may not open or close the address ("::" may).
  if ((a.startsWith(':') && !a.startsWith('::')) || (a.endsWith(':') && !a.endsWith('::'))) return false;
  const groups = a.split(':');
  const last = groups.at(-1) ?? '';
  const v4Tail = last.includes('.');
  if (v4Tail && !IPV4.test(last)) return false;
  const hex = (v4Tail ? groups.slice(0, -1) : groups).filter((g) => g !== '');
  if (!hex.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = hex.length + (v4Tail ? 2 : 0);
  return a.includes('::') ? count < 8 : count === 8;
}

/** A portal address: a host name, an IPv4 address, or an IPv6 address (bare or in brackets). */
export function isPortalAddress(raw: string): boolean {
  const a = raw.trim();
  const bracketed = /^\[(.*)\]$/.exec(a);
  if (bracketed?.[1] !== undefined) return isIpv6(bracketed[1]);
  // Digits and dots only must be a valid IPv4 address, not a "host name" like 10.35.1.
  if (/^[\d.]+$/.test(a)) return IPV4.test(a);
  return IPV4.test(a) || isIpv6(a) || HOSTNAME.test(a);
}

/** The address as the engine wants it: trimmed, IPv6 without brackets. */
export function normalisePortalAddress(raw: string): string {
  return raw.trim().replace(/^\[(.*)\]$/, '$1');
}

const addressRule = z.string().refine((v) => v.trim() === '' || isPortalAddress(v), { error: () => t('lunDisk.form.addressHelp') });
const portRule = z
  .string()
  .trim()
  .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535, { error: () => t('lunDisk.form.port') });

export function portNumber(v: string): number {
  return Number(v.trim());
}

// ---- one schema per step --------------------------------------------------------------------------------------

export interface LunDiskSchemaContext {
  /** True for a disk created for a VM (then the data center is the VM's). */
  forVm: boolean;
}

export const sourceSchema = (c: LunDiskSchemaContext) =>
  z.object({
    dataCenterId: c.forVm ? z.string() : z.string().min(1, { error: () => t('lunDisk.form.dataCenter') }),
    hostId: z.string().min(1, { error: () => t('lunDisk.form.host') }),
    storageType: z.enum(['iscsi', 'fcp']),
  });

/** While typing in the discovery fields: formats only (an empty address is fine until Discover). */
export const targetsSchema = z.object({ address: addressRule, port: portRule });

/** On Discover: an address is needed, and CHAP is both or neither. */
export const discoverSchema = z
  .object({
    address: addressRule.refine((v) => v.trim() !== '', { error: () => t('lunDisk.form.addressRequired') }),
    port: portRule,
    chapUsername: z.string(),
    chapPassword: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.chapUsername.trim() && !v.chapPassword) {
      ctx.addIssue({ code: 'custom', path: ['chapPassword'], message: t('lunDisk.form.chapPasswordToo') });
    }
    if (!v.chapUsername.trim() && v.chapPassword) {
      ctx.addIssue({ code: 'custom', path: ['chapUsername'], message: t('lunDisk.form.chapUsernameToo') });
    }
  });

export const lunSchema = z.object({ lunId: z.string().min(1, { error: () => t('lunDisk.form.lun') }) });

/** The LUNs of the batch the form holds: `lunIds` when two or more are checked, else the one picked (or none). */
export function batchLunIds(v: Pick<LunDiskFormValues, 'lunId' | 'lunIds'>): string[] {
  if (v.lunIds.length > 1) return v.lunIds;
  return v.lunId ? [v.lunId] : [];
}

/** Two or more LUNs: the batch flow (decision 048). */
export function isBatch(v: Pick<LunDiskFormValues, 'lunIds'>): boolean {
  return v.lunIds.length > 1;
}

export const diskSchema = (c: LunDiskSchemaContext) =>
  z.object({
    alias: z.string().superRefine((v, ctx) => {
      const p = aliasProblem(v, { required: !c.forVm });
      if (p) ctx.addIssue({ code: 'custom', message: p });
    }),
    description: z.string().superRefine((v, ctx) => {
      const p = descriptionProblem(v);
      if (p) ctx.addIssue({ code: 'custom', message: p });
    }),
  });

export function schemaForStep(step: LunDiskStepId, c: LunDiskSchemaContext): z.ZodType {
  switch (step) {
    case 'source':
      return sourceSchema(c);
    case 'targets':
      return targetsSchema;
    case 'lun':
      return lunSchema;
    case 'disk':
      return diskSchema(c);
    default:
      return z.object({});
  }
}

/** Zod issues → react-hook-form errors (flat field names), first message per field. */
export function issuesToErrors<T extends FieldValues>(error: z.ZodError): FieldErrors<T> {
  const errors: Record<string, { type: string; message: string }> = {};
  for (const issue of error.issues) {
    const name = issue.path.map(String).join('.');
    if (name && !errors[name]) errors[name] = { type: issue.code, message: issue.message };
  }
  return errors as FieldErrors<T>;
}

/** A resolver for the step on screen: fields of other steps are not judged until their step is. */
export function stepResolver<T extends FieldValues>(schema: z.ZodType): Resolver<T> {
  return (values) => {
    const r = schema.safeParse(values);
    if (r.success) return { values, errors: {} };
    return { values: {}, errors: issuesToErrors<T>(r.error) };
  };
}
