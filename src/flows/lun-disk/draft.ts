// How each value of the LUN-disk form is read back from a draft (src/ui/form-draft.ts): by its type, not by the
// step's rules — a draft holds whatever the user had typed, valid or not yet.
import { z } from 'zod';
import { DISK_INTERFACES, LUN_STORAGE_TYPES } from '../../domain/model';
import type { DraftFields } from '../../ui/form-draft';
import type { LunDiskFormValues } from './form';

export const LUN_DISK_DRAFT_FIELDS: DraftFields<LunDiskFormValues> = {
  interface: z.enum(DISK_INTERFACES),
  bootable: z.boolean(),
  sharable: z.boolean(),
  readOnly: z.boolean(),
  passthrough: z.boolean(),
  privilegedIo: z.boolean(),
  scsiReservation: z.boolean(),
  passDiscard: z.boolean(),
  propagateErrors: z.boolean(),
  activate: z.boolean(),
  dataCenterId: z.string(),
  hostId: z.string(),
  storageType: z.enum(LUN_STORAGE_TYPES),
  address: z.string(),
  port: z.string(),
  chapUsername: z.string(),
  // Never saved (docs/decisions/003), so never read back.
  chapPassword: undefined,
  discovered: z.array(z.object({ iqn: z.string(), portals: z.array(z.object({ address: z.string(), port: z.number(), tpgt: z.number().optional() })) })),
  logins: z.array(
    z.object({ hostId: z.string(), iqn: z.string(), ok: z.boolean(), message: z.string().optional(), chapUsername: z.string().optional() }),
  ),
  lunId: z.string(),
  lunIds: z.array(z.string()).max(64),
  aliasSuggestion: z.string(),
  alias: z.string(),
  description: z.string(),
  namePattern: z.enum(['lun-id', 'prefix']),
  namePrefix: z.string(),
  nameStart: z.string(),
  aliasEdits: z.record(z.string(), z.string()),
  approveStorageDomain: z.boolean(),
};
