// Words and numbers the console shows: exact binary sizes, status names, disk types. The words come from the
// catalog (src/i18n/messages/en/domain.json), the numbers in the user's locale (formatNumber).
import { formatNumber, t, type MessageId } from '../i18n/i18n';
import type { AttachmentInterface, Disk, HostStatus, VmStatus } from './model';
import { lazyTexts } from './texts';

const UNITS = ['domain.size.bytes', 'domain.size.kib', 'domain.size.mib', 'domain.size.gib', 'domain.size.tib', 'domain.size.pib'] as const satisfies readonly MessageId[];

/**
 * Exact binary size: "1 GiB", "1.5 TiB", "16 TiB". Never the engine webadmin's truncation to whole GiB
 * ("1.9 GiB" is not "1 GiB"); up to two decimals, and "≈" only when two decimals are not exact.
 */
export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return t('domain.size.unknown');
  if (bytes < 1024) return t('domain.size.bytes', { size: formatNumber(bytes) });
  let i = 0;
  let v = bytes;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const rounded = Math.round(v * 100) / 100;
  const exact = rounded * 1024 ** i === bytes;
  const size = t(UNITS[i] ?? 'domain.size.pib', { size: formatNumber(rounded, { maximumFractionDigits: 2 }) });
  return exact ? size : t('domain.size.approx', { size });
}

export function formatBytesExact(bytes: number): string {
  return t('domain.size.bytesExact', { bytes: formatNumber(bytes) });
}

const VM_STATUS_TEXT: Record<VmStatus, MessageId> = {
  up: 'domain.vmStatus.up', down: 'domain.vmStatus.down', paused: 'domain.vmStatus.paused', migrating: 'domain.vmStatus.migrating',
  unknown: 'domain.vmStatus.unknown', not_responding: 'domain.vmStatus.notResponding', wait_for_launch: 'domain.vmStatus.waitForLaunch',
  powering_up: 'domain.vmStatus.poweringUp', powering_down: 'domain.vmStatus.poweringDown', reboot_in_progress: 'domain.vmStatus.rebooting',
  saving_state: 'domain.vmStatus.savingState', restoring_state: 'domain.vmStatus.restoringState', suspended: 'domain.vmStatus.suspended',
  image_locked: 'domain.vmStatus.imageLocked', unassigned: 'domain.vmStatus.unassigned',
};

export function vmStatusText(s: VmStatus): string {
  return t(VM_STATUS_TEXT[s]);
}

const HOST_STATUS_TEXT: Record<HostStatus, MessageId> = {
  up: 'domain.hostStatus.up', maintenance: 'domain.hostStatus.maintenance', non_responsive: 'domain.hostStatus.nonResponsive',
  non_operational: 'domain.hostStatus.nonOperational', connecting: 'domain.hostStatus.connecting',
  preparing_for_maintenance: 'domain.hostStatus.preparingForMaintenance', initializing: 'domain.hostStatus.initializing',
  installing: 'domain.hostStatus.installing', install_failed: 'domain.hostStatus.installFailed', reboot: 'domain.hostStatus.reboot',
  down: 'domain.hostStatus.down', error: 'domain.hostStatus.error', unassigned: 'domain.hostStatus.unassigned',
  kdumping: 'domain.hostStatus.kdumping', installing_os: 'domain.hostStatus.installingOs', pending_approval: 'domain.hostStatus.pendingApproval',
  unknown: 'domain.hostStatus.unknown',
};

export function hostStatusText(s: HostStatus): string {
  return t(HOST_STATUS_TEXT[s]);
}

/**
 * The seed's vocabulary: Image and Direct LUN, never Internal / External; any other disk (cinder, managed block
 * storage, a Kubernetes disk sent without a type) is "Other", with the engine's type when it sent one.
 */
export function diskTypeText(d: Disk): string {
  if (d.storageType === 'other') {
    return d.wireStorageType ? t('domain.diskType.otherOf', { type: d.wireStorageType.replace(/_/g, ' ') }) : t('domain.diskType.otherUnreported');
  }
  return d.storageType === 'lun' ? t('domain.diskType.lun') : t('domain.diskType.image');
}

const INTERFACE_IDS: Record<AttachmentInterface, MessageId> = {
  unknown: 'domain.interface.unknown',
  virtio_scsi: 'domain.interface.virtioScsi',
  virtio: 'domain.interface.virtio',
  sata: 'domain.interface.sata',
  ide: 'domain.interface.ide',
  spapr_vscsi: 'domain.interface.spaprVscsi',
};

/** The interface's name (product names, kept in the catalog all the same), read in the current language. */
export const INTERFACE_TEXT: Readonly<Record<AttachmentInterface, string>> = lazyTexts(INTERFACE_IDS);

export function interfaceText(i: AttachmentInterface): string {
  return t(INTERFACE_IDS[i]);
}

export function yesNo(b: boolean): string {
  return b ? t('domain.yes') : t('domain.no');
}
