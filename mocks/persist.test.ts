import { describe, expect, it } from 'vitest';
import { Engine } from './engine/engine';
import { createLunDiskOnVm } from './engine/ops-disks';
import { checkLogin } from './engine/ops-storage';
import { migrateVm, startVm } from './engine/ops-vms';
import { STORED_STATE_VERSION, fromStored, parseStored, toStored } from './persist';
import { SCENARIOS, buildScenario } from './scenarios';
import { LAB_CHAP } from './scenarios/lab';

describe('the emulated engine state kept in sessionStorage', () => {
  it('holds no token and no password, and comes back the same', async () => {
    const state = buildScenario('lab');
    state.tokens.push({ token: 'live-token-123', user: 'admin@internal', exp: Date.now() + 1e6 });
    const e = new Engine(state);
    const vm = state.vms.find((v) => v.name === 'app01');
    const secure = state.luns.filter((l) => l.targetIqn?.endsWith('array-a.secure'))[1];
    const apps = state.luns.filter((l) => l.targetIqn?.endsWith('array-a.apps'))[3];
    if (!vm || !secure || !apps) throw new Error('lab changed');
    // One disk with the right typed CHAP password, one with a wrong one (created without a host, so unchecked).
    await createLunDiskOnVm(e, vm.id, { alias: 'ok', lunType: 'iscsi', lu: { id: secure.id, address: '10.35.1.72', port: 3260, target: secure.targetIqn, ...LAB_CHAP } }, { interface: 'virtio_scsi', active: false });
    await e.idle();
    state.connections.push({ id: 'typed-wrong', type: 'iscsi', address: '10.35.1.72', port: 3260, target: secure.targetIqn ?? '', username: LAB_CHAP.username, password: 'typed-by-user' });

    const text = JSON.stringify(toStored(state));
    expect(text).not.toContain('live-token-123');
    expect(text).not.toContain(LAB_CHAP.password);
    expect(text).not.toContain('typed-by-user');
    expect(text).not.toContain('"password"');

    const back = fromStored(JSON.parse(text));
    expect(back.tokens).toEqual([]);
    expect(back.users).toEqual([
      { name: 'admin@internal', password: 'ovirt', admin: true },
      { name: 'user@internal', password: 'ovirt', admin: false },
    ]);
    expect(back.targets).toEqual(state.targets);
    const host = back.hosts.find((h) => h.name === 'host1');
    if (!host) throw new Error('no host1');
    const again = new Engine(back);
    const right = back.connections.find((c) => c.target === secure.targetIqn && c.id !== 'typed-wrong');
    const wrong = back.connections.find((c) => c.id === 'typed-wrong');
    if (!right || !wrong) throw new Error('connections lost');
    // A right password still logs in after the reload, a wrong one still fails.
    expect(checkLogin(again, host, right).ok).toBe(true);
    expect(checkLogin(again, host, wrong).ok).toBe(false);
  });

  it('reads every scenario back unchanged through its schema, and a state that operations filled in', async () => {
    for (const name of Object.keys(SCENARIOS)) {
      const text = JSON.stringify(toStored(buildScenario(name)));
      expect(parseStored(text), name).toEqual(JSON.parse(text));
    }
    // Jobs, steps, events with correlation ids, sessions with holders, device specs, logical names: the fields a
    // fresh scenario leaves out.
    const e = new Engine(buildScenario('lab'));
    const app01 = e.state.vms.find((v) => v.name === 'app01');
    const db01 = e.state.vms.find((v) => v.name === 'db01');
    if (!app01 || !db01) throw new Error('lab changed');
    startVm(e, app01.id, 'corr-run');
    migrateVm(e, db01.id, undefined, 'corr-migrate');
    await e.idle();
    const text = JSON.stringify(toStored(e.state));
    expect(text).toContain('"deviceSpecs":[{');
    expect(text).toContain('"correlationId":"corr-run"');
    const back = parseStored(text);
    expect(back).toEqual(JSON.parse(text));
    if (!back) throw new Error('refused');
    expect(fromStored(back).vms.find((v) => v.id === app01.id)?.status).toBe('up');
  });

  it('keeps a running job\'s resume record, with a typed CHAP password only as "was it the target\'s secret"', async () => {
    const e = new Engine(buildScenario('lab'));
    const db01 = e.state.vms.find((v) => v.name === 'db01');
    const [right, wrong] = e.state.luns.filter((l) => l.targetIqn?.endsWith('array-a.secure') && !e.diskOfLun(l.id)).slice(1);
    if (!db01 || !right || !wrong) throw new Error('lab changed');
    const lu = (id: string, password: string) => ({ id, address: '10.35.1.72', port: 3260, target: right.targetIqn, username: LAB_CHAP.username, password });
    const adds = [
      createLunDiskOnVm(e, db01.id, { alias: 'right', lunType: 'iscsi', lu: lu(right.id, LAB_CHAP.password) }, { interface: 'virtio_scsi', active: true }, 'c-right'),
      createLunDiskOnVm(e, db01.id, { alias: 'wrong', lunType: 'iscsi', lu: lu(wrong.id, 'typed-by-user') }, { interface: 'virtio_scsi', active: true }, 'c-wrong'),
    ];
    const text = JSON.stringify(toStored(e.state));
    await Promise.allSettled(adds);
    await e.idle();
    expect(text).toContain('"resume":{"kind":"add-on-vm"');
    expect(text).not.toContain(LAB_CHAP.password);
    expect(text).not.toContain('typed-by-user');
    const back = parseStored(text);
    if (!back) throw new Error('refused');
    expect(back).toEqual(JSON.parse(text));
    const passwords = fromStored(back).jobs.map((j) => (j.resume?.kind === 'add-on-vm' ? [j.resume.alias, j.resume.input.lu?.password] : undefined)).filter(Boolean);
    // The right secret comes back from the scenario; a wrong one stays wrong (any wrong password fails alike).
    expect(passwords).toEqual([['right', LAB_CHAP.password], ['wrong', expect.not.stringMatching(`^${LAB_CHAP.password}$`)]]);
  });

  it('refuses a state an older emulator stored: the scenario is rebuilt instead', () => {
    const stored = toStored(buildScenario('lab'));
    expect(parseStored(JSON.stringify(stored))).toBeDefined();
    expect(parseStored(JSON.stringify({ ...stored, version: STORED_STATE_VERSION - 1 }))).toBeUndefined();
    const { version: _version, ...unversioned } = stored;
    expect(parseStored(JSON.stringify(unversioned))).toBeUndefined();
  });

  it('refuses garbage', () => {
    for (const raw of ['', 'not json', '{"version":1', 'null', '42', '"text"', '[]', '{}', `{"version":${STORED_STATE_VERSION}}`]) {
      expect(parseStored(raw), raw).toBeUndefined();
    }
    const stored = toStored(buildScenario('lab'));
    const [disk, ...otherDisks] = stored.disks;
    const [session, ...otherSessions] = stored.sessions;
    if (!disk || !session) throw new Error('lab changed');
    // One wrong field anywhere is enough.
    expect(parseStored(JSON.stringify({ ...stored, disks: [{ ...disk, alias: 7 }, ...otherDisks] }))).toBeUndefined();
    expect(parseStored(JSON.stringify({ ...stored, sessions: [{ ...session, holders: 'vm:1/disk:2' }, ...otherSessions] }))).toBeUndefined();
    expect(parseStored(JSON.stringify({ ...stored, vms: [...stored.vms, { name: 'no id' }] }))).toBeUndefined();
    expect(parseStored(JSON.stringify({ ...stored, hosts: 'host1' }))).toBeUndefined();
  });
});
