// What a VM needs connected on the host that runs it, the scheduler's order of hosts, and asking one host to
// connect it all (docs/design.md §5, the seed's "Run VM" and "Migration"). Used by Run (ops-vm-run.ts), the HA
// restart and the migration (ops-vms.ts).
import { holders } from './connection-refs';
import type { Engine } from './engine';
import { connectLun, connectionsOf, portalLabel } from './ops-storage';
import type { EmConnection, EmHost, EmVm } from './state';

export interface Requirement {
  /** What needs it, in words: "disk test01-backup", "storage domain data1". */
  label: string;
  /** What has to be connected, in words: "iqn…:array-b.backup at 10.35.2.90:3260", "FC LUN 3600a…". */
  targets: string;
  lun: { id: string; type: 'iscsi' | 'fcp' };
  conns: EmConnection[];
  /** The hold a running VM keeps on the host that runs it; storage domains hold their own (`sdHolder`). */
  keepHolder?: string | undefined;
  sdHolder?: string | undefined;
}

function targetsText(lun: { id: string; type: 'iscsi' | 'fcp' }, conns: readonly EmConnection[]): string {
  if (lun.type === 'fcp') return `FC LUN ${lun.id}`;
  return [...new Set(conns.map((c) => `${c.target} at ${portalLabel(c)}`))].join(' and ');
}

/**
 * Everything a VM needs connected on the host that runs it: its plugged LUN disks and the block storage domains
 * of its plugged image disks. An unplugged disk is not needed to run, so it holds nothing (it connects when it
 * is plugged, seed "Hot plug").
 */
export function requiredConnections(e: Engine, vm: EmVm): Requirement[] {
  const out: Requirement[] = [];
  const domains = new Set<string>();
  for (const att of e.attachmentsOfVm(vm.id)) {
    if (!att.active) continue;
    const disk = e.findDisk(att.diskId);
    if (!disk) continue;
    if (disk.kind === 'image') {
      domains.add(disk.storageDomainId);
      continue;
    }
    const conns = connectionsOf(e, disk);
    out.push({
      label: `disk ${disk.alias}`,
      targets: targetsText(disk.lun, conns),
      lun: disk.lun,
      conns,
      keepHolder: holders.vmDisk(vm.id, disk.id),
    });
  }
  for (const sdId of domains) {
    const sd = e.state.storageDomains.find((s) => s.id === sdId);
    if (!sd || sd.storageType === 'nfs') continue;
    const conns = sd.connectionIds.map((id) => e.state.connections.find((c) => c.id === id)).filter((c): c is EmConnection => !!c);
    const firstLun = sd.lunIds[0];
    if (!firstLun) continue;
    const lun = { id: firstLun, type: sd.storageType === 'fcp' ? ('fcp' as const) : ('iscsi' as const) };
    out.push({ label: `storage domain ${sd.name}`, targets: targetsText(lun, conns), lun, conns, sdHolder: holders.storageDomain(sd.id) });
  }
  return out;
}

function runningVmCount(e: Engine, hostId: string): number {
  return e.state.vms.filter((v) => v.hostId === hostId && v.status !== 'down').length;
}

/** The scheduler's order: the VM's preferred (placement) hosts first, then the least loaded, then by name. */
export function hostPreference(e: Engine, vm: EmVm, exclude: readonly string[] = []): EmHost[] {
  const hosts = e.state.hosts.filter((h) => h.status === 'up' && h.clusterId === vm.clusterId && !exclude.includes(h.id));
  return hosts.sort((a, b) => {
    const pa = vm.placementHostIds.indexOf(a.id);
    const pb = vm.placementHostIds.indexOf(b.id);
    if (pa !== pb) return (pa === -1 ? Infinity : pa) - (pb === -1 ? Infinity : pb);
    const la = runningVmCount(e, a.id);
    const lb = runningVmCount(e, b.id);
    if (la !== lb) return la - lb;
    return a.name.localeCompare(b.name, undefined, { numeric: true });
  });
}

export function whyPreferred(e: Engine, vm: EmVm, h: EmHost): string {
  if (vm.placementHostIds.includes(h.id)) return `${vm.name} prefers it`;
  const n = runningVmCount(e, h.id);
  return n === 0 ? 'it runs no VM' : `the least loaded: ${n} running VM${n === 1 ? '' : 's'}`;
}

export interface HostAnswer {
  host: EmHost;
  ok: boolean;
  /** Every required connection was already there: asserted, not connected. */
  already: boolean;
  /** One line for the user: what happened on this host, naming the host and the targets. */
  detail: string;
}

/** Assert or connect every requirement on one host; the VM can use the host only if all of them succeed. */
export async function connectAll(e: Engine, host: EmHost, reqs: readonly Requirement[], holder: string): Promise<HostAnswer> {
  if (reqs.length === 0) return { host, ok: true, already: true, detail: `${host.name} needs no storage connection for this VM` };
  const results = await Promise.all(reqs.map((r) => connectLun(e, host, r.lun, r.conns, r.sdHolder ?? holder)));
  const failed = reqs.flatMap((req, i) => (results[i]?.ok ? [] : [{ req, detail: results[i]?.detail ?? '' }]));
  if (failed.length > 0) {
    return {
      host,
      ok: false,
      already: false,
      detail: failed.map((f) => `${host.name} could not connect ${f.req.targets} (for ${f.req.label}): ${f.detail}`).join('; '),
    };
  }
  const already = results.every((r) => r.already);
  return {
    host,
    ok: true,
    already,
    detail: already
      ? `${host.name} is already connected to ${uniqueTargets(reqs)}`
      : [...new Set(results.map((r) => r.detail))].join('; '),
  };
}

/** "X at P, Y at Q": each target once, however many disks sit behind it. */
export function uniqueTargets(reqs: readonly Requirement[]): string {
  return [...new Set(reqs.map((r) => r.targets))].join(', ');
}

