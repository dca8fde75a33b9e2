// The emulated engine's whole state: one plain, JSON-serialisable object, so it can be saved across page
// reloads and a scenario is just data. Everything the real engine keeps in its DB and everything the emulated
// hosts know (sessions, zoning, device specs) lives here.
import type {
  DiskInterface, EventSeverity, HostStatus, JobStatus, LunStorageType, Sgio, SpmStatus, StepType, VmStatus,
} from '../../src/domain/model';
import type { DeviceSpec } from './device-spec';
import type { HostSession } from './connection-refs';
import type { EmResume } from './resume-points';

export interface EmDataCenter { id: string; name: string; status: 'up' | 'maintenance' | 'uninitialized' }
export interface EmCluster { id: string; name: string; dataCenterId: string }

export interface EmHost {
  id: string;
  name: string;
  address: string;
  status: HostStatus;
  clusterId: string;
  spmStatus: SpmStatus;
  spmPriority: number;
  initiator: string;
  /** iSCSI portals this host's network reaches, and FC fabrics its HBAs are zoned into. */
  reach: { portalIds: string[]; fabricIds: string[] };
  /** Fault injection: starting a VM on this host fails after connecting (a real run failure). */
  failRuns?: boolean;
}

export interface EmPortal {
  id: string;
  /** The portal IP the target advertises (discovery answers with it). */
  address: string;
  /** Other names that reach the same portal: a DNS name, an IPv6 address. */
  aliases: string[];
  port: number;
  tpgt: number;
}

export interface EmTarget {
  iqn: string;
  portalIds: string[];
  /** CHAP required to log in to this target. */
  chap?: { username: string; password: string };
  /** Fault injection: logins from these hosts fail with a generic iSCSI login error. */
  failLoginHostIds?: string[];
}

export interface EmFabric { id: string; name: string }

/** A LUN on the SAN (what the array exports), as opposed to the engine's record of it. */
export interface EmLun {
  id: string;
  storageType: LunStorageType;
  targetIqn?: string;
  fabricId?: string;
  size: number;
  vendorId: string;
  productId: string;
  serial: string;
  lunMapping: number;
  paths: number;
  activePaths: number;
  discardMaxSize: number;
  /** VDSM's view of the data on it (dry-run pvcreate). */
  pvStatus: 'free' | 'used';
  volumeGroupId?: string;
}

export interface EmStorageDomain {
  id: string;
  name: string;
  storageType: 'iscsi' | 'fcp' | 'nfs';
  lunIds: string[];
  connectionIds: string[];
  volumeGroupId?: string;
  available: number;
  used: number;
}

/** A storage server connection the engine stores (GET /storageconnections). */
export interface EmConnection {
  id: string;
  type: 'iscsi';
  address: string;
  port: number;
  target: string;
  username?: string;
  password?: string;
}

interface EmDiskBase {
  id: string;
  alias: string;
  description: string;
  shareable: boolean;
  propagateErrors: boolean;
  wipeAfterDelete: boolean;
}

export interface EmImageDisk extends EmDiskBase {
  kind: 'image';
  provisionedSize: number;
  actualSize: number;
  storageDomainId: string;
  format: 'raw' | 'cow';
  imageId: string;
  volumeId: string;
}

/** The engine's LUN row for a direct-LUN disk: what it stored when the disk was created. */
export interface EmLunRecord {
  id: string;
  type: LunStorageType;
  size: number;
  vendorId?: string;
  productId?: string;
  serial?: string;
  lunMapping?: number;
  discardMaxSize?: number;
  connectionIds: string[];
}

export interface EmLunDisk extends EmDiskBase {
  kind: 'lun';
  sgio?: Sgio;
  lun: EmLunRecord;
}

export type EmDisk = EmImageDisk | EmLunDisk;

export interface EmAttachment {
  vmId: string;
  diskId: string;
  interface: DiskInterface;
  bootable: boolean;
  active: boolean;
  readOnly: boolean;
  passDiscard: boolean;
  usesScsiReservation: boolean;
  logicalName?: string;
  /** The guest address the host reported once the disk ran; passed back on later runs ("only if known"). */
  address?: Record<string, string>;
}

export interface EmVm {
  id: string;
  name: string;
  description: string;
  status: VmStatus;
  hostId?: string;
  clusterId: string;
  ha: { enabled: boolean; priority: number };
  virtioScsi: boolean;
  placementHostIds: string[];
}

export interface EmJob {
  id: string;
  description: string;
  status: JobStatus;
  startTime: number;
  endTime?: number;
  lastUpdated: number;
  correlationId?: string;
  /** While the job runs: what an engine rebuilt from stored state needs to finish it (resume-points.ts). */
  resume?: EmResume;
}

export interface EmStep {
  id: string;
  jobId: string;
  parentStepId?: string;
  description: string;
  type: StepType;
  number: number;
  status: JobStatus;
  startTime: number;
  endTime?: number;
  executionHostId?: string;
}

export interface EmEvent {
  id: string;
  code: number;
  description: string;
  severity: EventSeverity;
  time: number;
  correlationId?: string;
  vmId?: string;
  hostId?: string;
  storageDomainId?: string;
  /** Not on the wire (events have no disk reference); lets the disk page's history be found by alias. */
  diskId?: string;
}

export interface EmDeviceSpecRecord {
  hostId: string;
  vmId: string;
  time: number;
  reason: 'run' | 'hotplug' | 'migrate';
  devices: DeviceSpec[];
}

/**
 * A user of the emulated engine. `admin`: the user holds an ADMIN-type role somewhere — the engine's
 * DbUser.isAdmin(), set at login from `roleDao.getAnyAdminRoleForUserAndGroups` (CreateUserSessionCommand.java:97).
 * A user without it is served filtered answers by default (mocks/handlers/filter.ts). States saved before the flag
 * existed read as admin.
 */
export interface EmUser { name: string; password: string; admin?: boolean }

export interface EmState {
  version: 2;
  scenario: string;
  /** Simulated clock start and seeded random state: a scenario replays exactly. */
  rng: number;
  nextId: number;
  dataCenters: EmDataCenter[];
  clusters: EmCluster[];
  hosts: EmHost[];
  portals: EmPortal[];
  targets: EmTarget[];
  fabrics: EmFabric[];
  luns: EmLun[];
  storageDomains: EmStorageDomain[];
  connections: EmConnection[];
  disks: EmDisk[];
  attachments: EmAttachment[];
  vms: EmVm[];
  sessions: HostSession[];
  jobs: EmJob[];
  steps: EmStep[];
  events: EmEvent[];
  deviceSpecs: EmDeviceSpecRecord[];
  users: EmUser[];
  tokens: Array<{ token: string; user: string; exp: number }>;
  /** The REST API's HTTP sessions (`Prefer: persistent-auth`, mocks/handlers/http-session.ts): hashes, never ids. */
  httpSessions: EmHttpSession[];
}

export interface EmHttpSession {
  /** SHA-256 (hex) of the session id: the id itself is only in the browser's cookie. */
  idHash: string;
  user: string;
  /** The idle timeout: Session-TTL, or the servlet default of 180 minutes. */
  ttlMs: number;
  /** Engine time after which the session is gone unless used before. */
  expiresAt: number;
}
