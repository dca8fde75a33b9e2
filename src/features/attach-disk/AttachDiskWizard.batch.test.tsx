// "Create from LUN" in the Attach wizard with several LUNs (decision 048): the shared LUN-disk flow makes one disk
// per LUN, each created, attached and plugged on the VM in its own request; the engine holds each once.
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { byName, setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { AttachDiskPage } from './AttachDiskPage';
import { draftKeyOf } from './form';

const { ctx, server } = setupEmulatedEngine('lab');
const engine = () => ctx.emulator.engine;
let posts = 0;
beforeEach(() => {
  sessionStorage.clear();
  posts = 0;
  server.events.removeAllListeners('request:start');
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && /\/vms\/[^/]+\/diskattachments$/.test(new URL(request.url).pathname)) posts++;
  });
});

describe('Create from LUN with several LUNs', () => {
  it('creates, attaches and plugs one disk per LUN on db01, each once, named by the prefix', async () => {
    const e = engine();
    const db01 = byName(e.state.vms, 'db01').id;
    const ids = e.state.luns
      .filter((l) => l.targetIqn?.endsWith('array-a.apps') && !e.diskOfLun(l.id) && l.activePaths === l.paths)
      .slice(0, 3)
      .map((l) => l.id);
    expect(ids).toHaveLength(3);
    const values = {
      vmId: db01,
      mode: 'create',
      hostId: byName(e.state.hosts, 'host1').id,
      storageType: 'iscsi',
      lunId: ids[0],
      lunIds: ids,
      alias: ids[0],
      aliasSuggestion: ids[0],
      interface: 'virtio_scsi',
      activate: true,
      namePattern: 'prefix',
      namePrefix: 'rac-',
      nameStart: '1',
    };
    sessionStorage.setItem(`dlc.draft.${draftKeyOf(db01, undefined)}`, JSON.stringify({ values, step: 'review', savedAt: Date.now() }));
    const { user } = renderRoute(
      [
        { path: '/attach-disk', element: <AttachDiskPage /> },
        { path: '/vms/:id', element: <p>VM page</p> },
        { path: '/disks/:id', element: <p>Disk page</p> },
      ],
      `/attach-disk?vm=${db01}`,
    );
    expect(await screen.findByRole('heading', { name: 'Review: 3 disks' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: /^Create/ }));
    expect(await screen.findByRole('heading', { name: '3 disks created for db01' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getAllByText('Created, attached to db01 and plugged')).toHaveLength(3);
    expect(posts).toBe(3);
    const disks = e.state.disks.filter((d) => d.kind === 'lun' && ids.includes(d.lun.id));
    expect(disks.map((d) => d.alias).sort()).toEqual(['rac-01', 'rac-02', 'rac-03']);
    const atts = e.state.attachments.filter((a) => a.vmId === db01 && disks.some((d) => d.id === a.diskId));
    expect(atts).toHaveLength(3);
    expect(atts.every((a) => a.active)).toBe(true);
  });
});
