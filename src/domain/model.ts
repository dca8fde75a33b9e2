// The console's domain types: what the engine's JSON means once parsed (real booleans and numbers, camelCase,
// lists instead of wrappers). The wire schemas in src/engine-api turn engine JSON into exactly these shapes;
// the emulated engine builds its JSON from its own state. Nothing here knows about HTTP or React.

export const HOST_STATUSES = [
  'up', 'maintenance', 'non_responsive', 'non_operational', 'connecting', 'preparing_for_maintenance',
  'initializing', 'installing', 'install_failed', 'reboot', 'down', 'error', 'unassigned', 'kdumping',
  'installing_os', 'pending_approval',
] as const;
export type HostStatus = (typeof HOST_STATUSES)[number];

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

export const DISK_INTERFACES = ['virtio_scsi', 'virtio', 'sata', 'ide', 'spapr_vscsi'] as const;
export type DiskInterface = (typeof DISK_INTERFACES)[number];

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
  status: 'ok' | 'locked' | 'illegal' | undefined;
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

export type Disk = ImageDisk | LunDisk;

export function diskSize(disk: Disk): number | undefined {
  if (disk.storageType === 'image') return disk.provisionedSize;
  const size = disk.lun.logicalUnits[0]?.size;
  // A LUN disk added without a host has size 0 until "refresh LUN" (reference §4.2): unknown, not empty.
  return size ? size : undefined;
}

export interface DiskAttachment {
  /** Equals the disk id (RT/DiskAttachmentMapper). */
  id: string;
  diskId: string;
  vmId: string | undefined;
  interface: DiskInterface;
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
  virtioScsiEnabled: boolean;
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
