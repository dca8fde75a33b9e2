import type { DiskInterface, Sgio } from '../../src/domain/model';
import { DISK_INTERFACES } from '../../src/domain/model';
import { EngineFault, incompleteParameters } from '../engine/messages';
import type { AttachmentInput, LunDiskInput } from '../engine/disk-rules';
import { attachExistingDisk, detachDisk, removeDisk, updateAttachment, type AttachmentUpdateInput } from '../engine/ops-attachments';
import { createFloatingLunDisk, createLunDiskOnVm } from '../engine/ops-disks';
import { attachmentJson, collection, diskJson } from '../engine/wire';
import { applyListSearch, parseListSearch } from './list-search';
import { api, bool, correlationId, int, json, obj, maxParam, queryBool, readJson, str, type ApiCtx, type EngineRef } from './context';
import { checkAdminActionGroup } from './filter';

function sgioOf(v: unknown): Sgio | 'disabled' | undefined {
  const x = str(v);
  if (x === undefined) return undefined;
  if (x === 'filtered' || x === 'unfiltered' || x === 'disabled') return x;
  throw new EngineFault(400, 'Request syntactically incorrect.', 'For correct usage, see: https://engine/ovirt-engine/apidoc#types/scsi_generic_io');
}

function interfaceOf(v: unknown): DiskInterface | undefined {
  const x = str(v);
  if (x === undefined) return undefined;
  const found = DISK_INTERFACES.find((i) => i === x);
  if (!found) throw new EngineFault(400, 'Request syntactically incorrect.', 'For correct usage, see: https://engine/ovirt-engine/apidoc#types/disk_interface');
  return found;
}

/** The `disk` object of a create request; only direct-LUN disks are emulated. */
export function parseLunDisk(disk: Record<string, unknown>): LunDiskInput {
  const lunStorage = obj(disk.lun_storage);
  const lus = obj(lunStorage?.logical_units)?.logical_unit;
  const lu = Array.isArray(lus) ? obj(lus[0]) : undefined;
  if (!lunStorage || !lu) {
    // An image disk needs a size, a format and a storage domain; the emulator stores only direct LUNs.
    throw incompleteParameters('Disk', ['provisionedSize|lunStorage', 'format', 'storageDomains'], 'add');
  }
  return {
    alias: str(disk.alias) ?? str(disk.name),
    description: str(disk.description),
    shareable: bool(disk.shareable),
    propagateErrors: bool(disk.propagate_errors),
    sgio: sgioOf(disk.sgio),
    lunType: str(lunStorage.type),
    hostId: str(obj(lunStorage.host)?.id),
    lu: {
      id: str(lu.id),
      address: str(lu.address),
      port: int(lu.port),
      target: str(lu.target),
      username: str(lu.username),
      password: str(lu.password),
    },
  };
}

/**
 * A direct-LUN disk with SCSI pass-through unfiltered (privileged SCSI I/O) also needs CONFIGURE_SCSI_GENERIC_IO
 * on System (AddDiskCommand.getPermissionCheckSubjects), an ADMIN action group: refused for a user who is not an admin.
 */
function lunDiskFor(ctx: Pick<ApiCtx, 'e' | 'request'>, disk: Record<string, unknown>): LunDiskInput {
  const input = parseLunDisk(disk);
  if (input.sgio === 'unfiltered') checkAdminActionGroup(ctx, 'bare');
  return input;
}

export function parseAttachment(body: Record<string, unknown>): AttachmentInput {
  return {
    interface: interfaceOf(body.interface),
    bootable: bool(body.bootable),
    active: bool(body.active),
    readOnly: bool(body.read_only),
    passDiscard: bool(body.pass_discard),
    usesScsiReservation: bool(body.uses_scsi_reservation),
  };
}

export function diskHandlers(engine: EngineRef) {
  return [
    ...api(engine, 'get', '/disks', ({ e, url }) => {
      // DiskConditionFieldAutoCompleter: ALIAS and NAME (both disk_alias), DESCRIPTION, DISK_TYPE (disk_storage_type:
      // image, lun, …), PROVISIONED_SIZE / SIZE, SHAREABLE, VM_NAMES, ID; the default order is
      // "disk_alias ASC, disk_id ASC" (SearchObjectAutoCompleter). A LUN disk's size is its LUN's.
      // The VMs' names per disk, built only when a vm_names term or sort needs them.
      let byDisk: Map<string, string[]> | undefined;
      const vmNamesOf = (diskId: string) => {
        if (!byDisk) {
          const vmName = new Map(e.state.vms.map((v) => [v.id, v.name]));
          byDisk = new Map();
          for (const a of e.state.attachments) {
            const n = vmName.get(a.vmId);
            if (n) byDisk.set(a.diskId, [...(byDisk.get(a.diskId) ?? []), n]);
          }
        }
        return byDisk.get(diskId) ?? [];
      };
      const q = parseListSearch(
        url.searchParams.get('search'),
        ['alias', 'name', 'description', 'disk_type', 'vm_names', 'id'],
        ['alias', 'name', 'description', 'disk_type', 'provisioned_size', 'size', 'shareable', 'vm_names'],
      );
      type D = (typeof e.state.disks)[number];
      const text = (d: D, f: string) =>
        f === 'alias' || f === 'name' ? d.alias
        : f === 'description' ? d.description
        : f === 'disk_type' ? d.kind
        : f === 'vm_names' ? vmNamesOf(d.id).join(',')
        : d.id;
      const sortKey = (d: D, f: string): string | number =>
        f === 'provisioned_size' || f === 'size' ? (d.kind === 'lun' ? d.lun.size : d.provisionedSize)
        : f === 'shareable' ? (d.shareable ? 1 : 0)
        : (text(d, f) ?? '');
      const disks = applyListSearch(e.state.disks, q, maxParam(url), { text, sortKey, defaultSort: 'alias' });
      return json(collection('disk', disks.map((d) => diskJson(e, d))));
    }),
    ...api(engine, 'post', '/disks', async (ctx) => {
      const { e, request, url } = ctx;
      const body = await readJson(request);
      const disk = await createFloatingLunDisk(e, lunDiskFor(ctx, body), correlationId(request, url));
      return json(diskJson(e, disk), 201, { Location: `${url.origin}/ovirt-engine/api/v4/disks/${disk.id}` });
    }),
    ...api(engine, 'get', '/disks/:id', ({ e, p }) => json(diskJson(e, e.disk(p('id'))))),
    ...api(engine, 'delete', '/disks/:id', ({ e, p, request, url }) => {
      removeDisk(e, p('id'), correlationId(request, url));
      return json({});
    }),
    ...api(engine, 'get', '/vms/:id/diskattachments', ({ e, p }) => {
      const vm = e.vm(p('id'));
      return json(collection('disk_attachment', e.attachmentsOfVm(vm.id).map(attachmentJson)));
    }),
    ...api(engine, 'post', '/vms/:id/diskattachments', async ({ e, p, request, url }) => {
      const body = await readJson(request);
      const disk = obj(body.disk);
      if (!disk) throw incompleteParameters('DiskAttachment', ['disk'], 'add');
      const a = parseAttachment(body);
      const corr = correlationId(request, url);
      // disk.id present: attach that disk; absent: create one (BackendDiskAttachmentsResource.add).
      const diskId = str(disk.id);
      const att = diskId
        ? await attachExistingDisk(e, p('id'), diskId, a, corr)
        : await createLunDiskOnVm(e, p('id'), lunDiskFor({ e, request }, disk), a, corr);
      return json(attachmentJson(att), 201, { Location: `${url.origin}/ovirt-engine/api/v4/vms/${att.vmId}/diskattachments/${att.diskId}` });
    }),
    ...api(engine, 'get', '/vms/:id/diskattachments/:diskId', ({ e, p }) => {
      const att = e.state.attachments.find((a) => a.vmId === p('id') && a.diskId === p('diskId'));
      if (!att) return new Response(null, { status: 404 });
      return json(attachmentJson(att));
    }),
    ...api(engine, 'put', '/vms/:id/diskattachments/:diskId', async ({ e, p, request, url }) => {
      const body = await readJson(request);
      const disk = obj(body.disk);
      const u: AttachmentUpdateInput = {
        ...parseAttachment(body),
        ...(disk
          ? {
              disk: {
                alias: str(disk.alias),
                description: str(disk.description),
                shareable: bool(disk.shareable),
                sgio: sgioOf(disk.sgio),
                propagateErrors: bool(disk.propagate_errors),
              },
            }
          : {}),
      };
      const att = await updateAttachment(e, p('id'), p('diskId'), u, correlationId(request, url));
      return json(attachmentJson(att));
    }),
    ...api(engine, 'delete', '/vms/:id/diskattachments/:diskId', async ({ e, p, request, url }) => {
      // detach_only defaults to true: false would delete the disk (reference §4.4).
      await detachDisk(e, p('id'), p('diskId'), queryBool(url, 'detach_only', true), correlationId(request, url));
      return json({});
    }),
  ];
}
