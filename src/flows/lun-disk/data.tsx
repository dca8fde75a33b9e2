// What the LUN-disk steps read from the engine, loaded once by the wizard that hosts them and shared through a
// context: data centers, hosts, the VM (for a VM disk), the LUNs the chosen host sees with their availability,
// and who uses which disk. The wizard also validates steps with it (a step's rules can need engine data).
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { clustersQueryOptions, dataCentersQueryOptions } from '../../engine-api/data-centers';
import { attachmentsByDisk, attachmentsQueryOptions, vmsWithAttachmentsQueryOptions } from '../../engine-api/disk-attachments';
import { disksQueryOptions } from '../../engine-api/disks';
import { hostStorageQueryOptions } from '../../engine-api/host-storage';
import { hostsQueryOptions } from '../../engine-api/hosts';
import { storageDomainsQueryOptions } from '../../engine-api/storage-domains';
import { vmContentQueryOptions } from '../../engine-api/vms';
import type { AvailabilityContext } from '../../domain/lun-availability';
import { KeyedItems } from '../../domain/text-index';
import type { DataCenter, Disk, DiskAttachment, Host, HostLun, LunStorageType, Vm } from '../../domain/model';
import { buildLunRows, type LunRow, type LunSort } from './lun-rows';
import { t } from '../../i18n/i18n';

export interface LunDiskData {
  /** Set when the disk is created for a VM. */
  vmId: string | undefined;
  vm: UseQueryResult<Vm>;
  vmAttachments: UseQueryResult<DiskAttachment[]>;
  dataCenters: UseQueryResult<DataCenter[]>;
  hosts: UseQueryResult<Host[]>;
  /** Data center of a host (through its cluster). */
  dataCenterOfHost: (h: Host) => string | undefined;
  /** The VM's data center, for a VM disk. */
  vmDataCenterId: string | undefined;
  disks: UseQueryResult<Disk[]>;
  hostStorage: UseQueryResult<HostLun[]>;
  /** LUNs of the chosen storage type the chosen host sees, with availability (empty while loading). */
  rows: LunRow[];
  /** The rows by LUN ID (not a Map: its 50,000 keys would sit in V8's string table, decision 065). */
  rowById: KeyedItems<LunRow>;
  host: Host | undefined;
  hostName: (id: string | undefined) => string;
  /** The alias of the VM's bootable disk, if it has one (one bootable disk per VM). */
  vmBootableAlias: string | undefined;
}

export function useLunDiskData(args: { vmId: string | undefined; hostId: string; storageType: LunStorageType }): LunDiskData {
  const { vmId, hostId, storageType } = args;
  const dataCenters = useQuery(dataCentersQueryOptions());
  const clusters = useQuery(clustersQueryOptions());
  const hosts = useQuery(hostsQueryOptions());
  // With all_content: the disk's default interface and VirtIO-SCSI's availability need the VM's virtio_scsi.
  const vm = useQuery({ ...vmContentQueryOptions(vmId ?? ''), enabled: !!vmId });
  const vmAttachments = useQuery({ ...attachmentsQueryOptions(vmId ?? ''), enabled: !!vmId });
  const disks = useQuery(disksQueryOptions());
  const usage = useQuery(vmsWithAttachmentsQueryOptions());
  const domains = useQuery(storageDomainsQueryOptions());
  // The device list is a full multipath scan on the host (webadmin-direct-lun.md §6): keep it for a while and
  // refresh it on purpose (after logins, after a conflict), not on every step change.
  const hostStorage = useQuery({ ...hostStorageQueryOptions(hostId), enabled: !!hostId, staleTime: 60_000 });

  const dcOfCluster = useMemo(() => new Map((clusters.data ?? []).map((c) => [c.id, c.dataCenterId])), [clusters.data]);
  const dataCenterOfHost = useMemo(() => (h: Host) => (h.clusterId ? dcOfCluster.get(h.clusterId) : undefined), [dcOfCluster]);
  const vmDataCenterId = vm.data?.clusterId ? dcOfCluster.get(vm.data.clusterId) : undefined;
  const host = hosts.data?.find((h) => h.id === hostId);
  const hostName = useMemo(
    () => (id: string | undefined) => hosts.data?.find((h) => h.id === id)?.name ?? id ?? '',
    [hosts.data],
  );

  const availabilityContext = useMemo((): AvailabilityContext => {
    const diskById = new Map((disks.data ?? []).map((d) => [d.id, d]));
    const byDisk = usage.data ? attachmentsByDisk(usage.data) : new Map<string, Array<{ vm: Vm }>>();
    const sdById = new Map((domains.data ?? []).map((s) => [s.id, s.name]));
    return {
      hostName: host?.name ?? t('lunDisk.thisHost'),
      disk: (id) => {
        const d = diskById.get(id);
        return d ? { id: d.id, alias: d.alias, sharable: d.sharable } : undefined;
      },
      vmNamesOfDisk: (id) => (byDisk.get(id) ?? []).map((x) => x.vm.name),
      storageDomainName: (id) => sdById.get(id),
    };
  }, [disks.data, usage.data, domains.data, host?.name]);

  const rows = useMemo(
    () => buildLunRows(hostStorage.data ?? [], storageType, availabilityContext),
    [hostStorage.data, storageType, availabilityContext],
  );
  const rowById = useMemo(() => new KeyedItems(rows, (r) => r.id), [rows]);

  const vmBootableAlias = useMemo(() => {
    const boot = vmAttachments.data?.find((a) => a.bootable);
    if (!boot) return undefined;
    return disks.data?.find((d) => d.id === boot.diskId)?.alias ?? boot.diskId;
  }, [vmAttachments.data, disks.data]);

  return {
    vmId,
    vm,
    vmAttachments,
    dataCenters,
    hosts,
    dataCenterOfHost,
    vmDataCenterId,
    disks,
    hostStorage,
    rows,
    rowById,
    host,
    hostName,
    vmBootableAlias,
  };
}

/** How the LUN table is shown: the search, the sort, grouped by target (iSCSI) or a flat list. */
export interface LunTableViewState {
  search: string;
  sort: LunSort;
  grouped: boolean;
}

/**
 * The view, kept outside React state by the wizard (so leaving the step and coming back keeps it) and read by the
 * LUN step (useLunTableView): a keystroke in the search or a sort re-renders the step, not the whole wizard — the
 * wizard, its navigation and footer re-rendered on every keystroke when this was the wizard's state.
 */
export interface LunTableViewStore {
  get: () => LunTableViewState;
  set: (change: Partial<LunTableViewState>) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createLunTableViewStore(): LunTableViewStore {
  // Available LUNs first: that is what the user came for; used ones stay listed below them.
  let state: LunTableViewState = { search: '', sort: { key: 'status', direction: 'asc' }, grouped: true };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set: (change) => {
      state = { ...state, ...change };
      for (const l of [...listeners]) l();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Grouped by target: iSCSI only (Fibre Channel LUNs have no target), when the user has not chosen the flat list. */
export function groupedByTarget(view: Pick<LunTableViewState, 'grouped'>, storageType: LunStorageType): boolean {
  return storageType === 'iscsi' && view.grouped;
}

/** The view as the LUN step uses it: its values, and setters. */
export interface LunTableView extends LunTableViewState {
  setSearch: (s: string) => void;
  setSort: (s: LunSort) => void;
  setGrouped: (g: boolean) => void;
}

export function useLunTableView(store: LunTableViewStore): LunTableView {
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);
  // The setters are the same functions for the store's life: passed to the memoized toolbar and table header, a
  // keystroke does not re-render the header's cells (PatternFly's Th) through a new onSort.
  const setters = useMemo(
    () => ({
      setSearch: (search: string) => store.set({ search }),
      setSort: (sort: LunSort) => store.set({ sort }),
      setGrouped: (grouped: boolean) => store.set({ grouped }),
    }),
    [store],
  );
  return useMemo(() => ({ ...state, ...setters }), [state, setters]);
}

export interface LunDiskEnvironment {
  data: LunDiskData;
  view: LunTableViewStore;
  /**
   * What a used LUN's row offers: "Attach disk X instead" for a VM, "Go to disk X" for a floating disk. The
   * wizard decides (the attach itself belongs to the wizard that hosts the steps).
   */
  usedLunAction?: ((row: LunRow, tabbable: boolean) => ReactNode) | undefined;
  /** The form was filled from a saved draft (then the CHAP password, never saved, must be typed again). */
  restoredDraft?: boolean | undefined;
}

const LunDiskContext = createContext<LunDiskEnvironment | undefined>(undefined);

export function LunDiskProvider({ value, children }: { value: LunDiskEnvironment; children: ReactNode }) {
  return <LunDiskContext.Provider value={value}>{children}</LunDiskContext.Provider>;
}

export function useLunDisk(): LunDiskEnvironment {
  const v = useContext(LunDiskContext);
  if (!v) throw new Error('useLunDisk outside LunDiskProvider');
  return v;
}
