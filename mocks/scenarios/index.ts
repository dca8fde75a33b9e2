// The named scenarios. To add one: write a function that builds an EmState with ScenarioBuilder and list it
// here; `?scenario=NAME` then selects it (see README "Scenarios").
import type { EmState } from '../engine/state';
import { datacenter } from './datacenter';
import { empty } from './empty';
import { lab } from './lab';
import { hugeSan } from './huge-san';
import { largeSan } from './large-san';
import { lifecycle } from './lifecycle';

export const SCENARIOS: Record<string, { describe: string; build: () => EmState }> = {
  lab: { describe: 'Default lab: 4 hosts, 2 iSCSI portals, 21 iSCSI + 6 FC LUNs, 5 VMs', build: lab },
  empty: { describe: 'Nothing but the Default data center', build: empty },
  'large-san': { describe: '10,000 LUNs behind 8 targets, 40 hosts', build: largeSan },
  'huge-san': { describe: '50,000 LUNs behind 8 targets, 40 hosts (the LUN table at 5× large-san)', build: hugeSan },
  datacenter: { describe: '5,000 VMs, 20,000 disks (5,000 direct LUN), 500 hosts, 100 storage domains', build: datacenter },
  lifecycle: { describe: 'VM lifecycle set-ups: shared targets, an HA VM on portal B, a VM no host can serve', build: lifecycle },
};

export const DEFAULT_SCENARIO = 'lab';

export function buildScenario(name: string): EmState {
  const s = SCENARIOS[name] ?? SCENARIOS[DEFAULT_SCENARIO];
  if (!s) throw new Error('no scenarios');
  return s.build();
}
