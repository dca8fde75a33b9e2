// Which cached answers each engine change makes stale: checked on a query cache, by the keys the views read.
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { invalidateAfter, keysTouchedBy, type EngineChange } from './changes';
import { attachmentKeys, vmAttachmentIndexKeys } from './disk-attachments';
import { diskKeys } from './disks';
import { eventKeys } from './events';
import { hostStorageKeys } from './host-storage';
import { hostKeys } from './hosts';
import { jobKeys } from './jobs';
import { vmKeys } from './vms';

/** The answers a console has cached after a look around: two hosts, two VMs, the disks, events and some jobs. */
const VIEWS = {
  hostList: hostKeys.list(undefined),
  host1: hostKeys.detail('h1'),
  host1Storage: hostStorageKeys.list('h1', false),
  host2Storage: hostStorageKeys.list('h2', true),
  vmList: vmKeys.list(undefined),
  vm1: vmKeys.detail('vm1'),
  vm1Disks: attachmentKeys.all('vm1'),
  vm2: vmKeys.detail('vm2'),
  vm2Disks: attachmentKeys.all('vm2'),
  whoUsesWhat: vmAttachmentIndexKeys.all,
  diskList: diskKeys.list(undefined),
  disk: diskKeys.detail('d1'),
  events: eventKeys.list(undefined),
  jobsOfThisOp: jobKeys.byCorrelation('op-1'),
  jobsOfAnother: jobKeys.byCorrelation('op-0'),
} satisfies Record<string, QueryKey>;
type View = keyof typeof VIEWS;

let qc: QueryClient;
beforeEach(() => {
  qc = new QueryClient();
  for (const key of Object.values(VIEWS)) qc.setQueryData(key, 'cached');
});

async function staleAfter(change: EngineChange, correlationIds: string[] = []): Promise<View[]> {
  await invalidateAfter(qc, change, correlationIds);
  return (Object.keys(VIEWS) as View[]).filter((v) => qc.getQueryState(VIEWS[v])?.isInvalidated).sort();
}

describe('invalidateAfter', () => {
  it('a new LUN disk on a VM: every host (connect-on-pool), the disks, that VM and its disks, and the jobs of the create', async () => {
    expect(await staleAfter({ kind: 'disk-created', vmId: 'vm1' }, ['op-1'])).toEqual(
      (['hostList', 'host1', 'host1Storage', 'host2Storage', 'vm1', 'vm1Disks', 'whoUsesWhat', 'diskList', 'disk', 'jobsOfThisOp'] as View[]).sort(),
    );
  });

  it('a floating LUN disk: every host and the disks, no VM', async () => {
    expect(await staleAfter({ kind: 'disk-created', vmId: undefined })).toEqual(
      (['hostList', 'host1', 'host1Storage', 'host2Storage', 'whoUsesWhat', 'diskList', 'disk'] as View[]).sort(),
    );
  });

  it('a plug or an unplug: the VM and its disks, and the hosts (the VM\'s host gains or releases a hold)', async () => {
    const expected = (['hostList', 'host1', 'host1Storage', 'host2Storage', 'vm2', 'vm2Disks', 'whoUsesWhat', 'diskList', 'disk', 'jobsOfThisOp'] as View[]).sort();
    expect(await staleAfter({ kind: 'plugged', vmId: 'vm2' }, ['op-1'])).toEqual(expected);
    qc.clear();
    for (const key of Object.values(VIEWS)) qc.setQueryData(key, 'cached');
    expect(await staleAfter({ kind: 'unplugged', vmId: 'vm2' }, ['op-1'])).toEqual(expected);
  });

  it('an edit of an attachment: the VM and its disks, not the hosts', async () => {
    expect(await staleAfter({ kind: 'attachment-changed', vmId: 'vm1' })).toEqual((['vm1', 'vm1Disks', 'whoUsesWhat', 'diskList', 'disk'] as View[]).sort());
  });

  it('a lifecycle action: every VM, every host, the events', async () => {
    expect(await staleAfter({ kind: 'vm-lifecycle', vmId: 'vm1' })).toEqual(
      (['hostList', 'host1', 'host1Storage', 'host2Storage', 'vmList', 'vm1', 'vm1Disks', 'vm2', 'vm2Disks', 'whoUsesWhat', 'events'] as View[]).sort(),
    );
  });

  it('an iSCSI login or a rescan: that host\'s devices only', async () => {
    expect(await staleAfter({ kind: 'iscsi-login', hostId: 'h1' })).toEqual(['host1Storage']);
  });
});

describe('keysTouchedBy', () => {
  it('every change that can connect or release a target on a host names the hosts', () => {
    const touchesHosts = (c: EngineChange) => keysTouchedBy(c).some((k) => JSON.stringify(k) === JSON.stringify(hostKeys.all));
    expect(touchesHosts({ kind: 'disk-created' })).toBe(true);
    expect(touchesHosts({ kind: 'plugged', vmId: 'v' })).toBe(true);
    expect(touchesHosts({ kind: 'unplugged', vmId: 'v' })).toBe(true);
    expect(touchesHosts({ kind: 'vm-lifecycle', vmId: 'v' })).toBe(true);
    expect(touchesHosts({ kind: 'attachment-changed', vmId: 'v' })).toBe(false);
  });
});
