// A host fails and comes back (fault injection from the emulator panel and the tests). A crashed host's
// highly available VMs restart elsewhere through the same Run path (ops-vm-run.ts, the seed's "HA"); its other
// VMs go down.
import { dropHost, holders } from './connection-refs';
import type { Engine } from './engine';
import { LAUNCHING, runVm } from './ops-vm-run';
import { connectLun } from './ops-storage';
import type { EmConnection } from './state';

/** Fault injection: a host crashes. Its sessions are gone; HA VMs restart elsewhere, other VMs go down. */
export function crashHost(e: Engine, hostId: string): void {
  const host = e.host(hostId);
  if (host.status === 'non_responsive') return;
  host.status = 'non_responsive';
  e.state.sessions = dropHost(e.state.sessions, hostId);
  e.event(12, 'error', `Host ${host.name} is non responsive.`, { hostId });
  // A VM still launching there is the Run job's: it counts the failure and tries the next host (rerun).
  for (const vm of e.state.vms.filter((v) => v.hostId === hostId && !LAUNCHING.has(v.status))) {
    for (const a of e.attachmentsOfVm(vm.id)) delete a.logicalName;
    delete vm.hostId;
    if (vm.ha.enabled) {
      const job = e.startJob(`Restarting highly available VM ${vm.name}`, undefined);
      // The seed's HA: "assert that the backing storage target is reachable or connect it to the VM destination
      // host, then restart the VM" — the Run path does exactly that on the candidate hosts.
      job.note(`${host.name} is non responsive; ${vm.name} is highly available, so the engine restarts it on another host`, { hostId });
      e.event(9602, 'warning', `Highly Available VM ${vm.name} failed. It will be restarted automatically.`, { vmId: vm.id, hostId });
      vm.status = 'wait_for_launch';
      e.background(() => runVm(e, vm, job, { exclude: [hostId] }).then(() => undefined));
    } else {
      vm.status = 'down';
      e.event(61, 'error', `VM ${vm.name} is down. Exit message: host ${host.name} became non responsive; the VM is not highly available.`, { vmId: vm.id, hostId });
    }
  }
  e.changed();
}

/** The host comes back: Up again, reconnected to its data center's block storage domains (host activation). */
export function recoverHost(e: Engine, hostId: string): void {
  const host = e.host(hostId);
  if (host.status === 'up') return;
  host.status = 'up';
  e.event(16, 'normal', `Status of host ${host.name} was set to Up.`, { hostId });
  const dc = e.dataCenterOfCluster(host.clusterId);
  e.background(async () => {
    if (!dc) return;
    for (const sd of e.state.storageDomains) {
      if (sd.storageType !== 'iscsi') continue;
      const conns = sd.connectionIds.map((id) => e.state.connections.find((c) => c.id === id)).filter((c): c is EmConnection => !!c);
      const lunId = sd.lunIds[0];
      if (lunId) await connectLun(e, host, { id: lunId, type: 'iscsi' }, conns, holders.storageDomain(sd.id));
    }
  });
  e.changed();
}
