// What the emulated engine holds after a fault-matrix row: the disks on a LUN, a disk's attachments, a VM's status
// and host, the jobs of an operation. Read from the engine's state, never from the page.
import type { Page } from '@playwright/test';
import { emulator } from '../fixtures';

export interface FaultSpec {
  method?: string;
  path: string;
  mode: 'lose-after' | 'lose-before' | 'status-500-html' | 'garbage-200' | 'slow';
  ms?: number;
}

/** Arm one fault for the next matching request. */
export async function failNext(page: Page, spec: FaultSpec): Promise<void> {
  await emulator(page, (em, s) => em.failNext(s as FaultSpec), spec);
}

/** The requests the armed faults hit ("POST /ovirt-engine/api/v4/…"). */
export async function firedFaults(page: Page): Promise<string[]> {
  return emulator(page, (em) => em.firedFaults().map((f) => f.request));
}

/** The direct-LUN disks on this LUN: alias and description. */
export async function disksOnLun(page: Page, lunId: string) {
  return emulator(
    page,
    (em, id) => em.engine.state.disks.filter((d) => d.kind === 'lun' && d.lun.id === id).map((d) => ({ alias: d.alias, description: d.description })),
    lunId,
  );
}

/** Every attachment of the disk with this alias: the VM's name, whether it is plugged, its interface. */
export async function attachmentsOf(page: Page, alias: string) {
  return emulator(
    page,
    (em, a) => {
      const s = em.engine.state;
      const ids = s.disks.filter((d) => d.alias === a).map((d) => d.id);
      return s.attachments
        .filter((x) => ids.includes(x.diskId))
        .map((x) => ({ vm: s.vms.find((v) => v.id === x.vmId)?.name, active: x.active, interface: x.interface }));
    },
    alias,
  );
}

/** How many disks carry this alias. */
export async function disksNamed(page: Page, alias: string): Promise<number> {
  return emulator(page, (em, a) => em.engine.state.disks.filter((d) => d.alias === a).length, alias);
}

/** The VM's status and the name of the host it runs on. */
export async function vmState(page: Page, name: string) {
  return emulator(
    page,
    (em, n) => {
      const vm = em.engine.state.vms.find((v) => v.name === n);
      return { status: vm?.status, host: em.engine.state.hosts.find((h) => h.id === vm?.hostId)?.name };
    },
    name,
  );
}

/** The statuses of the engine's jobs whose description starts with `prefix`, oldest first. */
export async function jobStatuses(page: Page, prefix: string): Promise<string[]> {
  return emulator(page, (em, p) => em.engine.state.jobs.filter((j) => j.description.startsWith(p as string)).map((j) => j.status), prefix);
}

/** Whether any step of the engine's jobs is running with a description starting with `prefix`. */
export async function stepRunning(page: Page, prefix: string): Promise<boolean> {
  return emulator(page, (em, p) => em.engine.state.steps.some((s) => s.status === 'started' && s.description.startsWith(p as string)), prefix);
}

/** Hot plugs the engine sent to the VM's host (one per plug, the device spec record). */
export async function hotplugs(page: Page, vm: string): Promise<number> {
  return emulator(
    page,
    (em, n) => {
      const id = em.engine.state.vms.find((v) => v.name === n)?.id;
      return em.engine.state.deviceSpecs.filter((r) => r.reason === 'hotplug' && r.vmId === id).length;
    },
    vm,
  );
}
