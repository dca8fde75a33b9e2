// What attaching an existing disk will do, in plain words, by the VM's state. The seed's design
// (docs/design.md §5.3): attached to a VM that is down, the disk's target connections join the VM's required
// connections and are connected on the host that runs it next; attached to a running VM, the VM's host is checked
// or connected to the target, then the disk is hot plugged. A failed plug leaves the disk attached and inactive.
import { t } from '../i18n/i18n';
import { attachInTwoSteps } from './attach-options';
import { isVmRunning } from './vm-status';
import type { LunStorageType, VmStatus } from './model';

export interface AttachPlanVm {
  name: string;
  status: VmStatus;
  /** Where it runs, when it runs. */
  hostName?: string | undefined;
}

export interface AttachPlanDisk {
  alias: string;
  kind: 'image' | 'lun' | 'other';
  lunType?: LunStorageType | undefined;
  lunId?: string | undefined;
  /** iSCSI connections of the LUN. */
  connections: ReadonlyArray<{ target: string; address: string; port: number }>;
  interfaceLabel: string;
  activate: boolean;
  bootable: boolean;
  readOnly: boolean;
}

export function portalText(c: { address: string; port: number }): string {
  return c.address.includes(':') ? `[${c.address}]:${c.port}` : `${c.address}:${c.port}`;
}

function connectionWords(d: AttachPlanDisk): string {
  if (d.lunType === 'fcp') return d.lunId ? t('domain.attachPlan.fcLun', { id: d.lunId }) : t('domain.attachPlan.fcLunNoId');
  if (d.connections.length === 0) return t('domain.attachPlan.noConnection', { id: d.lunId ?? '' });
  return d.connections.map((c) => t('domain.attachPlan.targetAt', { target: c.target, portal: portalText(c) })).join(', ');
}

export function attachPlanSentences(vm: AttachPlanVm, d: AttachPlanDisk): string[] {
  const traits = [d.bootable ? t('domain.attachPlan.traitBootable') : undefined, d.readOnly ? t('domain.attachPlan.traitReadOnly') : undefined]
    .filter(Boolean)
    .join(', ');
  const as = traits ? t('domain.attachPlan.asWith', { interface: d.interfaceLabel, traits }) : t('domain.attachPlan.as', { interface: d.interfaceLabel });
  const lun = d.kind === 'lun';
  const host = vm.hostName ?? t('domain.attachPlan.hostRunningIt');
  const v = { disk: d.alias, vm: vm.name, as, host };
  const out: string[] = [];
  if (attachInTwoSteps(vm.status, d.activate)) {
    out.push(t('domain.attachPlan.attachesInactiveFirst', v));
    if (lun) {
      out.push(
        d.lunType === 'fcp'
          ? t('domain.attachPlan.checksFc', { ...v, connection: connectionWords(d) })
          : t('domain.attachPlan.makesSureConnected', { ...v, connection: connectionWords(d) }),
      );
    }
    out.push(vm.status === 'paused' ? t('domain.attachPlan.hotPlugsPaused', v) : t('domain.attachPlan.hotPlugs', v));
  } else if (isVmRunning(vm.status)) {
    out.push(t('domain.attachPlan.attachesInactiveChosen', v));
    if (lun) out.push(t('domain.attachPlan.nothingConnectedUntil', v));
  } else if (d.activate) {
    // Said as what happens when: nothing is plugged now, the engine plugs an active disk when the VM starts.
    out.push(t('domain.attachPlan.attachesPluggedNextRun', v));
    if (lun) out.push(t('domain.attachPlan.downRequired', { ...v, connection: connectionWords(d), many: d.connections.length > 1 ? 'yes' : 'no' }));
  } else {
    out.push(t('domain.attachPlan.attachesInactiveChosen', v));
    if (lun) out.push(t('domain.attachPlan.inactiveNotRequired', v));
  }
  return out;
}
