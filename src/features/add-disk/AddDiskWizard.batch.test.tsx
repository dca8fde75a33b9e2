// Many LUNs in one go (decision 048), against the emulated engine (msw/node): the LUN step's checkbox column with
// Shift ranges, Select all shown and the running count; a batch whose one disk fails, then Retry failed for that one
// only; a disk created and attached whose plug failed, then Retry plug (that disk's activate only) and Retry failed
// for the others; a double click on Create. Each test asserts what the user reads and what the engine holds.
import { cleanup, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFloatingLunDisk } from '../../../mocks/engine/ops-disks';
import { parseLunDisk } from '../../../mocks/handlers/disks';
import { byName, setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { AddDiskPage } from './AddDiskPage';
import { draftKeyOf } from './AddDiskWizard';

const { ctx, server } = setupEmulatedEngine('lab');
const engine = () => ctx.emulator.engine;
let posts: string[] = [];
/** Every POST and PUT to a VM's disk attachments (create-and-attach, plug), as "METHOD path". */
let attachmentWrites: string[] = [];
beforeEach(() => {
  sessionStorage.clear();
  posts = [];
  attachmentWrites = [];
  server.events.removeAllListeners('request:start');
  server.events.on('request:start', ({ request }) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'POST' && path === '/ovirt-engine/api/v4/disks') posts.push(path);
    if ((request.method === 'POST' || request.method === 'PUT') && path.includes('/diskattachments')) attachmentWrites.push(`${request.method} ${path}`);
  });
});

/** Free LUNs on array-a (host1 is logged in to it), every path up. */
function freeLuns(n: number): string[] {
  const e = engine();
  const ids = e.state.luns
    .filter((l) => l.targetIqn?.includes('array-a.') && !l.targetIqn.endsWith('secure') && !e.diskOfLun(l.id) && l.activePaths === l.paths)
    .filter((l) => !e.state.storageDomains.some((s) => s.lunIds.includes(l.id)))
    .map((l) => l.id);
  if (ids.length < n) throw new Error(`lab has ${ids.length} free LUNs, not ${n}`);
  return ids.slice(0, n);
}

/** The wizard reopened on a step with the source filled (and the batch, if any), as a draft left it. */
function seed(step: 'lun' | 'review', extra: Record<string, unknown> = {}, vmId?: string) {
  const values = {
    dataCenterId: engine().state.dataCenters[0]?.id ?? '',
    hostId: byName(engine().state.hosts, 'host1').id,
    storageType: 'iscsi',
    ...extra,
  };
  sessionStorage.setItem(`dlc.draft.${draftKeyOf(vmId)}`, JSON.stringify({ values, step, savedAt: Date.now() }));
}

function renderWizard(vmId?: string) {
  return renderRoute(
    [
      { path: '/disks/new', element: <AddDiskPage /> },
      { path: '/disks', element: <p>Disks list</p> },
      { path: '/disks/:id', element: <p>Disk page</p> },
      { path: '/vms/:id', element: <p>VM page</p> },
    ],
    vmId ? `/disks/new?vm=${vmId}` : '/disks/new',
  );
}

const check = (id: string) => screen.getByRole('checkbox', { name: new RegExp(`^Select LUN ${id} for the batch`) });
const lunDisks = (ids: readonly string[]) => engine().state.disks.filter((d) => d.kind === 'lun' && ids.includes(d.lun.id));

describe('the LUN step picks several LUNs', () => {
  it('checkboxes, Shift for a range, the running count and size; used LUNs listed, not checkable, with the reason', async () => {
    seed('lun');
    const { user } = renderWizard();
    await screen.findByRole('grid', { name: /LUNs host1 sees$/ });
    const rows = [...document.querySelectorAll('tr[data-lun-id][data-state="selectable"]')].map((r) => r.getAttribute('data-lun-id') ?? '');
    const [a, , , d] = rows;
    if (!a || !d) throw new Error('lab changed');
    await user.click(check(a));
    expect(screen.getByTestId('lun-batch-summary')).toHaveTextContent(/^1 LUN selected, /);
    // A batch of one is the single pick: its alias suggestion comes with it.
    expect(screen.getByTestId('selected-lun')).toHaveTextContent(a);
    await user.keyboard('{Shift>}');
    await user.click(check(d));
    await user.keyboard('{/Shift}');
    const checked = screen.getAllByRole('checkbox', { checked: true });
    expect(checked.length).toBeGreaterThanOrEqual(4);
    expect(screen.getByTestId('lun-batch-summary')).toHaveTextContent(new RegExp(`^${checked.length} LUNs selected, ≈?\\d`));
    // A used LUN stays listed, its checkbox disabled, saying why.
    const used = document.querySelector('tr[data-lun-id][data-state="used"]');
    const usedId = used?.getAttribute('data-lun-id') ?? '';
    expect(check(usedId)).toBeDisabled();
    expect(check(usedId)).toHaveAccessibleName(/not possible: /);
    // Unchecking one takes it out; a click on a row picks that one alone.
    await user.click(check(d));
    expect(screen.getByTestId('lun-batch-summary')).toHaveTextContent(new RegExp(`^${checked.length - 1} LUNs selected`));
    const idCell = document.querySelectorAll(`tr[data-lun-id="${d}"] td`)[1];
    if (!idCell) throw new Error('no ID cell');
    await user.click(idCell);
    expect(screen.getByTestId('lun-batch-summary')).toHaveTextContent(/^1 LUN selected/);
  });

  it('Select all shown after a search checks the selectable LUNs shown, and Clear selection empties the batch', async () => {
    seed('lun');
    const { user } = renderWizard();
    await screen.findByRole('grid', { name: /LUNs host1 sees$/ });
    await user.type(screen.getByRole('textbox', { name: 'Search LUNs' }), 'array-a.data');
    await waitFor(() => expect(document.querySelectorAll('tr[data-lun-id]').length).toBeLessThan(engine().state.luns.length));
    // Shown and checkable (a LUN of a storage domain is picked alone: its checkbox says so).
    const shown = screen.getAllByRole('checkbox').filter((c) => !(c as HTMLInputElement).disabled).length;
    expect(shown).toBeGreaterThan(1);
    await user.click(screen.getByRole('button', { name: /^Select all shown/ }));
    expect(screen.getByTestId('lun-batch-summary')).toHaveTextContent(new RegExp(`^${shown} LUNs? selected`));
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.getByTestId('lun-batch-summary')).toHaveTextContent(/^No LUN selected/);
  });
});

describe('a batch is created one disk after the other', () => {
  it('one disk fails, the others are made; Retry failed sends that one only; the engine ends with each disk once', async () => {
    const ids = freeLuns(3);
    const [, second] = ids;
    seed('review', { lunId: ids[0], lunIds: ids, aliasSuggestion: ids[0], alias: ids[0], namePattern: 'prefix', namePrefix: 'rac-data-', nameStart: '1' });
    // The second disk's request never reaches the engine (a network failure before it): nothing made.
    server.use(
      http.post(
        '*/ovirt-engine/api/v4/disks',
        async ({ request }) => {
          const body = JSON.stringify(await request.clone().json());
          if (second && body.includes(second)) return HttpResponse.error();
          return undefined;
        },
      ),
    );
    const { user } = renderWizard();
    expect(await screen.findByRole('heading', { name: 'Review: 3 disks' })).toBeInTheDocument();
    expect((await screen.findByTestId('rest-preview')).textContent?.match(/POST \/ovirt-engine\/api\/v4\/disks/g)).toHaveLength(3);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.getByTestId('batch-counts')).toHaveTextContent('2 of 3 made, 1 failed.'), { timeout: 10_000 });
    const failedRow = document.querySelector(`[data-testid="batch-item"][data-lun-id="${second}"]`);
    expect(failedRow).toHaveTextContent(/Failed: .*nothing was made\. Retry sends it again\./);
    expect(lunDisks(ids).map((d) => d.alias).sort()).toEqual(['rac-data-01', 'rac-data-03']);
    expect(posts).toHaveLength(3);

    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Retry failed (1)' }));
    expect(await screen.findByRole('heading', { name: '3 disks created' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(posts).toHaveLength(4);
    expect(lunDisks(ids).map((d) => d.alias).sort()).toEqual(['rac-data-01', 'rac-data-02', 'rac-data-03']);
    expect(sessionStorage.getItem(`dlc.draft.${draftKeyOf(undefined)}.batch-in-flight`)).toBeNull();
  });

  it('a double click on Create makes each disk once', async () => {
    const ids = freeLuns(3);
    seed('review', { lunId: ids[0], lunIds: ids, aliasSuggestion: ids[0], alias: ids[0] });
    const { user } = renderWizard();
    await user.dblClick(await screen.findByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('heading', { name: '3 disks created' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(posts).toHaveLength(3);
    expect(lunDisks(ids)).toHaveLength(3);
    expect(lunDisks(ids).map((d) => d.alias).sort()).toEqual([...ids].sort());
  });

  it('names that clash within the batch are refused next to the field, and Next stays', async () => {
    const ids = freeLuns(2);
    seed('review', { lunId: ids[0], lunIds: ids, aliasSuggestion: ids[0], alias: ids[0] });
    const { user } = renderWizard();
    await user.click(await screen.findByRole('button', { name: 'Disk' }));
    const second = await screen.findByRole('textbox', { name: `Alias of the disk on LUN ${ids[1]}` });
    await user.clear(second);
    await user.type(second, ids[0] ?? '');
    expect(second).toHaveAccessibleDescription(/Disk 1 of this batch .* is already called/);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert')).toHaveTextContent('1 alias needs a change');
    expect(second).toHaveFocus();
  });

  it('a reload mid-batch: the Review says what was made (the disk in flight found in the engine), and Create makes the rest, once', async () => {
    const ids = freeLuns(3);
    const [, second] = ids;
    seed('review', { lunId: ids[0], lunIds: ids, aliasSuggestion: ids[0], alias: ids[0], namePattern: 'prefix', namePrefix: 'ora-', nameStart: '7' });
    // The engine makes the second disk; its answer never reaches the page, which goes away meanwhile.
    let received = false;
    // Never answered: a released answer would let the gone page's loop go on (into the next test's engine).
    const gone = new Promise<void>(() => undefined);
    server.use(
      http.post('*/ovirt-engine/api/v4/disks', async ({ request }) => {
        const body = (await request.clone().json()) as Record<string, unknown>;
        if (!second || !JSON.stringify(body).includes(second)) return undefined;
        await createFloatingLunDisk(engine(), parseLunDisk(body), new URL(request.url).searchParams.get('correlation_id') ?? undefined);
        received = true;
        await gone;
        return HttpResponse.error();
      }),
    );
    const first = renderWizard();
    await first.user.click(await screen.findByRole('button', { name: 'Create' }));
    await waitFor(() => expect(received).toBe(true), { timeout: 10_000 });
    expect(sessionStorage.getItem(`dlc.draft.${draftKeyOf(undefined)}.batch-in-flight`)).toContain(second);
    // The old page is gone: its request stays unanswered (a released answer would let its loop go on, which a
    // reloaded page's cannot).
    cleanup();
    server.resetHandlers();
    const { user } = renderWizard();
    expect(await screen.findByText('The page was reloaded while the batch was being created')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('batch-counts')).toHaveTextContent('2 of 3 made, 1 to go.'), { timeout: 10_000 });
    expect(document.querySelector(`[data-testid="batch-item"][data-lun-id="${second}"]`)).toHaveTextContent(/made once/);
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('heading', { name: '3 disks created' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(posts).toHaveLength(3);
    expect(lunDisks(ids).map((d) => d.alias).sort()).toEqual(['ora-07', 'ora-08', 'ora-09']);
  });
});

describe('a batch whose disks are made but not plugged', () => {
  it('offers Retry plug per disk and in Retry failed, which re-send the activate only; the engine ends with N disks, N attachments, all plugged', async () => {
    const ids = freeLuns(3);
    const web01 = byName(engine().state.vms, 'web01');
    seed('review', { lunId: ids[0], lunIds: ids, aliasSuggestion: ids[0], alias: ids[0], namePattern: 'prefix', namePrefix: 'web-data-', nameStart: '1' }, web01.id);
    // web01 runs on host2, which loses its path to array-a: each disk is created and attached, its plug fails.
    ctx.emulator.cutPortal('host2', '10.35.1.72');
    const { user } = renderWizard(web01.id);
    expect(await screen.findByRole('heading', { name: 'Review: 3 disks' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.getByTestId('batch-counts')).toHaveTextContent('3 of 3 made, 3 not plugged.'), { timeout: 10_000 });
    const row = (id: string | undefined) => document.querySelector(`[data-testid="batch-item"][data-lun-id="${id}"]`);
    // Why, from the engine's event of that disk's create.
    expect(row(ids[0])).toHaveTextContent(/Created and attached to web01, but not plugged: Failed to plug disk web-data-01 to VM web01.*Retry plug sends the plug only\./);
    const atts = () => engine().state.attachments.filter((a) => a.vmId === web01.id && lunDisks(ids).some((d) => d.id === a.diskId));
    expect(atts().map((a) => a.active)).toEqual([false, false, false]);
    expect(attachmentWrites.filter((w) => w.startsWith('POST'))).toHaveLength(3);

    ctx.emulator.restorePortal('host2', '10.35.1.72');
    await user.click(screen.getByRole('button', { name: 'Retry plug of web-data-02' }));
    await waitFor(() => expect(screen.getByTestId('batch-counts')).toHaveTextContent('3 of 3 made, 2 not plugged.'), { timeout: 10_000 });
    expect(row(ids[1])).toHaveTextContent('Created, attached to web01 and plugged');
    expect(row(ids[1])).not.toHaveTextContent('Retry plug');
    const disk2 = lunDisks(ids).find((d) => d.alias === 'web-data-02');
    expect(attachmentWrites.slice(3)).toEqual([`PUT /ovirt-engine/api/v4/vms/${web01.id}/diskattachments/${disk2?.id}`]);

    await user.click(screen.getByRole('button', { name: 'Retry failed (2)' }));
    expect(await screen.findByRole('heading', { name: '3 disks created for web01' }, { timeout: 10_000 })).toBeInTheDocument();
    // Two more plugs, nothing created or attached again.
    expect(attachmentWrites.slice(4).map((w) => w.split(' ')[0])).toEqual(['PUT', 'PUT']);
    expect(posts).toHaveLength(0);
    expect(lunDisks(ids).map((d) => d.alias).sort()).toEqual(['web-data-01', 'web-data-02', 'web-data-03']);
    expect(atts()).toHaveLength(3);
    expect(atts().every((a) => a.active)).toBe(true);
    expect(sessionStorage.getItem(`dlc.draft.${draftKeyOf(web01.id)}.batch-in-flight`)).toBeNull();
  });
});
