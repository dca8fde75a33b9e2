// Component tests of the Attach wizard's steps in jsdom, against the emulated engine (msw/node): each step's
// validation on Next, the reasons next to what cannot be chosen, and the rules that look at the whole batch.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { AttachDiskPage } from './AttachDiskPage';
import { draftKeyOf } from './form';

const { ctx } = setupEmulatedEngine('lab');
beforeEach(() => sessionStorage.clear());

const state = () => ctx.emulator.engine.state;
function vmId(name: string): string {
  const vm = state().vms.find((v) => v.name === name);
  if (!vm) throw new Error(name);
  return vm.id;
}
function diskId(alias: string): string {
  const d = state().disks.find((x) => x.alias === alias);
  if (!d) throw new Error(alias);
  return d.id;
}

function renderWizard(path: string) {
  return renderRoute(
    [
      { path: '/attach-disk', element: <AttachDiskPage /> },
      { path: '/vms/:id', element: <p>VM page</p> },
      { path: '/disks/:id', element: <p>Disk page</p> },
    ],
    path,
  );
}

const next = () => screen.getByRole('button', { name: 'Next' });

describe('Virtual machine step', () => {
  it('Next without a VM says to choose one; a VM that cannot take a disk is disabled with the reason', async () => {
    const batch01 = state().vms.find((v) => v.name === 'batch01');
    if (batch01) batch01.status = 'migrating';
    const { user } = renderWizard(`/attach-disk?disk=${diskId('archive-lun')}`);
    const grid = await screen.findByRole('grid', { name: 'Virtual machines to attach to' });
    await user.click(next());
    expect(await screen.findByText('Choose the virtual machine to attach to.')).toBeInTheDocument();
    const migrating = within(grid).getByRole('radio', { name: 'batch01' });
    expect(migrating).toBeDisabled();
    expect(migrating).toHaveAccessibleDescription(expect.stringMatching(/^Cannot attach a disk while the VM is migrating; it must be Up, Paused or Down\. Choose the virtual machine to attach to\./));
    await user.click(within(grid).getByRole('radio', { name: 'app01' }));
    await user.click(next());
    expect(await screen.findByRole('heading', { name: 'Choose what to attach to app01' })).toBeInTheDocument();
    // Came with archive-lun: it is picked.
    expect(screen.getByRole('checkbox', { name: 'archive-lun' })).toBeChecked();
  });
});

describe('VM step: VirtIO-SCSI comes from the chosen VM\'s own read (044 §15 F-A)', () => {
  it('choosing a VM with VirtIO-SCSI disabled moves the disk to VirtIO once the engine says so (the list does not)', async () => {
    const { user } = renderWizard(`/attach-disk?disk=${diskId('archive-lun')}`);
    const grid = await screen.findByRole('grid', { name: 'Virtual machines to attach to' });
    await user.click(within(grid).getByRole('radio', { name: 'web01' }));
    await user.click(next());
    await screen.findByRole('heading', { name: 'Choose what to attach to web01' });
    await user.click(next());
    await screen.findByRole('heading', { name: 'Options for each disk' });
    const iface = screen.getByRole('combobox', { name: 'Interface' });
    await waitFor(() => expect(iface).toHaveValue('virtio'));
    expect(iface).toHaveAttribute('aria-invalid', 'false');
  });
});

describe('Disk step', () => {
  it('Next without a disk says what to do; a disk that cannot be attached is disabled, with the reason read with it', async () => {
    const { user } = renderWizard(`/attach-disk?vm=${vmId('app01')}`);
    await screen.findByRole('heading', { name: 'Choose what to attach to app01' });
    const grid = await screen.findByRole('grid', { name: 'Disks to attach to app01' });
    await user.click(next());
    expect(await screen.findByText('Pick at least one disk to attach, or choose Create from LUN.')).toBeInTheDocument();
    const redo = within(grid).getByRole('checkbox', { name: 'db01-redo' });
    expect(redo).toBeDisabled();
    expect(redo).toHaveAccessibleDescription('Attached to VM db01 and not sharable.');
    expect(within(grid).getByRole('checkbox', { name: 'app01-data' })).toHaveAccessibleDescription('Already attached to app01.');
    await user.click(screen.getByRole('button', { name: 'Direct LUN' }));
    expect(within(grid).queryByRole('checkbox', { name: 'app01_Disk1' })).not.toBeInTheDocument();
    await user.click(within(grid).getByRole('checkbox', { name: 'archive-lun' }));
    expect(screen.getByTestId('picked-disks')).toHaveTextContent('Picked: archive-lun.');
    await user.click(next());
    expect(await screen.findByRole('heading', { name: 'Options for each disk' })).toBeInTheDocument();
  });

  it('the alert for no disk picked is heard as its message and nothing else (no stray ": error;" after it)', async () => {
    const message = 'Pick at least one disk to attach, or choose Create from LUN.';
    const { user } = renderWizard(`/attach-disk?vm=${vmId('app01')}`);
    await screen.findByRole('grid', { name: 'Disks to attach to app01' });
    await user.click(next());
    const alert = screen.getAllByRole('alert').find((a) => a.textContent?.includes('Pick at least one disk'));
    expect(alert).toHaveTextContent(message, { normalizeWhitespace: false });
    expect(alert?.textContent).toBe(message);
    // Everything the block around it holds, hidden text for screen readers included: the message only.
    const block = alert?.closest('.pf-v6-c-helper-text');
    expect(block?.textContent).toBe(message);
    expect(block?.querySelector('.pf-v6-screen-reader')).toBeNull();
    for (const icon of block?.querySelectorAll('svg') ?? []) expect(icon).toHaveAttribute('aria-hidden', 'true');
  });

  it('Create from LUN adds the Add Direct LUN disk steps; Attach existing disk takes them away', async () => {
    const { user } = renderWizard(`/attach-disk?vm=${vmId('app01')}`);
    await screen.findByRole('grid', { name: 'Disks to attach to app01' });
    const nav = screen.getByRole('navigation', { name: 'Steps' });
    expect(within(nav).queryByRole('button', { name: 'Source' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Create from LUN' }));
    expect(within(nav).getByRole('button', { name: 'Source' })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'LUN' })).toBeInTheDocument();
    await user.click(next());
    expect(await screen.findByLabelText(/Host to use/)).toBeInTheDocument();
    expect(screen.getByText(/The disk is created for VM/)).toHaveTextContent('app01 (Down), in data center Default');
  });
});

describe('Options step', () => {
  it('one bootable disk per VM counts the disks being attached', async () => {
    // app01 without a bootable disk of its own.
    for (const a of state().attachments) if (a.vmId === vmId('app01')) a.bootable = false;
    const { user } = renderWizard(`/attach-disk?vm=${vmId('app01')}`);
    const grid = await screen.findByRole('grid', { name: 'Disks to attach to app01' });
    await user.click(within(grid).getByRole('checkbox', { name: 'archive-lun' }));
    await user.click(within(grid).getByRole('checkbox', { name: 'cluster-quorum' }));
    await user.click(next());
    await screen.findByRole('heading', { name: 'Options for each disk' });
    await user.click(screen.getByRole('checkbox', { name: 'Bootable for archive-lun' }));
    const other = screen.getByRole('checkbox', { name: 'Bootable for cluster-quorum' });
    expect(other).toBeDisabled();
    expect(other).toHaveAccessibleDescription('There can be only one bootable disk: archive-lun (also being attached) is already bootable on app01.');
    await user.click(screen.getByRole('checkbox', { name: 'Bootable for archive-lun' }));
    expect(screen.getByRole('checkbox', { name: 'Bootable for cluster-quorum' })).toBeEnabled();
  });

  it('a choice the VM cannot take (from a draft) is an error next to it, and Next refuses with the reason', async () => {
    const web01 = vmId('web01');
    const archive = diskId('archive-lun');
    sessionStorage.setItem(
      `dlc.draft.${draftKeyOf(web01, undefined)}`,
      JSON.stringify({
        values: { vmId: web01, mode: 'existing', diskIds: [archive], choices: { [archive]: { interface: 'virtio_scsi', bootable: false, readOnly: false, activate: true } } },
        step: 'options',
        savedAt: Date.now(),
      }),
    );
    const { user } = renderWizard(`/attach-disk?vm=${web01}`);
    const iface = await screen.findByRole('combobox', { name: 'Interface' });
    expect(iface).toHaveAccessibleDescription(expect.stringContaining("VirtIO-SCSI is disabled for web01: enable it in the VM's settings to use it."));
    expect(iface).toHaveAttribute('aria-invalid', 'true');
    await user.click(next());
    expect(await screen.findByRole('heading', { name: /Cannot go on yet/ })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent("archive-lun: VirtIO-SCSI is disabled for web01: enable it in the VM's settings to use it.");
    expect(iface).toHaveFocus();
    await user.selectOptions(iface, 'virtio');
    await user.click(next());
    expect(await screen.findByRole('heading', { name: 'Review' })).toBeInTheDocument();
  });
});

describe('Review step', () => {
  it('a running VM: attach inactive, then plug — two requests, both shown', async () => {
    const db01 = vmId('db01');
    const { user } = renderWizard(`/attach-disk?vm=${db01}`);
    const grid = await screen.findByRole('grid', { name: 'Disks to attach to db01' });
    await user.click(within(grid).getByRole('checkbox', { name: 'archive-lun' }));
    await user.click(next());
    await screen.findByRole('heading', { name: 'Options for each disk' });
    await user.click(next());
    await screen.findByRole('heading', { name: 'Review' });
    const preview = screen.getByTestId('rest-preview');
    expect(preview).toHaveTextContent(`POST /ovirt-engine/api/v4/vms/${db01}/diskattachments`);
    expect(preview).toHaveTextContent('"active": "false"');
    expect(preview).toHaveTextContent(`PUT /ovirt-engine/api/v4/vms/${db01}/diskattachments/${diskId('archive-lun')}`);
    expect(screen.getByTestId('plan-archive-lun')).toHaveTextContent('Makes sure host1 (running db01) is connected to');
    await waitFor(() => expect(screen.getByRole('grid', { name: 'Target connections of db01 on host1' })).toHaveTextContent('Connected (1/1 paths active)'));
    // Nothing was sent yet.
    expect(state().attachments.some((a) => a.vmId === db01 && a.diskId === diskId('archive-lun'))).toBe(false);
  });
});
