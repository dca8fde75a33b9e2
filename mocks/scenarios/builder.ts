// Scenarios are data plus a seed. The builder makes that data readable: named hosts, portals, targets, LUNs,
// disks and VMs, with deterministic ids and WWIDs so a scenario replays exactly.
import { acquire, holders, type ConnectionRef } from '../engine/connection-refs';
import type { DiskInterface, HostStatus, VmStatus } from '../../src/domain/model';
import { uuidFromNumber } from '../engine/engine';
import type {
  EmAttachment, EmConnection, EmHost, EmImageDisk, EmLun, EmLunDisk, EmPortal, EmState, EmStorageDomain, EmTarget, EmVm,
} from '../engine/state';

export const GiB = 2 ** 30;
export const TiB = 2 ** 40;

export class ScenarioBuilder {
  readonly state: EmState;
  private seed: number;

  constructor(name: string, seed: number) {
    this.seed = seed >>> 0;
    this.state = {
      version: 2,
      scenario: name,
      rng: seed,
      nextId: 1,
      dataCenters: [],
      clusters: [],
      hosts: [],
      portals: [],
      targets: [],
      fabrics: [],
      luns: [],
      storageDomains: [],
      connections: [],
      disks: [],
      attachments: [],
      vms: [],
      sessions: [],
      jobs: [],
      steps: [],
      events: [],
      deviceSpecs: [],
      // user@internal holds only USER-type roles (not an admin): the engine filters its answers (decision 043).
      users: [
        { name: 'admin@internal', password: 'ovirt', admin: true },
        { name: 'user@internal', password: 'ovirt', admin: false },
      ],
      tokens: [],
      httpSessions: [],
    };
  }

  id(tag: number): string {
    return uuidFromNumber(this.state.nextId++, tag);
  }

  /** Seeded random in [0, 1): scenario data never depends on Math.random. */
  random(): number {
    let t = (this.seed = (this.seed + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  hex(n: number): string {
    let s = '';
    while (s.length < n) s += Math.floor(this.random() * 16).toString(16);
    return s;
  }

  dataCenter(name: string) {
    const dc = { id: this.id(0xdc), name, status: 'up' as const };
    this.state.dataCenters.push(dc);
    return dc;
  }

  cluster(name: string, dataCenterId: string) {
    const c = { id: this.id(0xc1), name, dataCenterId };
    this.state.clusters.push(c);
    return c;
  }

  host(h: { name: string; clusterId: string; status?: HostStatus; spm?: boolean; portals?: EmPortal[]; fabrics?: string[] }): EmHost {
    const host: EmHost = {
      id: this.id(0x4057),
      name: h.name,
      address: `${h.name}.lab.example.com`,
      status: h.status ?? 'up',
      clusterId: h.clusterId,
      spmStatus: h.spm ? 'spm' : 'none',
      spmPriority: 5,
      initiator: `iqn.1994-05.com.redhat:${h.name}-${this.hex(8)}`,
      reach: { portalIds: (h.portals ?? []).map((p) => p.id), fabricIds: h.fabrics ?? [] },
    };
    this.state.hosts.push(host);
    return host;
  }

  portal(address: string, aliases: string[] = [], port = 3260, tpgt = 1): EmPortal {
    const p: EmPortal = { id: this.id(0x9e7), address, aliases, port, tpgt };
    this.state.portals.push(p);
    return p;
  }

  target(iqn: string, portals: EmPortal[], chap?: { username: string; password: string }): EmTarget {
    const t: EmTarget = { iqn, portalIds: portals.map((p) => p.id), ...(chap ? { chap } : {}) };
    this.state.targets.push(t);
    return t;
  }

  fabric(name: string) {
    const f = { id: this.id(0xfc), name };
    this.state.fabrics.push(f);
    return f;
  }

  private lunMapping = new Map<string, number>();

  /** An iSCSI LUN behind a target (LIO-style WWID 36001405…) or an FC LUN on a fabric (NetApp-style 3600a0980…). */
  lun(l: {
    target?: EmTarget;
    fabricId?: string;
    size: number;
    vendorId?: string;
    productId?: string;
    paths?: number;
    activePaths?: number;
    discard?: boolean;
    pvStatus?: 'free' | 'used';
  }): EmLun {
    const group = l.target?.iqn ?? l.fabricId ?? '';
    const mapping = this.lunMapping.get(group) ?? 0;
    this.lunMapping.set(group, mapping + 1);
    const fc = !!l.fabricId;
    const wwid = fc ? `3600a0980${this.hex(24)}` : `36001405${this.hex(25)}`;
    const productId = l.productId ?? (fc ? 'LUN C-Mode' : `lun${mapping}`);
    const vendorId = l.vendorId ?? (fc ? 'NETAPP' : 'LIO-ORG');
    const lun: EmLun = {
      id: wwid,
      storageType: fc ? 'fcp' : 'iscsi',
      ...(l.target ? { targetIqn: l.target.iqn } : {}),
      ...(l.fabricId ? { fabricId: l.fabricId } : {}),
      size: l.size,
      vendorId,
      productId,
      serial: fc ? `80${this.hex(10).toUpperCase()}` : `S${vendorId}_${productId}_${this.hex(8)}-${this.hex(4)}`,
      lunMapping: mapping,
      paths: l.paths ?? (fc ? 4 : 1),
      activePaths: l.activePaths ?? l.paths ?? (fc ? 4 : 1),
      discardMaxSize: l.discard === false ? 0 : 4 * 2 ** 20,
      pvStatus: l.pvStatus ?? 'free',
    };
    this.state.luns.push(lun);
    return lun;
  }

  connection(c: Omit<EmConnection, 'id' | 'type'>): EmConnection {
    const same = this.state.connections.find(
      (x) => x.address === c.address && x.port === c.port && x.target === c.target && x.username === c.username,
    );
    if (same) return same;
    const conn: EmConnection = { id: this.id(0xc0), type: 'iscsi', ...c };
    this.state.connections.push(conn);
    return conn;
  }

  /** The connection a host uses for a target: its first portal, with the target's CHAP if it has one. */
  connectionFor(t: EmTarget): EmConnection {
    const p = this.state.portals.find((x) => x.id === t.portalIds[0]);
    if (!p) throw new Error(`target ${t.iqn} has no portal`);
    return this.connection({ address: p.address, port: p.port, target: t.iqn, ...(t.chap ? { username: t.chap.username, password: t.chap.password } : {}) });
  }

  storageDomain(name: string, luns: EmLun[], targets: EmTarget[]): EmStorageDomain {
    const vg = `${this.hex(6)}-${this.hex(4)}-${this.hex(4)}-${this.hex(4)}-${this.hex(4)}-${this.hex(6)}`;
    const sd: EmStorageDomain = {
      id: this.id(0x5d),
      name,
      storageType: luns[0]?.storageType === 'fcp' ? 'fcp' : 'iscsi',
      lunIds: luns.map((l) => l.id),
      connectionIds: targets.map((t) => this.connectionFor(t).id),
      volumeGroupId: vg,
      // Whole bytes: the engine sends sizes as integer strings.
      available: Math.floor(luns.reduce((s, l) => s + l.size, 0) * 0.6),
      used: Math.floor(luns.reduce((s, l) => s + l.size, 0) * 0.4),
    };
    for (const l of luns) l.volumeGroupId = vg;
    this.state.storageDomains.push(sd);
    return sd;
  }

  imageDisk(alias: string, sd: EmStorageDomain, size: number, description = ''): EmImageDisk {
    const d: EmImageDisk = {
      kind: 'image',
      id: this.id(0xd15c),
      alias,
      description,
      shareable: false,
      propagateErrors: false,
      wipeAfterDelete: false,
      provisionedSize: size,
      actualSize: Math.round(size * 0.3),
      storageDomainId: sd.id,
      format: 'cow',
      imageId: this.id(0x1a6e),
      volumeId: this.id(0x7017),
    };
    this.state.disks.push(d);
    return d;
  }

  lunDisk(alias: string, lun: EmLun, o: { description?: string; shareable?: boolean; sgio?: 'filtered' | 'unfiltered' } = {}): EmLunDisk {
    const t = lun.targetIqn ? this.state.targets.find((x) => x.iqn === lun.targetIqn) : undefined;
    const conns = t ? [this.connectionFor(t)] : [];
    const d: EmLunDisk = {
      kind: 'lun',
      id: this.id(0xd15c),
      alias,
      description: o.description ?? '',
      shareable: o.shareable ?? false,
      propagateErrors: false,
      wipeAfterDelete: false,
      ...(o.sgio ? { sgio: o.sgio } : {}),
      lun: {
        id: lun.id,
        type: lun.storageType,
        size: lun.size,
        vendorId: lun.vendorId,
        productId: lun.productId,
        serial: lun.serial,
        lunMapping: lun.lunMapping,
        discardMaxSize: lun.discardMaxSize,
        connectionIds: conns.map((c) => c.id),
      },
    };
    this.state.disks.push(d);
    return d;
  }

  vm(v: { name: string; clusterId: string; status?: VmStatus; host?: EmHost; ha?: boolean; virtioScsi?: boolean; prefer?: EmHost[]; description?: string }): EmVm {
    const vm: EmVm = {
      id: this.id(0x7e),
      name: v.name,
      description: v.description ?? '',
      status: v.status ?? 'down',
      ...(v.host && v.status && v.status !== 'down' ? { hostId: v.host.id } : {}),
      clusterId: v.clusterId,
      ha: { enabled: v.ha ?? false, priority: v.ha ? 50 : 0 },
      virtioScsi: v.virtioScsi ?? true,
      placementHostIds: (v.prefer ?? []).map((h) => h.id),
    };
    this.state.vms.push(vm);
    return vm;
  }

  attach(vm: EmVm, disk: { id: string }, a: { interface?: DiskInterface; bootable?: boolean; active?: boolean; readOnly?: boolean } = {}): EmAttachment {
    const att: EmAttachment = {
      vmId: vm.id,
      diskId: disk.id,
      interface: a.interface ?? (vm.virtioScsi ? 'virtio_scsi' : 'virtio'),
      bootable: a.bootable ?? false,
      active: a.active ?? true,
      readOnly: a.readOnly ?? false,
      passDiscard: false,
      usesScsiReservation: false,
    };
    this.state.attachments.push(att);
    return att;
  }

  /** A host logged in to a target, held by `holder` (or by nobody: an administrator's login). */
  session(host: EmHost, t: EmTarget, holder?: string) {
    const conn = this.connectionFor(t);
    const p = this.state.portals.find((x) => x.id === t.portalIds[0]);
    if (!p) return;
    const ref: ConnectionRef = { target: t.iqn, address: p.address, port: p.port, ...(conn.username ? { username: conn.username } : {}) };
    this.state.sessions = acquire(this.state.sessions, host.id, ref, holder, holder ? 'engine' : 'iscsilogin');
  }

  /** Sessions that follow from the state: domains on every Up host, plugged LUN disks of running VMs. */
  connectDomainsAndRunningVms() {
    for (const h of this.state.hosts.filter((x) => x.status === 'up')) {
      for (const sd of this.state.storageDomains) {
        for (const cid of sd.connectionIds) {
          const c = this.state.connections.find((x) => x.id === cid);
          const t = this.state.targets.find((x) => x.iqn === c?.target);
          if (t && t.portalIds.some((p) => h.reach.portalIds.includes(p))) this.session(h, t, holders.storageDomain(sd.id));
        }
      }
    }
    for (const vm of this.state.vms.filter((v) => v.hostId && v.status !== 'down')) {
      const host = this.state.hosts.find((h) => h.id === vm.hostId);
      if (!host) continue;
      for (const att of this.state.attachments.filter((a) => a.vmId === vm.id && a.active)) {
        const d = this.state.disks.find((x) => x.id === att.diskId);
        if (d?.kind !== 'lun') continue;
        const lun = this.state.luns.find((l) => l.id === d.lun.id);
        const t = this.state.targets.find((x) => x.iqn === lun?.targetIqn);
        if (t) this.session(host, t, holders.vmDisk(vm.id, d.id));
      }
    }
  }

  done(): EmState {
    this.state.rng = this.seed;
    return this.state;
  }
}
