// The Add Direct LUN disk wizard when the answer to Create is lost or the page is reloaded mid-Create, against the
// emulated engine (msw/node): "ours" is decided with the engine before any step is validated, so the console never
// refuses its own disk as "used" — and never creates a second one. Each test asserts what the user reads and what
// the engine holds: one disk on that LUN, one attachment.
import { cleanup, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFloatingLunDisk, createLunDiskOnVm } from '../../../mocks/engine/ops-disks';
import { parseAttachment, parseLunDisk } from '../../../mocks/handlers/disks';
import { byName, setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { AddDiskPage } from './AddDiskPage';
import { draftKeyOf } from './AddDiskWizard';

const { ctx, server } = setupEmulatedEngine('lab');
const engine = () => ctx.emulator.engine;
let posts = 0;
beforeEach(() => {
  sessionStorage.clear();
  posts = 0;
  server.events.removeAllListeners('request:start');
  server.events.on('request:start', ({ request }) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'POST' && (path === '/ovirt-engine/api/v4/disks' || /\/vms\/[^/]+\/diskattachments$/.test(path))) posts++;
  });
});

/** A free LUN on array-a.apps (10.35.1.72) that host1 sees on all its paths. */
function freeLun(): string {
  const e = engine();
  const lun = e.state.luns.find((l) => l.targetIqn?.endsWith('array-a.apps') && !e.diskOfLun(l.id) && l.activePaths === l.paths);
  if (!lun) throw new Error('lab changed');
  return lun.id;
}

/** The wizard reopened on Review with every step filled, as a draft left it (the reload's starting point). */
function seedReview(vmName: string | undefined, lunId: string, alias: string) {
  const vm = vmName ? byName(engine().state.vms, vmName) : undefined;
  const values = {
    dataCenterId: engine().state.dataCenters[0]?.id ?? '',
    hostId: byName(engine().state.hosts, 'host1').id,
    storageType: 'iscsi',
    lunId,
    alias,
    aliasSuggestion: lunId,
    interface: 'virtio',
    activate: !!vm,
  };
  sessionStorage.setItem(`dlc.draft.${draftKeyOf(vm?.id)}`, JSON.stringify({ values, step: 'review', savedAt: Date.now() }));
  return vm;
}

function renderWizard(vmId?: string) {
  return renderRoute(
    [
      { path: '/disks/new', element: <AddDiskPage /> },
      { path: '/disks', element: <p>Disks list</p> },
      { path: '/vms/:id', element: <p>VM page</p> },
    ],
    vmId ? `/disks/new?vm=${vmId}` : '/disks/new',
  );
}

const disksOn = (lunId: string) => engine().state.disks.filter((d) => d.kind === 'lun' && d.lun.id === lunId);
const attachmentsOf = (diskId: string | undefined) => engine().state.attachments.filter((a) => a.diskId === diskId);
const correlationOf = (request: Request) => new URL(request.url).searchParams.get('correlation_id') ?? undefined;

/** The engine makes the floating disk (tagged with the request's correlation id); then the answer is lost. */
function loseFloatingAnswer(engineActs: boolean) {
  server.use(
    http.post(
      '*/ovirt-engine/api/v4/disks',
      async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        if (engineActs) await createFloatingLunDisk(engine(), parseLunDisk(body), correlationOf(request));
        return HttpResponse.error();
      },
      { once: true },
    ),
  );
}

/** The engine creates, attaches (and plugs, if asked and it can) the VM's disk; then the answer is lost. */
function loseVmAnswer(vmId: string) {
  server.use(
    http.post(
      `*/ovirt-engine/api/v4/vms/${vmId}/diskattachments`,
      async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        const disk = body.disk as Record<string, unknown>;
        await createLunDiskOnVm(engine(), vmId, parseLunDisk(disk), parseAttachment(body), correlationOf(request));
        return HttpResponse.error();
      },
      { once: true },
    ),
  );
}

async function pressCreate(user: ReturnType<typeof renderWizard>['user'], name = 'Create') {
  const button = await screen.findByRole('button', { name });
  await waitFor(() => expect(button).toBeEnabled());
  await user.click(button);
}

describe('the answer to Create is lost', () => {
  it('after the engine made the floating disk: Create again shows it created — not "used", not made twice', async () => {
    const lunId = freeLun();
    seedReview(undefined, lunId, 'lost-once');
    loseFloatingAnswer(true);
    const { user } = renderWizard();
    await pressCreate(user);
    expect(await screen.findByText('No answer from the engine: the disk may or may not have been created')).toBeInTheDocument();
    expect(disksOn(lunId)).toHaveLength(1);

    await pressCreate(user);
    expect(await screen.findByRole('heading', { name: /Disk lost-once created$/ })).toBeInTheDocument();
    expect(screen.getByText(/The engine had created it before the connection to it was lost; nothing was created twice\./)).toBeInTheDocument();
    expect(screen.queryByText(/Pick another LUN/)).not.toBeInTheDocument();
    expect(posts).toBe(1);
    expect(disksOn(lunId)).toHaveLength(1);
  });

  it('before the engine acted: Create again says nothing was made, and makes exactly one disk', async () => {
    const lunId = freeLun();
    seedReview(undefined, lunId, 'lost-early');
    loseFloatingAnswer(false);
    const { user } = renderWizard();
    await pressCreate(user);
    expect(await screen.findByText('No answer from the engine: the disk may or may not have been created')).toBeInTheDocument();
    expect(disksOn(lunId)).toHaveLength(0);

    await pressCreate(user);
    const created = await screen.findByRole('heading', { name: /Disk lost-early created$/ });
    expect(created.closest('.pf-v6-c-alert')).not.toHaveTextContent(/nothing was created twice/);
    expect(posts).toBe(2);
    expect(disksOn(lunId)).toHaveLength(1);
  });

  it('a VM disk the engine created, attached and plugged: Create again shows all three, from the engine', async () => {
    const lunId = freeLun();
    const db01 = seedReview('db01', lunId, 'db01-lost');
    loseVmAnswer(db01?.id ?? '');
    const { user } = renderWizard(db01?.id);
    await pressCreate(user);
    expect(await screen.findByText('No answer from the engine: the disk may or may not have been created')).toBeInTheDocument();

    await pressCreate(user);
    expect(await screen.findByRole('heading', { name: /Disk db01-lost created, attached to db01 and plugged$/ })).toBeInTheDocument();
    expect(screen.getByText(/The engine had done it before the connection to it was lost; nothing was created twice\./)).toBeInTheDocument();
    expect(posts).toBe(1);
    const [disk] = disksOn(lunId);
    expect(disksOn(lunId)).toHaveLength(1);
    expect(attachmentsOf(disk?.id)).toMatchObject([{ vmId: db01?.id, active: true }]);
  });

  it('a VM disk created and attached whose plug failed: "not plugged", with Retry plug — one disk, one attachment', async () => {
    const lunId = freeLun();
    const web01 = seedReview('web01', lunId, 'web01-lost');
    ctx.emulator.cutPortal('host2', '10.35.1.72');
    loseVmAnswer(web01?.id ?? '');
    const { user } = renderWizard(web01?.id);
    await pressCreate(user);
    expect(await screen.findByText('No answer from the engine: the disk may or may not have been created')).toBeInTheDocument();

    await pressCreate(user);
    expect(await screen.findByRole('heading', { name: /Disk web01-lost was created and attached to web01, but not plugged$/ })).toBeInTheDocument();
    expect(await screen.findByTestId('failed-step')).toHaveTextContent('host2 cannot reach portal 10.35.1.72:3260');
    expect(posts).toBe(1);
    const [disk] = disksOn(lunId);
    expect(disksOn(lunId)).toHaveLength(1);
    expect(attachmentsOf(disk?.id)).toMatchObject([{ vmId: web01?.id, active: false }]);

    ctx.emulator.restorePortal('host2', '10.35.1.72');
    await user.click(screen.getByRole('button', { name: 'Retry plug' }));
    expect(await screen.findByRole('heading', { name: /Disk web01-lost created, attached to web01 and plugged$/ })).toBeInTheDocument();
    expect(attachmentsOf(disk?.id)).toMatchObject([{ vmId: web01?.id, active: true }]);
  });
});

describe('the page is reloaded while Create is in flight', () => {
  /** The engine receives the create (and makes the disk, or not); the answer never reaches this page. */
  function hangCreate(path: string, act: (request: Request, body: Record<string, unknown>) => Promise<unknown>) {
    let release: () => void = () => undefined;
    const gone = new Promise<void>((r) => (release = r));
    server.use(
      http.post(
        path,
        async ({ request }) => {
          const body = (await request.json()) as Record<string, unknown>;
          await act(request, body);
          await gone;
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    return release;
  }

  async function reloadMidCreate(user: ReturnType<typeof renderWizard>['user'], until: () => boolean, vmId?: string) {
    await pressCreate(user);
    await waitFor(() => expect(until()).toBe(true));
    // What survives a reload: sessionStorage (the draft and the attempt in flight), and the engine.
    expect(sessionStorage.getItem(`dlc.draft.${draftKeyOf(vmId)}.create-in-flight`)).not.toContain('chap');
    cleanup();
    return renderWizard(vmId);
  }

  it('the engine made the disk: the Review says so, checks the engine, and shows it created', async () => {
    const lunId = freeLun();
    seedReview(undefined, lunId, 'reloaded');
    let received = false;
    const release = hangCreate('*/ovirt-engine/api/v4/disks', async (request, body) => {
      await createFloatingLunDisk(engine(), parseLunDisk(body), correlationOf(request));
      received = true;
    });
    const { user } = renderWizard();
    await reloadMidCreate(user, () => received);
    // Shown while the engine is asked (findBy fails if it never is); it gives way to the answer, so it is not
    // asserted to stay.
    await screen.findByText(/The page was reloaded while the disk was being created; checking the engine…/);
    expect(await screen.findByRole('heading', { name: /Disk reloaded created$/ })).toBeInTheDocument();
    expect(screen.getByText(/The page was reloaded while the disk was being created; the engine had created it, and nothing was created twice\./)).toBeInTheDocument();
    release();
    expect(posts).toBe(1);
    expect(disksOn(lunId)).toHaveLength(1);
    expect(sessionStorage.getItem(`dlc.draft.${draftKeyOf(undefined)}.create-in-flight`)).toBeNull();
  });

  it('the engine made nothing: the Review says the disk was not created, and Create makes exactly one', async () => {
    const lunId = freeLun();
    seedReview(undefined, lunId, 'reloaded-early');
    let received = false;
    const release = hangCreate('*/ovirt-engine/api/v4/disks', () => {
      received = true;
      return Promise.resolve();
    });
    const { user } = renderWizard();
    const again = await reloadMidCreate(user, () => received);
    expect(await screen.findByRole('heading', { name: /The page was reloaded while the disk was being created: the disk was not created/ })).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`The engine has no disk on LUN ${lunId}: that Create did not happen`))).toBeInTheDocument();
    release();
    await pressCreate(again.user);
    expect(await screen.findByRole('heading', { name: /Disk reloaded-early created$/ })).toBeInTheDocument();
    expect(posts).toBe(2);
    expect(disksOn(lunId)).toHaveLength(1);
  });

  it('a VM disk created, attached and plugged before the reload: shown so, one disk, one attachment', async () => {
    const lunId = freeLun();
    const db01 = seedReview('db01', lunId, 'db01-reloaded');
    const vmId = db01?.id ?? '';
    let received = false;
    const release = hangCreate(`*/ovirt-engine/api/v4/vms/${vmId}/diskattachments`, async (request, body) => {
      await createLunDiskOnVm(engine(), vmId, parseLunDisk(body.disk as Record<string, unknown>), parseAttachment(body), correlationOf(request));
      received = true;
    });
    const { user } = renderWizard(vmId);
    await reloadMidCreate(user, () => received, vmId);
    expect(await screen.findByRole('heading', { name: /Disk db01-reloaded created, attached to db01 and plugged$/ })).toBeInTheDocument();
    expect(screen.getByText(/The page was reloaded while the disk was being created; the engine had done it/)).toBeInTheDocument();
    release();
    expect(posts).toBe(1);
    const [disk] = disksOn(lunId);
    expect(disksOn(lunId)).toHaveLength(1);
    expect(attachmentsOf(disk?.id)).toMatchObject([{ vmId, active: true }]);
  });

  it('someone else took the LUN meanwhile: the LUN step names the disk that took it; nothing is created', async () => {
    const lunId = freeLun();
    seedReview(undefined, lunId, 'mine');
    let received = false;
    const release = hangCreate('*/ovirt-engine/api/v4/disks', () => {
      received = true;
      return Promise.resolve();
    });
    const { user } = renderWizard();
    await pressCreate(user);
    await waitFor(() => expect(received).toBe(true));
    ctx.emulator.takeLun(lunId, 'someone-elses');
    cleanup();
    renderWizard();
    expect(await screen.findByText(new RegExp(`LUN ${lunId} was taken meanwhile: .* It now backs disk someone-elses\\.`))).toBeInTheDocument();
    release();
    expect(await screen.findByRole('heading', { name: 'Pick the LUN' })).toBeInTheDocument();
    expect(posts).toBe(1);
    expect(disksOn(lunId).map((d) => d.alias)).toEqual(['someone-elses']);
  });
});
