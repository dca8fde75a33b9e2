import { describe, expect, it } from 'vitest';
import { attachPlanSentences, type AttachPlanDisk } from './attach-plan';

const d = (o: Partial<AttachPlanDisk> = {}): AttachPlanDisk => ({
  alias: 'archive', kind: 'lun', lunType: 'iscsi', lunId: 'L1',
  connections: [{ target: 'iqn.t1', address: '10.0.0.1', port: 3260 }],
  interfaceLabel: 'VirtIO-SCSI', activate: true, bootable: false, readOnly: false, ...o,
});

describe('what attaching a disk will do, in words', () => {
  it('down VM: the target becomes a required connection, connected at the next run', () => {
    expect(attachPlanSentences({ name: 'app01', status: 'down' }, d())).toEqual([
      'Attaches archive to app01 as VirtIO-SCSI; it is plugged when app01 next runs.',
      'app01 is down: iqn.t1 at 10.0.0.1:3260 becomes a required connection of app01, connected on the host that runs it next.',
    ]);
  });

  it('down VM, inactive: nothing is required until it is activated', () => {
    expect(attachPlanSentences({ name: 'app01', status: 'down' }, d({ activate: false }))[1]).toMatch(/not required to run app01/);
  });

  it('running VM: attach inactive, connect or assert on its host, then hot plug, and what a failure leaves', () => {
    const s = attachPlanSentences({ name: 'db01', status: 'up', hostName: 'host1' }, d({ readOnly: true }));
    expect(s).toEqual([
      'Attaches archive to db01 as VirtIO-SCSI, read-only, inactive at first.',
      'Makes sure host1 (running db01) is connected to iqn.t1 at 10.0.0.1:3260, connecting it if it is not.',
      'Hot plugs archive into db01. If the plug fails, archive stays attached and inactive, the reason is shown, and you can retry the plug.',
    ]);
  });

  it('FC has no connection to make; an image disk has none either; IPv6 portals get brackets', () => {
    expect(attachPlanSentences({ name: 'db01', status: 'up', hostName: 'host1' }, d({ lunType: 'fcp', connections: [] }))[1]).toBe(
      'Checks that host1 (running db01) sees FC LUN L1: Fibre Channel has no connection to make.',
    );
    expect(attachPlanSentences({ name: 'app01', status: 'down' }, d({ kind: 'image', lunType: undefined, connections: [], bootable: true }))).toEqual([
      'Attaches archive to app01 as VirtIO-SCSI, bootable; it is plugged when app01 next runs.',
    ]);
    expect(attachPlanSentences({ name: 'app01', status: 'down' }, d({ connections: [{ target: 'iqn.t2', address: 'fd00::90', port: 3260 }] }))[1]).toContain(
      'iqn.t2 at [fd00::90]:3260',
    );
  });
});
