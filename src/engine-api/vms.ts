import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { VM_STATUSES, type Vm } from '../domain/model';
import { actionResponseWire } from './host-storage';
import { engineSearch, toListPage, type EngineListQuery } from './list-search';
import { sendSpec, type EngineRequestSpec } from './requests';
import { engineRequest } from './transport';
import { openEnum, wireBool, wireCollection, wireInt, wireList, wireRef } from './wire';

export const vmWire = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    // upstream-model types/VmStatus.java (15 values = VM_STATUSES, 'unknown' among them): a status a newer engine
    // adds reads as 'unknown', which every rule treats as not Up, not Down (domain/vm-status).
    status: openEnum(VM_STATUSES, 'a VM status'),
    host: wireRef.optional(),
    cluster: wireRef.optional(),
    high_availability: z.object({ enabled: wireBool.optional(), priority: wireInt.optional() }).optional(),
    // Sent only with all_content=true: upstream-model services/VmService.java Get.allContent (and VmsService List)
    // — "By default the following attributes are excluded: … virtio_scsi" — and the engine fills it only in
    // doPopulate (R/BackendVmResource.java:644-646, R/BackendVmsResource.java:929-932), which runs only when
    // isPopulate() (R/BackendResource.java:302-305: the all_content query parameter or the All-Content header).
    virtio_scsi: z.object({ enabled: wireBool.optional() }).optional(),
    placement_policy: z.object({ hosts: wireList('host', wireRef) }).optional(),
  })
  .transform(
    (w): Vm => ({
      id: w.id,
      name: w.name,
      description: w.description ?? '',
      status: w.status,
      // The engine sends host only while the VM is not down (VmMapper); never trust a stale one.
      hostId: w.status === 'down' ? undefined : w.host?.id,
      clusterId: w.cluster?.id,
      highAvailability: { enabled: w.high_availability?.enabled ?? false, priority: w.high_availability?.priority ?? 0 },
      // Not sent = not asked for (or not known): "unknown", never "disabled" (decision 044 §15 F-A).
      virtioScsiEnabled: w.virtio_scsi?.enabled,
      placementHostIds: w.placement_policy?.hosts.map((h) => h.id) ?? [],
    }),
  );

export const vmListWire = wireCollection('vm', vmWire);

export const vmKeys = {
  all: ['vms'] as const,
  lists: () => [...vmKeys.all, 'list'] as const,
  list: (search?: string) => [...vmKeys.lists(), { search }] as const,
  detail: (id: string) => [...vmKeys.all, 'detail', id] as const,
  /** The VM with all_content: under detail(id), so whatever invalidates the VM refreshes it too. */
  content: (id: string) => [...vmKeys.detail(id), 'all-content'] as const,
};

export async function listVms(search?: string, signal?: AbortSignal): Promise<Vm[]> {
  const vms = await engineRequest({ path: '/vms', query: { search }, schema: vmListWire, signal });
  return vms.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/**
 * GET /vms/{id}. `allContent` adds `all_content=true`, the only way to get the VM's `virtio_scsi` (see vmWire);
 * the model warns it costs extra queries ("Only use this parameter when required", VmService.java Get.allContent),
 * so it is asked for where a disk's interface is chosen or the flag is shown, not on polls or lists.
 */
export function getVm(id: string, signal?: AbortSignal, opts: { allContent?: boolean } = {}): Promise<Vm> {
  return engineRequest({
    path: `/vms/${encodeURIComponent(id)}`,
    query: { all_content: opts.allContent ? 'true' : undefined },
    schema: vmWire,
    signal,
  });
}

export const vmsQueryOptions = (search?: string) =>
  queryOptions({ queryKey: vmKeys.list(search), queryFn: ({ signal }) => listVms(search, signal) });

export const vmQueryOptions = (id: string) =>
  queryOptions({ queryKey: vmKeys.detail(id), queryFn: ({ signal }) => getVm(id, signal) });

/** The VM with everything the engine leaves out by default (virtio_scsi): read once, never polled. */
export const vmContentQueryOptions = (id: string) =>
  queryOptions({ queryKey: vmKeys.content(id), queryFn: ({ signal }) => getVm(id, signal, { allContent: true }) });

export type VmAction = 'start' | 'shutdown' | 'stop' | 'migrate';

export function vmActionRequest(vmId: string, action: VmAction, body: Record<string, unknown> = {}): EngineRequestSpec {
  // Action parameters go top-level, with no "action" wrapper; an empty action is "{}" (reference §1.2).
  return { method: 'POST', path: `/vms/${encodeURIComponent(vmId)}/${action}`, body };
}

export const vmActionResponseWire = actionResponseWire;

export function runVmAction(vmId: string, action: VmAction, body: Record<string, unknown> = {}, correlationId?: string) {
  return sendSpec(vmActionRequest(vmId, action, body), vmActionResponseWire, correlationId);
}

// A page of the VM list through the engine's search (engine-api/list-search.ts). One request per page.
export const vmsPageQueryOptions = (q: EngineListQuery) =>
  queryOptions({
    queryKey: [...vmKeys.lists(), 'page', q] as const,
    queryFn: async ({ signal }) => {
      const items = await engineRequest({ path: '/vms', query: { search: engineSearch(q) || undefined, max: String(q.max) }, schema: vmListWire, signal });
      return toListPage(items, q);
    },
  });
