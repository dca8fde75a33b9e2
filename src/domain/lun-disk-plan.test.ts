import { describe, expect, it } from 'vitest';
import { planSentences, type PlanInput } from './lun-disk-plan';

const base: PlanInput = {
  alias: 'lun-a',
  lun: { id: '3600a', type: 'iscsi', sizeText: '10 GiB', target: 'iqn.x:apps', portal: '10.35.1.72:3260' },
  hostName: 'host2',
  hostChecks: true,
  sharable: false,
  readOnly: false,
  passthrough: 'off',
};

describe('plan in plain words', () => {
  it('a floating disk', () => {
    const s = planSentences(base);
    expect(s[0]).toBe('Creates the floating disk lun-a from LUN 3600a (10 GiB, iSCSI target iqn.x:apps at 10.35.1.72:3260).');
    expect(s[1]).toMatch(/^host2 first checks that it sees the LUN/);
  });
  it('a disk hot plugged into a running VM', () => {
    const s = planSentences({
      ...base,
      vm: { name: 'db01', status: 'up', hostName: 'host1', dataCenterName: 'Default', interfaceLabel: 'VirtIO-SCSI', activate: true, bootable: false },
    });
    expect(s.join(' ')).toMatch(/Connects the LUN's target on every Up host of Default at once, waiting on host1 first/);
    expect(s).toContain('Creates disk lun-a from LUN 3600a (10 GiB, iSCSI target iqn.x:apps at 10.35.1.72:3260) and attaches it to db01 as VirtIO-SCSI.');
    expect(s).toContain('Makes sure host1 (running db01) is connected to the target, then hot plugs the disk into db01.');
  });
  it('a down VM gets a required connection', () => {
    const s = planSentences({
      ...base,
      vm: { name: 'app01', status: 'down', dataCenterName: 'Default', interfaceLabel: 'VirtIO', activate: true, bootable: false },
    });
    expect(s.join(' ')).toMatch(/app01 is down: the disk is attached active, and its target joins app01's required connections/);
  });
  it('warns about a storage-domain LUN first', () => {
    expect(planSentences({ ...base, storageDomainName: 'data1' })[0]).toMatch(/^Warning: this LUN is part of storage domain data1/);
  });
  it('says when the host does not check the LUN', () => {
    expect(planSentences({ ...base, hostChecks: false }).join(' ')).toMatch(/without asking host2 \(it has no active path to it\)/);
  });
});
