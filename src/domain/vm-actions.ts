// Which lifecycle actions a VM allows right now, and why not, in words — the engine's own rules
// (reference §5.2: RunVm needs a down or paused VM, stop/shutdown a running one, migrate an Up one without
// SCSI reservation), checked before asking so a disabled control can say why.
import { t } from '../i18n/i18n';
import { vmStatusText } from './format';
import type { DiskAttachment, Vm } from './model';
import { lazyTexts } from './texts';
import { isLaunching, runnable } from './vm-status';

export type LifecycleAction = 'start' | 'shutdown' | 'stop' | 'migrate';

/** The actions' names, read in the current language when used. */
export const ACTION_LABEL: Readonly<Record<LifecycleAction, string>> = lazyTexts({
  start: 'domain.vmActions.start',
  shutdown: 'domain.vmActions.shutdown',
  stop: 'domain.vmActions.stop',
  migrate: 'domain.vmActions.migrate',
});

export interface ActionState {
  enabled: boolean;
  /** Why it is not available, a sentence naming the VM. */
  reason?: string | undefined;
}

export interface AvailabilityInput {
  vm: Vm;
  /**
   * The VM's attachments with the disk aliases (a plugged disk using SCSI reservation blocks migration).
   * undefined while they are read: Migrate cannot be decided yet, so it waits, disabled, "checking…";
   * 'unreadable' when reading them failed: the console cannot tell, so Migrate stays disabled and says so.
   */
  attachments?: ReadonlyArray<DiskAttachment & { alias?: string | undefined }> | 'unreadable' | undefined;
  /** An operation this console started on the VM and that has not ended yet. */
  pending?: { label: string } | undefined;
}

export function actionAvailability({ vm, attachments, pending }: AvailabilityInput): Record<LifecycleAction, ActionState> {
  const status = vmStatusText(vm.status);
  const busy = pending ? t('domain.vmActions.busy', { action: pending.label, vm: vm.name }) : undefined;
  const state = (why: string | undefined): ActionState => (why ? { enabled: false, reason: why } : { enabled: true });

  const run = busy ?? (runnable(vm.status) ? undefined : t('domain.vmActions.alreadyStatus', { vm: vm.name, status }));

  const stopWhy = (graceful: boolean): string | undefined => {
    if (busy) return busy;
    if (vm.status === 'down') return t('domain.vmActions.isDown', { vm: vm.name });
    if (isLaunching(vm.status)) return t('domain.vmActions.starting', { vm: vm.name, status });
    if (vm.status === 'migrating') return t('domain.vmActions.migrating', { vm: vm.name });
    if (vm.status === 'unknown' || vm.status === 'not_responding') return t('domain.vmActions.engineHandling', { vm: vm.name, status });
    if (graceful && vm.status === 'powering_down') return t('domain.vmActions.alreadyShuttingDown', { vm: vm.name });
    return undefined;
  };

  const migrate = busy ?? (vm.status !== 'up' ? t('domain.vmActions.onlyUpMigrates', { vm: vm.name, status }) : scsiReservation(vm.name, attachments));

  return { start: state(run), shutdown: state(stopWhy(true)), stop: state(stopWhy(false)), migrate: state(migrate) };
}

/** Why an Up VM cannot migrate because of its disks, or undefined when it can; "checking…" until they are read. */
function scsiReservation(vmName: string, attachments: AvailabilityInput['attachments']): string | undefined {
  if (attachments === undefined) return t('domain.vmActions.checkingMigrate', { vm: vmName });
  if (attachments === 'unreadable') return t('domain.vmActions.disksUnreadable', { vm: vmName });
  const reserving = attachments.filter((a) => a.active && a.usesScsiReservation);
  return reserving.length > 0
    ? t('domain.vmActions.scsiReservation', { vm: vmName, disks: reserving.map((a) => a.alias ?? a.diskId).join(', ') })
    : undefined;
}

/** "Run: db01 is already Up." — the reasons of the disabled actions, grouped when they share one. */
export function disabledReasons(states: Record<LifecycleAction, ActionState>): Array<{ actions: LifecycleAction[]; reason: string }> {
  const out: Array<{ actions: LifecycleAction[]; reason: string }> = [];
  for (const a of ['start', 'shutdown', 'stop', 'migrate'] as const) {
    const reason = states[a].reason;
    if (states[a].enabled || !reason) continue;
    const same = out.find((x) => x.reason === reason);
    if (same) same.actions.push(a);
    else out.push({ actions: [a], reason });
  }
  return out;
}
