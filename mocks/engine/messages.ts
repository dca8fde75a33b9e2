// The engine's fault texts and envelopes (reference/engine-rest-api.md §2.3–2.4, §4.6; AppErrors and
// VdsmErrors as quoted in reference/webadmin-direct-lun.md §3, §5). The emulator throws EngineFault; the
// handlers turn it into the exact JSON and HTTP status the real engine would send.

export type FaultEnvelope = 'bare' | 'action';

export class EngineFault extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly detail: string | undefined,
    readonly envelope: FaultEnvelope = 'bare',
  ) {
    super(detail ?? reason);
  }
  /** The same failure, reported as a failed action ({status: "failed", fault}) instead of a bare fault. */
  asAction(): EngineFault {
    return new EngineFault(this.status, this.reason, this.detail, 'action');
  }
}

/** A backend validation or execution failure: reason "Operation Failed", detail a Java list "[m1, m2]". */
export function backendFailure(status: number, ...messages: string[]): EngineFault {
  return new EngineFault(status, 'Operation Failed', `[${messages.join(', ')}]`);
}

/**
 * A failed backend *query* (iscsidiscover/discoveriscsi run DiscoverSendTargetsQuery): BackendResource.getBackendCollection
 * calls backendFailure(result.getExceptionString()), which localizes the one error code alone — no "[...]" list —
 * and BaseBackendResource.handleError answers a bare fault, reason "Operation Failed" (Messages.properties BACKEND_FAILED),
 * status 400 unless the code is an AppErrors key with its own type (ErrorMessageHelper.getErrorStatus).
 */
export function queryFailure(status: number, message: string): EngineFault {
  return new EngineFault(status, 'Operation Failed', message);
}

/** CompletenessAssertor: 400 "Incomplete parameters", "<Model> [<fields>] required for <method>". */
export function incompleteParameters(model: string, fields: string[], method: string): EngineFault {
  return new EngineFault(400, 'Incomplete parameters', `${model} [${fields.join(', ')}] required for ${method}`);
}

export function notFound(): EngineFault {
  return new EngineFault(404, 'Not Found', undefined);
}

export const ACTION = {
  add: 'add',
  attach: 'attach',
  detach: 'detach',
  hotPlug: 'hot plug',
  hotUnplug: 'hot unplug',
  edit: 'edit',
  remove: 'remove',
  run: 'run',
  stop: 'stop',
  shutdown: 'shutdown',
  migrate: 'migrate',
} as const;
export type Action = (typeof ACTION)[keyof typeof ACTION];

export const TYPE = { disk: 'Virtual Disk', vm: 'VM' } as const;

/** "Cannot ${action} ${type}. ${text}" — the APPERR template most validation messages use. */
export function cannot(action: Action, type: string, text: string): string {
  return `Cannot ${action} ${type}. ${text}`;
}

// VdsmErrors.properties texts.
export const VDSM = {
  discoveryError: 'Failed discovery of iSCSI targets',
  loginError: 'Failed to login to iSCSI node',
  loginAuthError: 'Failed to login to iSCSI node due to authorization failure',
  connectionError: 'Error storage server connection',
  networkError: 'Network error during communication with the Host.',
  /** VDSM code 100 (GeneralException): what an unexpected error inside a verb becomes (vdsm storage/dispatcher.py). */
  generalException: 'General Exception',
} as const;

/** How the webadmin names VM statuses in messages ("Cannot detach Virtual Disk because the VM is in Paused status."). */
export function vmStatusName(status: string): string {
  const names: Record<string, string> = {
    up: 'Up', down: 'Down', paused: 'Paused', migrating: 'Migrating From', wait_for_launch: 'Wait For Launch',
    powering_up: 'Powering Up', powering_down: 'Powering Down', unknown: 'Unknown', not_responding: 'Not Responding',
    reboot_in_progress: 'Reboot In Progress', saving_state: 'Saving State', restoring_state: 'Restoring State',
    suspended: 'Suspended', image_locked: 'Image Locked', unassigned: 'Unassigned',
  };
  return names[status] ?? status;
}

export function interfaceName(i: string): string {
  const names: Record<string, string> = { virtio_scsi: 'VirtIO-SCSI', virtio: 'VirtIO', ide: 'IDE', sata: 'SATA', spapr_vscsi: 'sPAPR VSCSI' };
  return names[i] ?? i;
}
