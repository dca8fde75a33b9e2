// The Attach wizard when an answer is lost or the page is reloaded mid-Create, against the emulated engine
// (msw/node): what the engine already did is looked up before anything is judged or sent again. Each test asserts
// what the user reads and what the engine holds (one disk on the LUN, one attachment).
import { cleanup, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { attachExistingDisk, updateAttachment as engineUpdateAttachment } from '../../../mocks/engine/ops-attachments';
import { createLunDiskOnVm } from '../../../mocks/engine/ops-disks';
import { parseAttachment, parseLunDisk } from '../../../mocks/handlers/disks';
import { byName, setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { AttachDiskPage } from './AttachDiskPage';
import { draftKeyOf } from './form';

const { ctx, server } = setupEmulatedEngine('lab');
const engine = () => ctx.emulator.engine;
const calls = { post: 0, put: 0 };
beforeEach(() => {
  sessionStorage.clear();
  calls.post = 0;
  calls.put = 0;
  server.events.removeAllListeners('request:start');
  server.events.on('request:start', ({ request }) => {
    if (!new URL(request.url).pathname.includes('/diskattachments')) return;
    if (request.method === 'POST') calls.post++;
    if (request.method === 'PUT') calls.put++;
  });
});

const correlationOf = (request: Request) => new URL(request.url).searchParams.get('correlation_id') ?? undefined;
const diskId = (alias: string) => engine().state.disks.find((d) => d.alias === alias)?.id ?? alias;
const attachmentsOf = (vmId: string, id: string | undefined) => engine().state.attachments.filter((a) => a.vmId === vmId && a.diskId === id);

/** The wizard reopened on Review with its steps filled, as its draft left it. */
function seedReview(vmId: string, values: Record<string, unknown>) {
  sessionStorage.setItem(`dlc.draft.${draftKeyOf(vmId, undefined)}`, JSON.stringify({ values: { vmId, ...values }, step: 'review', savedAt: Date.now() }));
}

function renderWizard(vmId: string) {
  return renderRoute(
    [
      { path: '/attach-disk', element: <AttachDiskPage /> },
      { path: '/vms/:id', element: <p>VM page</p> },
      { path: '/disks/:id', element: <p>Disk page</p> },
    ],
    `/attach-disk?vm=${vmId}`,
  );
}

async function press(user: ReturnType<typeof renderWizard>['user'], name: string) {
  const button = await screen.findByRole('button', { name });
  await waitFor(() => expect(button).toBeEnabled());
  await user.click(button);
}

describe('Attach existing disk to a running VM: answers lost', () => {
  function seedArchive(vmId: string) {
    const archive = diskId('archive-lun');
    seedReview(vmId, { mode: 'existing', diskIds: [archive], choices: { [archive]: { interface: 'virtio_scsi', bootable: false, readOnly: false, activate: true } } });
    return archive;
  }

  it('the attach answer lost after the engine attached: read as attached from the earlier try, then plugged', async () => {
    const db01 = byName(engine().state.vms, 'db01').id;
    const archive = seedArchive(db01);
    server.use(
      http.post(
        `*/ovirt-engine/api/v4/vms/${db01}/diskattachments`,
        async ({ request }) => {
          const body = (await request.json()) as Record<string, unknown>;
          await attachExistingDisk(engine(), db01, archive, parseAttachment(body), correlationOf(request));
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const { user } = renderWizard(db01);
    await press(user, 'Attach');
    expect(await screen.findByRole('heading', { name: /archive-lun is attached to db01 and plugged$/ })).toBeInTheDocument();
    expect(screen.getByText('It was already attached from an earlier try; nothing was attached twice.')).toBeInTheDocument();
    expect(screen.queryByText(/was not attached/)).not.toBeInTheDocument();
    expect(calls).toEqual({ post: 1, put: 1 });
    expect(attachmentsOf(db01, archive)).toMatchObject([{ active: true }]);
  });

  it('the plug answer lost after the engine plugged: read as plugged, not "not plugged"', async () => {
    const db01 = byName(engine().state.vms, 'db01').id;
    const archive = seedArchive(db01);
    server.use(
      http.put(
        `*/ovirt-engine/api/v4/vms/${db01}/diskattachments/:diskId`,
        async ({ request, params }) => {
          await engineUpdateAttachment(engine(), db01, String(params.diskId), { active: true }, correlationOf(request));
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const { user } = renderWizard(db01);
    await press(user, 'Attach');
    expect(await screen.findByRole('heading', { name: /archive-lun is attached to db01 and plugged$/ })).toBeInTheDocument();
    expect(screen.queryByText(/but not plugged/)).not.toBeInTheDocument();
    expect(calls).toEqual({ post: 1, put: 1 });
    expect(attachmentsOf(db01, archive)).toMatchObject([{ active: true }]);
  });
});

describe('Attach existing disk: the page reloaded mid-attach', () => {
  /** The engine receives the request (and acts, or not); its answer never reaches this page. */
  function hang(method: 'post' | 'put', path: string, act: (request: Request, params: Record<string, unknown>) => Promise<unknown>) {
    let received = false;
    let release: () => void = () => undefined;
    const gone = new Promise<void>((r) => (release = r));
    server.use(
      http[method](
        path,
        async ({ request, params }) => {
          await act(request, params);
          received = true;
          await gone;
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    return { received: () => received, release };
  }

  it('reloaded while the engine plugged: the Review says it checks, the result reads attached and plugged, nothing resent', async () => {
    const db01 = byName(engine().state.vms, 'db01').id;
    const archive = diskId('archive-lun');
    seedReview(db01, { mode: 'existing', diskIds: [archive], choices: { [archive]: { interface: 'virtio_scsi', bootable: false, readOnly: false, activate: true } } });
    const plug = hang('put', `*/ovirt-engine/api/v4/vms/${db01}/diskattachments/:diskId`, (request, params) =>
      engineUpdateAttachment(engine(), db01, String(params.diskId), { active: true }, correlationOf(request)),
    );
    const { user } = renderWizard(db01);
    await press(user, 'Attach');
    await waitFor(() => expect(plug.received()).toBe(true));
    cleanup();
    renderWizard(db01);
    // Shown while the engine is asked (findBy fails if it never is); it gives way to the answer, so it is not
    // asserted to stay.
    await screen.findByRole('heading', { name: /The page was reloaded while the disks were being attached; checking the engine…/ });
    expect(await screen.findByRole('heading', { name: /archive-lun is attached to db01 and plugged$/ })).toBeInTheDocument();
    expect(screen.getByText('The page was reloaded while the disks were being attached: this is what the engine holds now.')).toBeInTheDocument();
    expect(screen.queryByText(/Already attached to db01/)).not.toBeInTheDocument();
    plug.release();
    expect(calls).toEqual({ post: 1, put: 1 });
    expect(attachmentsOf(db01, archive)).toMatchObject([{ active: true }]);
  });

  it('reloaded before the engine attached: the result says it is not attached, and Retry attach attaches it once', async () => {
    const app01 = byName(engine().state.vms, 'app01').id;
    const archive = diskId('archive-lun');
    seedReview(app01, { mode: 'existing', diskIds: [archive], choices: { [archive]: { interface: 'virtio_scsi', bootable: false, readOnly: false, activate: true } } });
    const attach = hang('post', `*/ovirt-engine/api/v4/vms/${app01}/diskattachments`, () => Promise.resolve());
    const { user } = renderWizard(app01);
    await press(user, 'Attach');
    await waitFor(() => expect(attach.received()).toBe(true));
    cleanup();
    const again = renderWizard(app01);
    expect(await screen.findByRole('heading', { name: /archive-lun was not attached to app01$/ })).toBeInTheDocument();
    expect(screen.getByText(/The page was reloaded before the engine attached it: it is not attached\./)).toBeInTheDocument();
    attach.release();
    expect(attachmentsOf(app01, archive)).toHaveLength(0);
    await press(again.user, 'Try again to attach archive-lun');
    expect(await screen.findByRole('heading', { name: /archive-lun is attached to app01 and plugged$/ })).toBeInTheDocument();
    expect(calls.post).toBe(2);
    expect(attachmentsOf(app01, archive)).toMatchObject([{ active: true }]);
  });
});

describe('Create from LUN: the answer lost, the page reloaded', () => {
  function seedCreate(vmId: string, alias: string): string {
    const e = engine();
    const lun = e.state.luns.find((l) => l.targetIqn?.endsWith('array-a.apps') && !e.diskOfLun(l.id) && l.activePaths === l.paths);
    if (!lun) throw new Error('lab changed');
    seedReview(vmId, {
      mode: 'create',
      hostId: byName(e.state.hosts, 'host1').id,
      storageType: 'iscsi',
      lunId: lun.id,
      alias,
      aliasSuggestion: lun.id,
      interface: 'virtio_scsi',
      activate: true,
    });
    return lun.id;
  }
  const disksOn = (lunId: string) => engine().state.disks.filter((d) => d.kind === 'lun' && d.lun.id === lunId);

  it('the answer lost after the engine created, attached and plugged: Create and attach again shows it done, once', async () => {
    const db01 = byName(engine().state.vms, 'db01').id;
    const lunId = seedCreate(db01, 'db01-from-lun');
    server.use(
      http.post(
        `*/ovirt-engine/api/v4/vms/${db01}/diskattachments`,
        async ({ request }) => {
          const body = (await request.json()) as Record<string, unknown>;
          await createLunDiskOnVm(engine(), db01, parseLunDisk(body.disk as Record<string, unknown>), parseAttachment(body), correlationOf(request));
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const { user } = renderWizard(db01);
    await press(user, 'Create and attach');
    expect(await screen.findByText('No answer from the engine: the disk may or may not have been created')).toBeInTheDocument();
    await press(user, 'Create and attach');
    expect(await screen.findByRole('heading', { name: /Disk db01-from-lun created, attached to db01 and plugged$/ })).toBeInTheDocument();
    expect(screen.queryByText(/Pick another LUN/)).not.toBeInTheDocument();
    expect(calls.post).toBe(1);
    const [disk] = disksOn(lunId);
    expect(disksOn(lunId)).toHaveLength(1);
    expect(attachmentsOf(db01, disk?.id)).toMatchObject([{ active: true }]);
  });

  it('reloaded while the engine created it: the Review says so, checks, and shows it created, once', async () => {
    const db01 = byName(engine().state.vms, 'db01').id;
    const lunId = seedCreate(db01, 'db01-reload');
    let received = false;
    let release: () => void = () => undefined;
    const gone = new Promise<void>((r) => (release = r));
    server.use(
      http.post(
        `*/ovirt-engine/api/v4/vms/${db01}/diskattachments`,
        async ({ request }) => {
          const body = (await request.json()) as Record<string, unknown>;
          await createLunDiskOnVm(engine(), db01, parseLunDisk(body.disk as Record<string, unknown>), parseAttachment(body), correlationOf(request));
          received = true;
          await gone;
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const { user } = renderWizard(db01);
    await press(user, 'Create and attach');
    await waitFor(() => expect(received).toBe(true));
    cleanup();
    renderWizard(db01);
    // Shown while the engine is asked (findBy fails if it never is); it gives way to the answer, so it is not
    // asserted to stay.
    await screen.findByText(/The page was reloaded while the disk was being created; checking the engine…/);
    expect(await screen.findByRole('heading', { name: /Disk db01-reload created, attached to db01 and plugged$/ })).toBeInTheDocument();
    release();
    expect(calls.post).toBe(1);
    const [disk] = disksOn(lunId);
    expect(disksOn(lunId)).toHaveLength(1);
    expect(attachmentsOf(db01, disk?.id)).toMatchObject([{ active: true }]);
  });
});
