// What attaching an existing disk will do, in plain words, by the VM's state. The seed's design
// (docs/design.md §5.3): attached to a VM that is down, the disk's target connections join the VM's required
// connections and are connected on the host that runs it next; attached to a running VM, the VM's host is checked
// or connected to the target, then the disk is hot plugged. A failed plug leaves the disk attached and inactive.
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
  if (d.lunType === 'fcp') return `FC LUN ${d.lunId ?? ''}`.trim();
  if (d.connections.length === 0) return `LUN ${d.lunId ?? ''} (the engine stored no connection for it)`;
  return d.connections.map((c) => `${c.target} at ${portalText(c)}`).join(', ');
}

export function attachPlanSentences(vm: AttachPlanVm, d: AttachPlanDisk): string[] {
  const traits = [d.bootable ? 'bootable' : undefined, d.readOnly ? 'read-only' : undefined].filter(Boolean).join(', ');
  const as = `as ${d.interfaceLabel}${traits ? `, ${traits}` : ''}`;
  const lun = d.kind === 'lun';
  const host = vm.hostName ?? 'the host running it';
  const out: string[] = [];
  if (attachInTwoSteps(vm.status, d.activate)) {
    out.push(`Attaches ${d.alias} to ${vm.name} ${as}, inactive at first.`);
    if (lun) {
      out.push(
        d.lunType === 'fcp'
          ? `Checks that ${host} (running ${vm.name}) sees ${connectionWords(d)}: Fibre Channel has no connection to make.`
          : `Makes sure ${host} (running ${vm.name}) is connected to ${connectionWords(d)}, connecting it if it is not.`,
      );
    }
    out.push(`Hot plugs ${d.alias} into ${vm.name}${vm.status === 'paused' ? ' (paused)' : ''}. If the plug fails, ${d.alias} stays attached and inactive, the reason is shown, and you can retry the plug.`);
  } else if (isVmRunning(vm.status)) {
    out.push(`Attaches ${d.alias} to ${vm.name} ${as}, inactive (not plugged), as you chose.`);
    if (lun) out.push(`Nothing is connected on ${host} until you activate it from ${vm.name}'s Disks tab.`);
  } else if (d.activate) {
    // Said as what happens when: nothing is plugged now, the engine plugs an active disk when the VM starts.
    out.push(`Attaches ${d.alias} to ${vm.name} ${as}; it is plugged when ${vm.name} next runs.`);
    if (lun) {
      out.push(
        `${vm.name} is down: ${connectionWords(d)} ${d.connections.length > 1 ? 'become required connections' : 'becomes a required connection'} of ${vm.name}, connected on the host that runs it next.`,
      );
    }
  } else {
    out.push(`Attaches ${d.alias} to ${vm.name} ${as}, inactive (not plugged), as you chose.`);
    if (lun) out.push(`While it is inactive its target connections are not required to run ${vm.name}; they become required when you activate it.`);
  }
  return out;
}
