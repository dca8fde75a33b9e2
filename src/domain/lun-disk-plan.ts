// What creating a direct-LUN disk will do, in plain words, for the wizard's review. It follows what the engine
// does (reference/engine-rest-api.md §4.2–4.3) and the seed's connection design the emulated engine implements
// (docs/design.md §5.1, §5.3): connect on the pool, wait for the first host, then plug on the VM's host.
import { t } from '../i18n/i18n';
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
  if (l.type === 'fcp') return t('domain.lunPlan.lunFc', { id: l.id, size: l.sizeText });
  return l.portal
    ? t('domain.lunPlan.lunIscsiPortal', { id: l.id, size: l.sizeText, target: l.target ?? '?', portal: l.portal })
    : t('domain.lunPlan.lunIscsi', { id: l.id, size: l.sizeText, target: l.target ?? '?' });
}

export function planSentences(p: PlanInput): string[] {
  const out: string[] = [];
  const name = p.alias || p.engineAlias || t('domain.lunPlan.theNewDisk');
  if (p.storageDomainName) out.push(t('domain.lunPlan.storageDomainWarning', { domain: p.storageDomainName }));
  const check = p.hostChecks
    ? t('domain.lunPlan.hostChecks', { host: p.hostName })
    : t('domain.lunPlan.noHostCheck', { host: p.hostName });

  if (!p.vm) {
    out.push(t('domain.lunPlan.createsFloating', { name, lun: lunWords(p.lun) }));
    out.push(check);
    out.push(t('domain.lunPlan.floatingNotAttached'));
  } else {
    const vm = p.vm;
    const waitOn = vm.hostName ?? p.hostName;
    out.push(
      p.lun.type === 'fcp'
        ? t('domain.lunPlan.checksEveryHostFc', { dataCenter: vm.dataCenterName, host: waitOn })
        : t('domain.lunPlan.connectsEveryHost', { dataCenter: vm.dataCenterName, host: waitOn }),
    );
    if (p.hostChecks) out.push(check);
    const created = { name, lun: lunWords(p.lun), vm: vm.name, interface: vm.interfaceLabel };
    out.push(vm.bootable ? t('domain.lunPlan.createsAndAttachesBootable', created) : t('domain.lunPlan.createsAndAttaches', created));
    if (vm.activate && isVmRunning(vm.status)) {
      const host = vm.hostName ?? t('domain.lunPlan.hostRunningIt');
      out.push(p.lun.type === 'fcp' ? t('domain.lunPlan.hotPlugFc', { host, vm: vm.name }) : t('domain.lunPlan.hotPlugIscsi', { host, vm: vm.name }));
    } else if (vm.activate) {
      out.push(p.lun.type === 'fcp' ? t('domain.lunPlan.downActiveFc', { vm: vm.name }) : t('domain.lunPlan.downActiveIscsi', { vm: vm.name }));
    } else {
      out.push(t('domain.lunPlan.staysInactive', { vm: vm.name }));
    }
  }
  const traits = [
    p.sharable ? t('domain.lunPlan.traitSharable') : undefined,
    p.readOnly ? t('domain.lunPlan.traitReadOnly') : undefined,
    p.passthrough === 'unfiltered' ? t('domain.lunPlan.traitPassthroughPrivileged') : p.passthrough === 'filtered' ? t('domain.lunPlan.traitPassthrough') : undefined,
  ].filter((x): x is string => !!x);
  if (traits.length > 0) out.push(t('domain.lunPlan.traits', { traits: traits.join(', ') }));
  out.push(t('domain.lunPlan.nothingErased'));
  return out;
}
