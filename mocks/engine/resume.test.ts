// A reload mid-operation in emulated mode: the state is saved while a job runs (persist round trip), a new
// engine is built from it and resumes the job; the end state must be the one the same operation reaches without
// the interruption — VMs, sessions per host, disks, attachments, connections, device specs, the job and every
// step and event (only the random generator's position differs: a resumed wait draws its latency again).
import { describe, expect, it } from 'vitest';
import { fromStored, parseStored, toStored } from '../persist';
import { buildScenario } from '../scenarios';
import { LAB_CHAP } from '../scenarios/lab';
import { Engine } from './engine';
import { attachExistingDisk, detachDisk, updateAttachment } from './ops-attachments';
import { createFloatingLunDisk, createLunDiskOnVm } from './ops-disks';
import { crashHost } from './ops-host-failure';
import { migrateVm, startVm, stopVm } from './ops-vms';
import { resumeJobs } from './resume';

const CLOCK = () => 1_700_000_000_000;
const IQN = 'iqn.2024-03.com.example.lab';

function engineOf(scenario: string): Engine {
  return new Engine(buildScenario(scenario), { clock: CLOCK });
}

const find = <T extends { name: string; id: string }>(xs: T[], name: string): T => {
  const x = xs.find((v) => v.name === name);
  if (!x) throw new Error(`no ${name}`);
  return x;
};
const vmId = (e: Engine, name: string) => find(e.state.vms, name).id;
const hostId = (e: Engine, name: string) => find(e.state.hosts, name).id;
const diskId = (e: Engine, alias: string) => {
  const d = e.state.disks.find((x) => x.alias === alias);
  if (!d) throw new Error(`no disk ${alias}`);
  return d.id;
};
/** A LUN of `target` that no disk and no storage domain uses. */
const freeLun = (e: Engine, target: string) => {
  const l = e.state.luns.find((x) => x.targetIqn === target && !e.diskOfLun(x.id) && !e.storageDomainOfLun(x.id));
  if (!l) throw new Error(`no free LUN on ${target}`);
  return l;
};

/** True while a step starting with `text` is open. */
const stepOpen = (e: Engine, text: string) => () => e.state.steps.some((s) => s.status === 'started' && s.description.startsWith(text));

/**
 * The stored text of the state at the first moment `when` holds, taken between two tasks as the page's save is
 * (a reload can only come between two tasks).
 */
function snapshotWhen(e: Engine, when: () => boolean): Promise<string> {
  return new Promise((resolve) => {
    const off = e.subscribe(() => {
      if (!when()) return;
      off();
      setTimeout(() => resolve(JSON.stringify(toStored(e.state))), 0);
    });
  });
}

function endState(e: Engine) {
  const { rng: _rng, ...rest } = toStored(e.state);
  return rest;
}

/**
 * Runs `start` on `e` to its end, and a second engine from the state saved when `when` first held, resumed
 * to its end. Returns both, and the saved text.
 */
async function withReload(e: Engine, start: () => unknown, when: () => boolean) {
  const saved = snapshotWhen(e, when);
  const run = Promise.resolve().then(start).catch((err: unknown) => err);
  const snap = await saved;
  await run;
  await e.idle();
  const stored = parseStored(snap);
  if (!stored) throw new Error('the saved state was refused');
  const running = stored.jobs.filter((j) => j.status === 'started');
  expect(running.length, 'a job was running when the page went away').toBeGreaterThan(0);
  expect(running.every((j) => j.resume), 'every running job says where it stands').toBe(true);
  const again = new Engine(fromStored(stored), { clock: CLOCK });
  resumeJobs(again);
  await again.idle();
  return { snap, again };
}

function jobSteps(e: Engine, correlationId: string) {
  const job = e.state.jobs.find((j) => j.correlationId === correlationId);
  return { status: job?.status, resume: job?.resume, steps: e.state.steps.filter((s) => s.jobId === job?.id).map((s) => `${s.status}: ${s.description}`) };
}

describe('migrate db01 to host2 (lifecycle), reloaded', () => {
  for (const [phase, text] of [
    ['while host2 connects', 'Making sure host2 is connected'],
    ['while the VM moves', 'Migrating db01 from host1 to host2'],
    ['while host1 lets go', 'Releasing on host1'],
  ] as const) {
    it(`${phase}: finishes exactly as without the reload`, async () => {
      const e = engineOf('lifecycle');
      const { again } = await withReload(e, () => migrateVm(e, vmId(e, 'db01'), hostId(e, 'host2'), 'c-mig'), stepOpen(e, text));
      expect(endState(again)).toEqual(endState(e));
      const db01 = find(again.state.vms, 'db01');
      expect(db01.status).toBe('up');
      expect(db01.hostId).toBe(hostId(again, 'host2'));
      const job = jobSteps(again, 'c-mig');
      expect(job.status).toBe('finished');
      expect(job.resume).toBeUndefined();
      expect(job.steps).toContain('finished: db01 now runs on host2');
      expect(again.state.events.filter((ev) => ev.correlationId === 'c-mig').map((ev) => ev.code)).toEqual([62, 63]);
    });
  }
});

describe('run, reloaded', () => {
  for (const [phase, text] of [
    ['while the hosts are asked', 'Asking '],
    ['during the run attempt', 'Starting app01 on '],
  ] as const) {
    it(`app01 after a shutdown (lifecycle), ${phase}: runs exactly as without the reload`, async () => {
      const e = engineOf('lifecycle');
      stopVm(e, vmId(e, 'app01'), 'stop');
      await e.idle();
      const { again } = await withReload(e, () => startVm(e, vmId(e, 'app01'), 'c-run'), stepOpen(e, text));
      expect(endState(again)).toEqual(endState(e));
      expect(find(again.state.vms, 'app01').status).toBe('up');
      expect(jobSteps(again, 'c-run').status).toBe('finished');
    });
  }

  it('after the device spec went to the host (powering up): the spec is not sent twice', async () => {
    const e = engineOf('lifecycle');
    stopVm(e, vmId(e, 'app01'), 'stop');
    await e.idle();
    const specs = e.state.deviceSpecs.length;
    const poweringUp = () => e.state.jobs.some((j) => j.resume?.kind === 'run' && j.resume.attempt?.phase === 'powering-up');
    const { again } = await withReload(e, () => startVm(e, vmId(e, 'app01'), 'c-run'), poweringUp);
    expect(endState(again)).toEqual(endState(e));
    expect(again.state.deviceSpecs.length).toBe(specs + 1);
  });

  it('the HA restart of db01 after host1 crashed: db01 ends up on host2, host3 skipped', async () => {
    const e = engineOf('lifecycle');
    const { again } = await withReload(e, () => crashHost(e, hostId(e, 'host1')), stepOpen(e, 'Starting db01 on host2'));
    expect(endState(again)).toEqual(endState(e));
    const db01 = find(again.state.vms, 'db01');
    expect([db01.status, db01.hostId]).toEqual(['up', hostId(again, 'host2')]);
  });

  it('a VM no host can serve (dr01) still fails with every host\'s reason', async () => {
    const e = engineOf('lifecycle');
    const { again } = await withReload(e, () => startVm(e, vmId(e, 'dr01'), 'c-dr'), stepOpen(e, 'Asking '));
    expect(endState(again)).toEqual(endState(e));
    expect(jobSteps(again, 'c-dr').steps).toContain('failed: dr01 could not run: no host could connect what it needs');
  });
});

describe('shut down and power off, reloaded', () => {
  for (const [how, text] of [
    ['shutdown', 'Shutting down the guest of app02'],
    ['stop', 'Powering off app02'],
    ['stop', 'Releasing on host1'],
  ] as const) {
    it(`${how}, at "${text}": app02 ends down and host1 releases what it held, once`, async () => {
      const e = engineOf('lifecycle');
      // With app01 down first, app02 is the last user of its target on host1: the release logs out (and takes time).
      stopVm(e, vmId(e, 'app01'), 'stop');
      await e.idle();
      const { again } = await withReload(e, () => stopVm(e, vmId(e, 'app02'), how, 'c-stop'), stepOpen(e, text));
      expect(endState(again)).toEqual(endState(e));
      expect(find(again.state.vms, 'app02').status).toBe('down');
      expect(jobSteps(again, 'c-stop').status).toBe('finished');
    });
  }
});

describe('add a direct-LUN disk, reloaded', () => {
  it('floating, with a host check, while the host checks the LUN and while the disk is created: one disk', async () => {
    for (const text of ['Checking that host1 sees LUN', 'Creating disk floaty']) {
      const e = engineOf('lab');
      const lun = freeLun(e, `${IQN}:array-a.apps`);
      const input = { alias: 'floaty', lunType: 'iscsi', hostId: hostId(e, 'host1'), lu: { id: lun.id, address: '10.35.1.72', port: 3260, target: lun.targetIqn } };
      const { again } = await withReload(e, () => createFloatingLunDisk(e, input, 'c-float'), stepOpen(e, text));
      expect(endState(again)).toEqual(endState(e));
      expect(again.state.disks.filter((d) => d.alias === 'floaty')).toHaveLength(1);
      expect(jobSteps(again, 'c-float').status).toBe('finished');
    }
  });

  it('on a running VM with plug, at every phase: one disk, one attachment, plugged once; no CHAP secret saved', async () => {
    for (const text of ['Connecting the targets of LUN', 'Creating disk chap-new', 'Making sure host1 (running db01)', 'Hot plugging chap-new']) {
      const e = engineOf('lab');
      const lun = freeLun(e, `${IQN}:array-a.secure`);
      const input = { alias: 'chap-new', lunType: 'iscsi', lu: { id: lun.id, address: '10.35.1.72', port: 3260, target: lun.targetIqn, ...LAB_CHAP } };
      const { snap, again } = await withReload(
        e,
        () => createLunDiskOnVm(e, vmId(e, 'db01'), input, { interface: 'virtio_scsi', active: true }, 'c-add'),
        stepOpen(e, text),
      );
      expect(snap, text).not.toContain(LAB_CHAP.password);
      expect(endState(again), text).toEqual(endState(e));
      const disk = again.state.disks.filter((d) => d.alias === 'chap-new');
      expect(disk, text).toHaveLength(1);
      expect(again.attachmentsOfDisk(diskId(again, 'chap-new')).map((a) => a.active), text).toEqual([true]);
      expect(again.state.deviceSpecs.filter((s) => s.reason === 'hotplug'), text).toHaveLength(1);
      expect(jobSteps(again, 'c-add').status, text).toBe('finished');
      // The password came back from the scenario: host1 logged in to the secure target with it.
      expect(again.state.sessions.some((s) => s.hostId === hostId(again, 'host1') && s.target === `${IQN}:array-a.secure`), text).toBe(true);
    }
  });

  it('on a running VM, a LUN only some hosts reach: the pool answers resume where they stood', async () => {
    const e = engineOf('lab');
    const lun = freeLun(e, `${IQN}:array-b.backup`);
    const input = { alias: 'bk-new', lunType: 'iscsi', lu: { id: lun.id, address: '10.35.2.90', port: 3260, target: lun.targetIqn } };
    const { again } = await withReload(
      e,
      () => createLunDiskOnVm(e, vmId(e, 'db01'), input, { interface: 'virtio_scsi', active: false }, 'c-pool'),
      stepOpen(e, 'Connecting the targets of LUN'),
    );
    expect(endState(again)).toEqual(endState(e));
    expect(jobSteps(again, 'c-pool').steps.some((s) => s.startsWith('failed: host3 cannot reach portal 10.35.2.90:3260'))).toBe(true);
  });
});

describe('attach and hot plug, reloaded', () => {
  it('attach archive-lun to running db01 with active=true, while connecting and while plugging', async () => {
    for (const text of ['Making sure host1 (running db01)', 'Hot plugging archive-lun']) {
      const e = engineOf('lab');
      const { again } = await withReload(
        e,
        () => attachExistingDisk(e, vmId(e, 'db01'), diskId(e, 'archive-lun'), { interface: 'virtio_scsi', active: true }, 'c-att'),
        stepOpen(e, text),
      );
      expect(endState(again), text).toEqual(endState(e));
      expect(again.attachmentsOfDisk(diskId(again, 'archive-lun')).map((a) => [a.vmId, a.active]), text).toEqual([[vmId(again, 'db01'), true]]);
      expect(again.state.events.filter((ev) => ev.correlationId === 'c-att').map((ev) => ev.code), text).toEqual([2000, 2016]);
    }
  });

  for (const [active, vm, alias, text] of [
    [false, 'web01', 'cluster-quorum', 'Unplugging cluster-quorum'],
    [false, 'web01', 'cluster-quorum', 'Releasing the connections of cluster-quorum'],
    [true, 'db01', 'db01-redo', 'Making sure host1 (running db01)'],
    [true, 'db01', 'db01-redo', 'Hot plugging db01-redo'],
  ] as const) {
    it(`${active ? 'activate' : 'deactivate'} ${alias} on running ${vm}, reloaded at "${text}"`, async () => {
      const e = engineOf('lab');
      const vmOf = vmId(e, vm);
      const disk = diskId(e, alias);
      if (active) {
        await updateAttachment(e, vmOf, disk, { active: false });
        await e.idle();
      }
      const { again } = await withReload(e, () => updateAttachment(e, vmOf, disk, { active, disk: { description: 'edited' } }, 'c-plug'), stepOpen(e, text));
      expect(endState(again)).toEqual(endState(e));
      expect(again.state.attachments.find((a) => a.vmId === vmOf && a.diskId === disk)?.active).toBe(active);
      // The rest of the update (UpdateDisk) is applied once the plug is done, as without the reload.
      expect(again.disk(disk).description).toBe('edited');
      expect(jobSteps(again, 'c-plug').status).toBe('finished');
    });
  }
});

describe('detach from a running VM, reloaded', () => {
  for (const [detachOnly, text] of [[true, 'Unplugging cluster-quorum'], [false, 'Releasing the connections of cluster-quorum']] as const) {
    it(`${detachOnly ? 'detach only' : 'detach and remove'}, at "${text}": detached once, the disk ${detachOnly ? 'kept' : 'removed'}`, async () => {
      const e = engineOf('lab');
      const web01 = vmId(e, 'web01');
      const quorum = diskId(e, 'cluster-quorum');
      // Removing needs the disk on no other running VM: db01 lets go of it first.
      if (!detachOnly) {
        await updateAttachment(e, vmId(e, 'db01'), quorum, { active: false });
        await detachDisk(e, vmId(e, 'db01'), quorum, true);
      }
      const { again } = await withReload(e, () => detachDisk(e, web01, quorum, detachOnly, 'c-det'), stepOpen(e, text));
      expect(endState(again)).toEqual(endState(e));
      expect(again.state.attachments.some((a) => a.vmId === web01 && a.diskId === quorum)).toBe(false);
      expect(!!again.findDisk(quorum)).toBe(detachOnly);
      expect(again.state.events.filter((ev) => ev.correlationId === 'c-det').map((ev) => ev.code)).toEqual([2002, 2018]);
    });
  }
});

describe('a job the engine cannot resume', () => {
  it('ends as failed with an honest step, and the VM it held is settled', async () => {
    const e = engineOf('lifecycle');
    const app01 = find(e.state.vms, 'app01');
    const job = e.startJob('Doing something the emulator cannot resume on app01', 'c-odd');
    job.step('Half way');
    app01.status = 'powering_down';
    const stored = parseStored(JSON.stringify(toStored(e.state)));
    if (!stored) throw new Error('refused');
    const again = new Engine(fromStored(stored), { clock: CLOCK });
    resumeJobs(again);
    await again.idle();
    expect(jobSteps(again, 'c-odd')).toEqual({
      status: 'failed',
      resume: undefined,
      steps: ['aborted: Half way', 'failed: The engine was restarted while doing something the emulator cannot resume on app01; the job did not finish'],
    });
    expect(find(again.state.vms, 'app01').status).toBe('down');
    expect(again.state.jobs.some((j) => j.status === 'started')).toBe(false);
  });
});
