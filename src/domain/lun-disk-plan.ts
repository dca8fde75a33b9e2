// What creating a direct-LUN disk will do, in plain words, for the wizard's review. It follows what the engine
// does (reference/engine-rest-api.md §4.2–4.3) and the seed's connection design the emulated engine implements
// (docs/design.md §5.1, §5.3): connect on the pool, wait for the first host, then plug on the VM's host.
import type { LunStorageType, VmStatus } from './model';
import { isVmRunning } from './vm-status';

export interface PlanInput {
  /** The alias that will be sent; empty for a VM disk means the engine names it. */
  alias: string;
  /** What the engine will call it when alias is empty ("db01_Disk4"). */
  engineAlias?: string | undefined;
  lun: {
    id: string;
    type: LunStorageType;
    sizeText: string;
    target?: string | undefined;
    /** "10.35.1.72:3260" */
    portal?: string | undefined;
  };
  /** The host the LUN was picked on. */
  hostName: string;
  /** Whether lun_storage.host is sent (the host checks it sees the LUN and the engine stores its details). */
  hostChecks: boolean;
  storageDomainName?: string | undefined;
  vm?:
    | {
        name: string;
        status: VmStatus;
        /** Where it runs, when it runs. */
        hostName?: string | undefined;
        dataCenterName: string;
        interfaceLabel: string;
        activate: boolean;
        bootable: boolean;
      }
    | undefined;
  sharable: boolean;
  readOnly: boolean;
  passthrough: 'off' | 'filtered' | 'unfiltered';
}

function lunWords(l: PlanInput['lun']): string {
  const where = l.type === 'fcp' ? 'Fibre Channel' : `iSCSI target ${l.target ?? '?'}${l.portal ? ` at ${l.portal}` : ''}`;
  return `LUN ${l.id} (${l.sizeText}, ${where})`;
}

export function planSentences(p: PlanInput): string[] {
  const out: string[] = [];
  const name = p.alias || p.engineAlias || 'the new disk';
  if (p.storageDomainName) {
    out.push(
      `Warning: this LUN is part of storage domain ${p.storageDomainName}. A VM writing to it can destroy that domain's data; you approve this explicitly below.`,
    );
  }
  const check = p.hostChecks
    ? `${p.hostName} first checks that it sees the LUN, so the engine stores its size, vendor, serial and paths.`
    : `The engine stores the LUN without asking ${p.hostName} (it has no active path to it), so the disk's size stays unknown until the LUN is refreshed from a host that sees it.`;

  if (!p.vm) {
    out.push(`Creates the floating disk ${name} from ${lunWords(p.lun)}.`);
    out.push(check);
    out.push('The disk is not attached to any VM: attach it to one later.');
  } else {
    const vm = p.vm;
    const waitOn = vm.hostName ?? p.hostName;
    out.push(
      p.lun.type === 'fcp'
        ? `Checks on every Up host of ${vm.dataCenterName} at once that it sees the FC LUN, waiting on ${waitOn} first; the first host that succeeds decides.`
        : `Connects the LUN's target on every Up host of ${vm.dataCenterName} at once, waiting on ${waitOn} first; the first host that connects decides and the others finish in the background.`,
    );
    if (p.hostChecks) out.push(check);
    out.push(
      `Creates disk ${name} from ${lunWords(p.lun)} and attaches it to ${vm.name} as ${vm.interfaceLabel}${vm.bootable ? ', bootable' : ''}.`,
    );
    if (vm.activate && isVmRunning(vm.status)) {
      const ensure = p.lun.type === 'fcp' ? 'sees the FC LUN' : 'is connected to the target';
      out.push(`Makes sure ${vm.hostName ?? 'the host running it'} (running ${vm.name}) ${ensure}, then hot plugs the disk into ${vm.name}.`);
    } else if (vm.activate) {
      out.push(
        `${vm.name} is down: the disk is attached active, and ${p.lun.type === 'fcp' ? 'the LUN' : 'its target'} joins ${vm.name}'s required connections, connected on the host that runs it next.`,
      );
    } else {
      out.push(`The disk stays inactive (not plugged): activate it later from ${vm.name}'s disks.`);
    }
  }
  const traits = [
    p.sharable ? 'sharable (several VMs may use it at once)' : undefined,
    p.readOnly ? 'read-only' : undefined,
    p.passthrough === 'unfiltered' ? 'with SCSI pass-through and privileged SCSI I/O' : p.passthrough === 'filtered' ? 'with SCSI pass-through' : undefined,
  ].filter((x): x is string => !!x);
  if (traits.length > 0) out.push(`The disk is ${traits.join(', ')}.`);
  out.push('Nothing on the LUN is changed or erased by creating the disk.');
  return out;
}
