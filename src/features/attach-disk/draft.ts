// How each value of the Attach wizard's form is read back from a draft (src/ui/form-draft.ts): the LUN-disk
// steps' own values, then the VM, the mode, the disks and their options.
import { z } from 'zod';
import { DISK_INTERFACES } from '../../domain/model';
import { LUN_DISK_DRAFT_FIELDS } from '../../flows/lun-disk/draft';
import type { DraftFields } from '../../ui/form-draft';
import type { AttachFormValues } from './form';

export const ATTACH_DRAFT_FIELDS: DraftFields<AttachFormValues> = {
  ...LUN_DISK_DRAFT_FIELDS,
  vmId: z.string(),
  mode: z.enum(['existing', 'create']),
  diskIds: z.array(z.string()),
  choices: z.record(z.string(), z.object({ interface: z.enum(DISK_INTERFACES), bootable: z.boolean(), readOnly: z.boolean(), activate: z.boolean() })),
};
