// The console's domain types: what the engine's JSON means once parsed (real booleans and numbers, camelCase,
// lists instead of wrappers). The wire schemas in src/engine-api turn engine JSON into exactly these shapes;
// the emulated engine builds its JSON from its own state. Nothing here knows about HTTP or React.

export const HOST_STATUSES = [
  'up', 'maintenance', 'non_responsive', 'non_operational', 'connecting', 'preparing_for_maintenance',
  'initializing', 'installing', 'install_failed', 'reboot', 'down', 'error', 'unassigned', 'kdumping',
  'installing_os', 'pending_approval',
] as const;
/**
 * upstream-model types/HostStatus.java (16 values), plus 'unknown': a status a newer engine sends that this console
 * does not know (engine-api/wire.ts openEnum). Rules treat it as not Up.
 */
export type HostStatus = (typeof HOST_STATUSES)[number] | 'unknown';

export const SPM_STATUSES = ['none', 'contending', 'spm'] as const;
export type SpmStatus = (typeof SPM_STATUSES)[number];

export interface Host {
  id: string;
  name: string;
  address: string;
  status: HostStatus;
  clusterId: string | undefined;
  spm: SpmStatus;
  iscsiInitiator: string | undefined;
}

export const LUN_STORAGE_TYPES = ['iscsi', 'fcp'] as const;
export type LunStorageType = (typeof LUN_STORAGE_TYPES)[number];

export const LUN_STATUSES = ['free', 'used', 'unusable'] as const;
export type LunStatus = (typeof LUN_STATUSES)[number];

/** One LUN as a host or the engine DB reports it (MODEL LogicalUnit). */
export interface LogicalUnit {
  /** The WWID (VDSM GUID). */
  id: string;
  address?: string | undefined;
  port?: number | undefined;
  target?: string | undefined;
  portal?: string | undefined;
  username?: string | undefined;
  paths?: number | undefined;
  /** Missing on engines older than late 2024. */
  activePaths?: number | undefined;
  lunMapping?: number | undefined;
  /** Bytes. */
  size: number;
  vendorId?: string | undefined;
  productId?: string | undefined;
  serial?: string | undefined;
  volumeGroupId?: string | undefined;
  storageDomainId?: string | undefined;
  diskId?: string | undefined;
  status?: LunStatus | undefined;
  /** 0 = no discard support. */
  discardMaxSize?: number | undefined;
}

/** One entry of GET /hosts/{id}/storage: a LUN as seen by that host. */
export interface HostLun {
  id: string;
  type: LunStorageType;
  hostId: string | undefined;
  lu: LogicalUnit;
}

export interface DiscoveredTarget {
  address: string;
  port: number;
  target: string;
  portal: string | undefined;
}

/** upstream-model types/DiskInterface.java (5 values): what the console can choose. */
export const DISK_INTERFACES = ['virtio_scsi', 'virtio', 'sata', 'ide', 'spapr_vscsi'] as const;
export type DiskInterface = (typeof DISK_INTERFACES)[number];
/** An attachment's interface as the engine reports it: 'unknown' when a newer engine sends one the console does not know. */
export type AttachmentInterface = DiskInterface | 'unknown';

export type Sgio = 'filtered' | 'unfiltered';

interface DiskBase {
  id: string;
  alias: string;
  description: string;
  sharable: boolean;
  propagateErrors: boolean;
  wipeAfterDelete: boolean;
}

export interface ImageDisk extends DiskBase {
  storageType: 'image';
  provisionedSize: number;
  actualSize: number | undefined;
  /** upstream-model types/DiskStatus.java; 'unknown' = a status this console does not know. */
  status: 'ok' | 'locked' | 'illegal' | 'unknown' | undefined;
  format: 'raw' | 'cow' | undefined;
  storageDomainIds: string[];
}

/** A direct-LUN disk has no size, status or format of its own: its size is its LUN's (reference §4.1). */
export interface LunDisk extends DiskBase {
  storageType: 'lun';
  /** Absent means SCSI pass-through is off. */
  sgio: Sgio | undefined;
  lun: {
    id: string;
    type: LunStorageType | undefined;
    logicalUnits: LogicalUnit[];
  };
}

/**
 * Any other disk: cinder and managed_block_storage (upstream-model types/DiskStorageType.java), a Kubernetes disk
 * (engine DiskStorageType KUBERNETES(4), sent without `storage_type`: T/DiskMapper.java map(DiskStorageType)
 * `default: return null;`) or a type a newer engine adds. Listed as "Other" so that no disk a VM uses goes missing;
 * the console offers no Direct LUN or image action on it.
 */
export interface OtherDisk extends DiskBase {
  storageType: 'other';
  /** The engine's `storage_type` as sent, undefined when it sent none. */
  wireStorageType: string | undefined;
  /** Cinder and managed block storage disks carry the image fields (T/DiskMapper.java mapDiskImageToDiskFields). */
  provisionedSize: number | undefined;
}

export type Disk = ImageDisk | LunDisk | OtherDisk;

export function diskSize(disk: Disk): number | undefined {
  if (disk.storageType === 'image' || disk.storageType === 'other') return disk.provisionedSize;
  const size = disk.lun.logicalUnits[0]?.size;
  // A LUN disk added without a host has size 0 until "refresh LUN" (reference §4.2): unknown, not empty.
  return size ? size : undefined;
}

export interface DiskAttachment {
  /** Equals the disk id (RT/DiskAttachmentMapper). */
  id: string;
  diskId: string;
  vmId: string | undefined;
  interface: AttachmentInterface;
  bootable: boolean;
  active: boolean;
  readOnly: boolean;
  passDiscard: boolean;
  usesScsiReservation: boolean;
  logicalName: string | undefined;
}

export const VM_STATUSES = [
  'down', 'up', 'powering_up', 'powering_down', 'paused', 'migrating', 'unknown', 'not_responding',
  'wait_for_launch', 'reboot_in_progress', 'saving_state', 'restoring_state', 'suspended', 'image_locked',
  'unassigned',
] as const;
export type VmStatus = (typeof VM_STATUSES)[number];

export interface Vm {
  id: string;
  name: string;
  description: string;
  status: VmStatus;
  /** Present only while the VM is not down. */
  hostId: string | undefined;
  clusterId: string | undefined;
  highAvailability: { enabled: boolean; priority: number };
  /**
   * Whether the VM has a VirtIO-SCSI controller; undefined when the engine did not say. The engine sends
   * `virtio_scsi` only to a request with `all_content=true` (decision 044 §15 F-A), so a VM read from a list is
   * "unknown" here, never "disabled".
   */
  virtioScsiEnabled: boolean | undefined;
  /** Hosts the VM is pinned to or prefers (placement policy). */
  placementHostIds: string[];
}

export interface StorageDomain {
  id: string;
  name: string;
  type: string;
  storageType: string | undefined;
  luns: LogicalUnit[];
  available: number | undefined;
  used: number | undefined;
}

export const JOB_STATUSES = ['started', 'finished', 'failed', 'aborted', 'unknown'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  id: string;
  description: string;
  status: JobStatus;
  startTime: number | undefined;
  endTime: number | undefined;
  lastUpdated: number | undefined;
}

export const STEP_TYPES = ['validating', 'executing', 'finalizing', 'rebalancing_volume', 'unknown'] as const;
export type StepType = (typeof STEP_TYPES)[number];

export interface Step {
  id: string;
  jobId: string | undefined;
  parentStepId: string | undefined;
  description: string;
  type: StepType;
  number: number | undefined;
  status: JobStatus;
  startTime: number | undefined;
  endTime: number | undefined;
  executionHostId: string | undefined;
}

/** A job with its steps, as the console reads it (GET /jobs/{id}/steps). */
export interface JobWithSteps {
  job: Job;
  steps: Step[];
}

export type EventSeverity = 'normal' | 'warning' | 'error' | 'alert';

export interface EngineEvent {
  id: string;
  code: number;
  description: string;
  severity: EventSeverity;
  time: number;
  correlationId: string | undefined;
  vmId: string | undefined;
  hostId: string | undefined;
  storageDomainId: string | undefined;
}

export interface DataCenter {
  id: string;
  name: string;
  status: string;
}

export interface Cluster {
  id: string;
  name: string;
  dataCenterId: string | undefined;
}

/**
 * A storage server connection the engine stores (GET /storageconnections; upstream-model types/StorageConnection.java).
 * For iSCSI the engine sends address, port, target and the CHAP username — never the password, never the portal
 * (upstream-engine T/StorageDomainMapper.java map(StorageServerConnections, StorageConnection)).
 */
export interface StorageConnection {
  id: string;
  /** upstream-model types/StorageType.java (iscsi, fcp, nfs, …), as sent. */
  type: string | undefined;
  address: string | undefined;
  port: number | undefined;
  target: string | undefined;
  username: string | undefined;
}
