// Component tests of the wizard's steps in jsdom, against the emulated engine (msw/node): each step's
// validation on Next, the errors where they belong, and what stays.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeEmulator } from '../../../mocks/node';
import { LAB_CHAP } from '../../../mocks/scenarios/lab';
import { login, logout } from '../../engine-api/sso';
import { session } from '../../engine-api/session';
import { renderRoute } from '../../test/render-route';
import { AddDiskPage } from './AddDiskPage';

const { emulator, server } = createNodeEmulator('lab');
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  emulator.reset('lab');
  sessionStorage.clear();
  await login({ username: 'admin@internal', password: 'ovirt' });
});
afterEach(async () => {
  await emulator.idle();
  if (session.get().status !== 'anonymous') await logout();
});
afterAll(() => server.close());

function vmId(name: string): string {
  const vm = emulator.engine.state.vms.find((v) => v.name === name);
  if (!vm) throw new Error(name);
  return vm.id;
}

function hostId(name: string): string {
  const h = emulator.engine.state.hosts.find((x) => x.name === name);
  if (!h) throw new Error(name);
  return h.id;
}

function renderWizard(path = '/disks/new') {
  return renderRoute(
    [
      { path: '/disks/new', element: <AddDiskPage /> },
      { path: '/disks', element: <p>Disks list</p> },
      { path: '/vms/:id', element: <p>VM page</p> },
    ],
    path,
  );
}

const next = () => screen.getByRole('button', { name: 'Next' });

async function toTargets(user: ReturnType<typeof userEvent.setup>, host = 'host1') {
  const select = await screen.findByLabelText(/Host to use/);
  await waitFor(() => expect(select).toHaveValue(hostId('host1')));
  if (host !== 'host1') await user.selectOptions(select, hostId(host));
  await user.click(next());
  await screen.findByRole('heading', { name: `iSCSI targets of ${host}` });
}

describe('Source step', () => {
  it('offers Up hosts by name; a host that is not Up is listed, disabled, with its status', async () => {
    renderWizard();
    const select = await screen.findByLabelText(/Host to use/);
    await waitFor(() => expect(select).toHaveValue(hostId('host1')));
    const options = within(select).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['host1', 'host2', 'host3', 'host4 (Maintenance, not Up)']);
    expect(within(select).getByRole('option', { name: /host4/ })).toBeDisabled();
    expect(screen.getByLabelText(/Data center/)).toHaveDisplayValue('Default');
  });

  it('says what a storage-type change cleared', async () => {
    const { user } = renderWizard();
    await screen.findByLabelText(/Host to use/);
    await user.click(screen.getByLabelText('Fibre Channel'));
    expect(await screen.findByText(/The storage type is now Fibre Channel\. Fibre Channel needs no discovery or login/)).toBeInTheDocument();
    // No Targets step for FC.
    expect(screen.queryByRole('button', { name: 'Targets' })).not.toBeInTheDocument();
  });

  it('for a VM, starts on the host the VM runs on', async () => {
    renderWizard(`/disks/new?vm=${vmId('web01')}`);
    const select = await screen.findByLabelText(/Host to use/);
    await waitFor(() => expect(select).toHaveValue(hostId('host2')));
    expect(within(select).getByRole('option', { name: 'host2 (runs web01)' })).toBeInTheDocument();
    expect(screen.queryByLabelText(/Data center/)).not.toBeInTheDocument();
    expect(screen.getByText(/The disk is created for VM/)).toHaveTextContent('web01 (Up on host2), in data center Default');
  });
});

describe('Targets step', () => {
  it('Discover validates: an address is needed, the port is 1–65535, CHAP is both or neither', async () => {
    const { user } = renderWizard();
    await toTargets(user);
    await user.click(screen.getByRole('button', { name: 'Discover' }));
    expect(await screen.findByText('Enter the address of the iSCSI portal to discover.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Address/)).toHaveFocus();

    await user.type(screen.getByLabelText(/Address/), '10.35.1.');
    await user.clear(screen.getByLabelText(/Port/));
    await user.type(screen.getByLabelText(/Port/), '70000');
    await user.type(screen.getByLabelText('CHAP username'), 'lab-chap');
    await user.click(screen.getByRole('button', { name: 'Discover' }));
    expect(await screen.findByText(/Enter a host name, an IPv4 or an IPv6 address/)).toBeInTheDocument();
    expect(screen.getByText('Enter a port from 1 to 65535 (iSCSI uses 3260).')).toBeInTheDocument();
    expect(screen.getByText(/Enter the CHAP password too/)).toBeInTheDocument();
    expect(emulator.engine.state.events.some((e) => /discovery/i.test(e.description))).toBe(false);
  });

  it('Enter in a discovery field discovers instead of going to the next step', async () => {
    const { user } = renderWizard();
    await toTargets(user);
    await user.type(screen.getByLabelText(/Address/), 'fd00:35:2::90{Enter}');
    expect(await screen.findByText('Found 1 target at [fd00:35:2::90]:3260.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'iSCSI targets of host1' })).toBeInTheDocument();
  });

  it('a wrong discovery CHAP password fails as a real engine fails it: on the address, CHAP named among the causes', async () => {
    const { user } = renderWizard();
    await toTargets(user);
    await user.type(screen.getByLabelText(/Address/), '10.35.1.72');
    await user.type(screen.getByLabelText('CHAP username'), LAB_CHAP.username);
    await user.type(screen.getByLabelText('CHAP password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Discover' }));
    const address = screen.getByLabelText(/Address/);
    await waitFor(() => expect(address).toHaveAttribute('aria-invalid', 'true'));
    expect(address).toHaveFocus();
    expect(screen.getByText(/host1 could not discover targets at 10\.35\.1\.72:3260/)).toHaveTextContent(
      /“Failed discovery of iSCSI targets”\..*the CHAP username or password for discovery is wrong/,
    );
    expect(screen.getByLabelText('CHAP password')).toHaveValue('wrong');
  });

  it('an unreachable portal lands on the address, naming the host and the likely causes', async () => {
    const { user } = renderWizard();
    await toTargets(user, 'host3');
    await user.type(screen.getByLabelText(/Address/), 'storage-b.lab.example.com{Enter}');
    const address = screen.getByLabelText(/Address/);
    await waitFor(() => expect(address).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText(/host3 could not discover targets at storage-b\.lab\.example\.com:3260/)).toHaveTextContent(
      /“Failed discovery of iSCSI targets”\. Possible causes: host3 cannot reach this address/,
    );
  });

  it('a login failure shows on that target\'s row; Log in to all logs in the others', async () => {
    const { user } = renderWizard();
    await toTargets(user, 'host3');
    emulator.setLoginFailure('iqn.2024-03.com.example.lab:array-a.apps', 'host3', true);
    await user.type(screen.getByLabelText(/Address/), '10.35.1.72{Enter}');
    await screen.findByText(/Found 3 targets/);
    await user.type(screen.getByLabelText('CHAP username'), LAB_CHAP.username);
    await user.type(screen.getByLabelText('CHAP password'), LAB_CHAP.password);
    await user.click(screen.getByRole('button', { name: 'Log in to all (2)' }));
    const table = screen.getByRole('grid', { name: 'Targets' });
    const apps = within(table).getByText('iqn.2024-03.com.example.lab:array-a.apps').closest('tr');
    const secure = within(table).getByText('iqn.2024-03.com.example.lab:array-a.secure').closest('tr');
    await waitFor(() => expect(secure).toHaveTextContent(/Logged in \(4 LUNs\)/));
    expect(apps).toHaveTextContent(/Login failed\. The engine says: “Failed to login to iSCSI node”\. host3 could not log in to this target/);
    expect(within(apps!).getByRole('button', { name: /Log in to iqn.2024-03.com.example.lab:array-a.apps/ })).toHaveTextContent('Try again');
  });

  it('Next is refused while the host sees no iSCSI LUN', async () => {
    emulator.engine.state.sessions = emulator.engine.state.sessions.filter((s) => s.hostId !== hostId('host3'));
    const { user } = renderWizard();
    await toTargets(user, 'host3');
    await user.click(next());
    expect(await screen.findByText('host3 sees no iSCSI LUN yet: discover a portal and log in to the target that holds your LUN first.')).toBeInTheDocument();
  });
});

describe('LUN step', () => {
  async function toLun(user: ReturnType<typeof userEvent.setup>) {
    await toTargets(user);
    await user.click(next());
    return screen.findByRole('grid', { name: 'iSCSI LUNs host1 sees' });
  }

  it('Next without a pick says to pick one', async () => {
    const { user } = renderWizard();
    await toLun(user);
    await user.click(next());
    expect(await screen.findByText('Pick a LUN from the table: the disk is created from it.')).toBeInTheDocument();
  });

  it('used LUNs stay listed, not selectable, with the disk that uses them', async () => {
    const { user } = renderWizard();
    const grid = await toLun(user);
    const used = within(grid).getAllByRole('row').filter((r) => r.getAttribute('data-state') === 'used');
    expect(used.length).toBe(3);
    const archive = used.find((r) => /archive-lun/.test(r.textContent ?? ''));
    expect(archive!.querySelector('td')).toHaveAttribute('aria-disabled', 'true');
    expect(archive?.getAttribute('aria-label')).toMatch(/Not selectable\..*Used by disk archive-lun \(not attached to any VM\): not selectable/);
    await user.click(archive!.querySelector('td')!);
    expect(screen.queryByTestId('selected-lun')).not.toBeInTheDocument();
    expect(within(archive!).getByRole('link', { name: 'Go to disk archive-lun' })).toHaveAttribute('href', `/disks/${emulator.engine.state.disks.find((d) => d.alias === 'archive-lun')?.id ?? ''}`);
    expect(document.getElementById('lun-counts')).toHaveTextContent('12 LUNs: 7 available, 2 in a storage domain, 3 used by disks · 12 shown.');
  });

  it('the first pick changes the "picked" lines\' text, not their elements (no block inserted above the table)', async () => {
    const { user } = renderWizard();
    const grid = await toLun(user);
    const line = screen.getByText('No LUN picked yet: click a row, or check several LUNs for a batch.');
    const box = line.parentElement;
    const details = screen.getByTestId('selected-lun-details');
    expect(details).toHaveTextContent('');
    const row = within(grid).getAllByRole('row').find((r) => r.getAttribute('data-state') === 'selectable');
    await user.click(row!.querySelector('td')!);
    const picked = await screen.findByTestId('selected-lun');
    expect(picked).toBe(line);
    expect(picked.parentElement).toBe(box);
    expect(picked).toHaveTextContent(`Picked: LUN ${row!.getAttribute('data-lun-id') ?? '?'}`);
    expect(screen.getByTestId('selected-lun-details')).toBe(details);
    expect(details).toHaveTextContent(/iqn\./);
  });

  it('picks with the keyboard, and the pick survives search, sort and regrouping', async () => {
    const { user } = renderWizard();
    const grid = await toLun(user);
    const rows = () => within(grid).getAllByRole('row').filter((r) => r.hasAttribute('aria-rowindex') && r.getAttribute('aria-rowindex') !== '1');
    rows()[0]!.focus();
    await user.keyboard('{ArrowDown}{ArrowDown} ');
    const picked = await screen.findByTestId('selected-lun');
    const id = /LUN (\S+)/.exec(picked.textContent ?? '')?.[1];
    expect(id).toMatch(/^36001405/);
    expect(grid.querySelector(`[data-lun-id="${id}"]`)).toHaveAttribute('aria-selected', 'true');

    await user.type(screen.getByLabelText('Search LUNs'), 'DGC');
    await waitFor(() => expect(screen.getByTestId('selected-lun')).toHaveTextContent('(hidden by the search)'));
    await user.clear(screen.getByLabelText('Search LUNs'));
    await user.click(screen.getByRole('button', { name: 'Flat list' }));
    await user.click(within(grid).getByRole('button', { name: 'LUN ID' }));
    expect(grid.querySelector(`[data-lun-id="${id}"]`)).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('selected-lun')).not.toHaveTextContent('hidden');
  });

  it('the search, the flat list and the sort are kept when the user goes Back to Targets and comes again', async () => {
    const { user } = renderWizard();
    const grid = await toLun(user);
    await user.click(screen.getByRole('button', { name: 'Flat list' }));
    await user.click(within(grid).getByRole('button', { name: 'Size' }));
    await user.type(screen.getByLabelText('Search LUNs'), 'LIO-ORG');
    await waitFor(() => expect(document.getElementById('lun-counts')).toHaveTextContent('shown for “LIO-ORG”'));
    await user.click(screen.getByRole('button', { name: /^Back$/ }));
    await screen.findByRole('heading', { name: /iSCSI targets of host1/ });
    await user.click(next());
    const again = await screen.findByRole('grid', { name: 'iSCSI LUNs host1 sees' });
    expect(screen.getByLabelText('Search LUNs')).toHaveValue('LIO-ORG');
    expect(document.getElementById('lun-counts')).toHaveTextContent('shown for “LIO-ORG”');
    expect(screen.getByRole('button', { name: 'Flat list' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(again).getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'ascending');
  });
});

describe('Disk step', () => {
  async function toDisk(user: ReturnType<typeof userEvent.setup>, path?: string) {
    renderWizard(path);
    await toTargets(user);
    await user.click(next());
    const grid = await screen.findByRole('grid', { name: 'iSCSI LUNs host1 sees' });
    const free = within(grid).getAllByRole('row').find((r) => r.getAttribute('data-state') === 'selectable' && /Available/.test(r.textContent ?? ''));
    await user.click(free!.querySelector('td')!);
    await user.click(next());
    await screen.findByRole('heading', { name: 'Set the disk up' });
  }

  it('the alias is pre-filled with the LUN ID and validated: characters, length, required for a floating disk', async () => {
    const user = userEvent.setup();
    await toDisk(user);
    const alias = screen.getByLabelText(/Alias/);
    expect((alias as HTMLInputElement).value).toMatch(/^36001405[0-9a-f]{25}$/);
    await user.clear(alias);
    await user.click(next());
    expect(await screen.findByText("This field can't be empty: a floating disk needs an alias.")).toBeInTheDocument();
    await user.type(alias, 'my disk');
    expect(await screen.findByText("Name can contain only alphanumeric, '.', '_' or '-' characters (not space).")).toBeInTheDocument();
    await user.clear(alias);
    await user.type(alias, 'archive-2');
    await user.click(screen.getByLabelText('Description'));
    await user.paste('x'.repeat(501));
    await user.click(next());
    expect(await screen.findByText('Field content must not exceed 500 characters (it has 501).')).toBeInTheDocument();
  });

  it('an alias another disk already has is warned about next to the field, not refused', async () => {
    const user = userEvent.setup();
    await toDisk(user);
    const alias = screen.getByLabelText(/Alias/);
    await user.clear(alias);
    await user.type(alias, 'archive-lun');
    expect(await screen.findByText(/Another disk is already called archive-lun\. The engine allows it/)).toBeInTheDocument();
    expect(alias).toHaveAccessibleDescription(/Another disk is already called archive-lun/);
    await user.click(next());
    expect(await screen.findByRole('heading', { name: 'Review' })).toBeInTheDocument();
  });

  it('a floating disk: the per-VM options are disabled with the reason next to them', async () => {
    const user = userEvent.setup();
    await toDisk(user);
    expect(screen.getByLabelText('Activate (plug the disk)')).toBeDisabled();
    expect(screen.getByLabelText('Activate (plug the disk)')).toHaveAccessibleDescription('A floating disk is not attached to a VM, so there is nothing to activate.');
    expect(screen.getByLabelText('Read-only')).toHaveAccessibleDescription('Set per VM: choose it when you attach the disk to a VM.');
    expect(screen.getByLabelText('Sharable')).toBeEnabled();
  });

  it('on a running VM: IDE cannot be activated or read-only; pass-through needs VirtIO-SCSI', async () => {
    const user = userEvent.setup();
    await toDisk(user, `/disks/new?vm=${vmId('db01')}`);
    expect(screen.getByLabelText('Bootable')).toHaveAccessibleDescription('There can be only one bootable disk: db01_Disk1 is already bootable on db01.');
    await user.selectOptions(screen.getByLabelText('Interface'), 'ide');
    expect(screen.getByLabelText('Activate (plug the disk)')).toBeDisabled();
    expect(screen.getByLabelText('Activate (plug the disk)')).toHaveAccessibleDescription('When the VM is running, cannot activate a disk attached with IDE interface.');
    expect(screen.getByLabelText('Read-only')).toHaveAccessibleDescription("IDE disks can't be read-only.");
    expect(screen.getByLabelText('Enable SCSI pass-through')).toHaveAccessibleDescription('SCSI pass-through needs the VirtIO-SCSI interface.');
    await user.selectOptions(screen.getByLabelText('Interface'), 'virtio_scsi');
    await user.click(screen.getByLabelText('Read-only'));
    expect(screen.getByLabelText('Enable SCSI pass-through')).toHaveAccessibleDescription('SCSI pass-through is not supported for read-only disks.');
    expect(within(screen.getByLabelText('Interface')).getByRole('option', { name: 'IDE (not available)' })).toBeDisabled();
  });
});

describe('Review step', () => {
  it('a storage-domain LUN needs the explicit approval before Create sends anything', async () => {
    const user = userEvent.setup();
    renderWizard();
    await toTargets(user);
    await user.click(next());
    const grid = await screen.findByRole('grid', { name: 'iSCSI LUNs host1 sees' });
    const sdRow = within(grid).getAllByRole('row').find((r) => /In storage domain data1/.test(r.textContent ?? ''));
    await user.click(sdRow!.querySelector('td')!);
    expect(await screen.findByText('LUN is already part of storage domain data1')).toBeInTheDocument();
    await user.click(next());
    await user.click(next());
    const disksBefore = emulator.engine.state.disks.length;
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    expect(await screen.findByText('You must approve the action by clicking on this checkbox.')).toBeInTheDocument();
    expect(emulator.engine.state.disks.length).toBe(disksBefore);
    expect(screen.getByTestId('rest-preview')).toHaveTextContent('POST /ovirt-engine/api/v4/disks');
  });
});
