import { describe, expect, it } from 'vitest';
import { Engine } from './engine/engine';
import { createLunDiskOnVm } from './engine/ops-disks';
import { checkLogin } from './engine/ops-storage';
import { fromStored, toStored } from './persist';
import { buildScenario } from './scenarios';
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
    expect(back.users).toEqual([{ name: 'admin@internal', password: 'ovirt' }]);
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
});
