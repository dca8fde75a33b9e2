// Can a host take the VM? Worked out from the real API before asking the engine: for each candidate, its device
// list (GET /hosts/{id}/storage) tells which of the VM's LUNs it sees and with how many active paths; a target
// it is not logged in to cannot be judged from here — the engine connects it first (the seed's Migration) and
// the migration fails clearly if it cannot.
import { t } from '../i18n/i18n';
import { hostStatusText } from './format';
import { lunReach, reachText, reachVerdict, type LunRef } from './lun-reach';
import type { Host, HostLun } from './model';

export interface VmLun {
  alias: string;
  lun: LunRef;
}

export type DestinationVerdict = 'source' | 'not-up' | 'checking' | 'unknown' | 'yes' | 'connect' | 'no';

export interface DestinationCheck {
  host: Host;
  verdict: DestinationVerdict;
  selectable: boolean;
  /** One line per LUN disk (or one line for the host), naming the host, the LUN and the target. */
  lines: string[];
}

export function lunLabel(d: VmLun): string {
  return d.lun.type === 'fcp' ? t('domain.migration.fcLunLabel', { id: d.lun.id, disk: d.alias }) : t('domain.migration.lunLabel', { id: d.lun.id, disk: d.alias });
}

export function checkDestination(
  host: Host,
  vm: { name: string; hostId: string | undefined },
  luns: readonly VmLun[],
  storage: { data?: readonly HostLun[] | undefined; error?: unknown; pending: boolean },
  errorText: (e: unknown) => string,
): DestinationCheck {
  if (host.id === vm.hostId) return { host, verdict: 'source', selectable: false, lines: [t('domain.migration.runsHere', { vm: vm.name })] };
  if (host.status !== 'up') {
    return { host, verdict: 'not-up', selectable: false, lines: [t('domain.migration.hostNotUp', { host: host.name, status: hostStatusText(host.status), vm: vm.name })] };
  }
  if (luns.length === 0) {
    return { host, verdict: 'yes', selectable: true, lines: [t('domain.migration.noLunDisk', { vm: vm.name, host: host.name })] };
  }
  if (storage.pending) return { host, verdict: 'checking', selectable: true, lines: [t('domain.migration.checking', { host: host.name })] };
  if (!storage.data) {
    return {
      host,
      verdict: 'unknown',
      selectable: true,
      lines: [t('domain.migration.unreadable', { host: host.name, error: errorText(storage.error) })],
    };
  }
  const reaches = luns.map((d) => ({ d, r: lunReach(d.lun, host.status, storage.data) }));
  const verdicts = reaches.map((x) => reachVerdict(x.r));
  const verdict: DestinationVerdict = verdicts.includes('no') ? 'no' : verdicts.includes('connect') ? 'connect' : 'yes';
  const lines = [...new Set(reaches.map(({ d, r }) => reachText(r, host.name, lunLabel(d))))];
  return { host, verdict, selectable: verdict !== 'no', lines };
}
