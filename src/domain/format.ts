// Words and numbers the console shows: exact binary sizes, status names, disk types.
import type { AttachmentInterface, Disk, HostStatus, VmStatus } from './model';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * Exact binary size: "1 GiB", "1.5 TiB", "16 TiB". Never the engine webadmin's truncation to whole GiB
 * ("1.9 GiB" is not "1 GiB"); up to two decimals, and "≈" only when two decimals are not exact.
 */
export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return 'Unknown';
  if (bytes < 1024) return `${bytes} B`;
  let i = 0;
  let v = bytes;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const rounded = Math.round(v * 100) / 100;
  const exact = rounded * 1024 ** i === bytes;
  return `${exact ? '' : '≈'}${rounded.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${UNITS[i]}`;
}

export function formatBytesExact(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

const VM_STATUS_TEXT: Record<VmStatus, string> = {
  up: 'Up', down: 'Down', paused: 'Paused', migrating: 'Migrating', unknown: 'Unknown', not_responding: 'Not responding',
  wait_for_launch: 'Wait for launch', powering_up: 'Powering up', powering_down: 'Powering down',
  reboot_in_progress: 'Rebooting', saving_state: 'Saving state', restoring_state: 'Restoring state', suspended: 'Suspended',
  image_locked: 'Image locked', unassigned: 'Unassigned',
};

export function vmStatusText(s: VmStatus): string {
  return VM_STATUS_TEXT[s];
}

export function hostStatusText(s: HostStatus): string {
  const special: Partial<Record<HostStatus, string>> = {
    up: 'Up', maintenance: 'Maintenance', non_responsive: 'Non responsive', non_operational: 'Non operational',
    preparing_for_maintenance: 'Preparing for maintenance', install_failed: 'Install failed', installing_os: 'Installing OS',
    pending_approval: 'Pending approval',
  };
  return special[s] ?? s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, ' ');
}

/**
 * The seed's vocabulary: Image and Direct LUN, never Internal / External; any other disk (cinder, managed block
 * storage, a Kubernetes disk sent without a type) is "Other", with the engine's type when it sent one.
 */
export function diskTypeText(d: Disk): string {
  if (d.storageType === 'other') return d.wireStorageType ? `Other (${d.wireStorageType.replace(/_/g, ' ')})` : 'Other (type not reported)';
  return d.storageType === 'lun' ? 'Direct LUN' : 'Image';
}

export const INTERFACE_TEXT: Record<AttachmentInterface, string> = {
  unknown: 'Unknown',
  virtio_scsi: 'VirtIO-SCSI',
  virtio: 'VirtIO',
  sata: 'SATA',
  ide: 'IDE',
  spapr_vscsi: 'sPAPR VSCSI',
};

export function yesNo(b: boolean): 'Yes' | 'No' {
  return b ? 'Yes' : 'No';
}
