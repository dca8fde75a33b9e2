// The request preview's tabs: REST first (as every Review had it), then curl, Ansible and Python built from the
// same specs; each copies its own text, and no tab ever shows the CHAP password the request carries.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAttachedLunDiskRequest } from '../engine-api/disk-attachments';
import { requestsAsAnsible } from '../engine-api/code-ansible';
import { RestPreview } from './RestPreview';

const PASSWORD = 'pw-never-shown-42';
const specs = [1, 2, 3].map((i) =>
  createAttachedLunDiskRequest(
    'vm-1',
    {
      alias: `rac-0${i}`,
      description: '',
      sharable: true,
      propagateErrors: false,
      lun: { id: `lun-${i}`, type: 'iscsi', hostId: 'h-1', address: '10.0.0.5', port: 3260, target: 'iqn.2026-01.com.example:rac', username: 'chap', password: PASSWORD },
    },
    { interface: 'virtio_scsi', bootable: false, readOnly: false, passDiscard: false, usesScsiReservation: false, active: true },
  ),
);
const names = { host: (id: string) => (id === 'h-1' ? 'host1' : undefined), vm: (id: string) => (id === 'vm-1' ? 'db01' : undefined) };

describe('RestPreview', () => {
  it('shows REST first, switches to Ansible, Python and curl, and copies the shown text', async () => {
    const user = userEvent.setup();
    render(<RestPreview specs={specs} names={names} />);

    expect(screen.getByRole('tab', { name: 'REST' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('rest-preview')).toHaveTextContent('POST /ovirt-engine/api/v4/vms/vm-1/diskattachments');

    await user.click(screen.getByRole('tab', { name: 'Ansible' }));
    const ansible = screen.getByTestId('rest-preview-ansible');
    expect(ansible).toHaveTextContent('ovirt.ovirt.ovirt_disk:');
    expect(ansible).toHaveTextContent('loop:');
    expect(ansible).toHaveTextContent('password: "{{ vault_chap_password }}"');
    expect(ansible).toHaveTextContent('host: "host1"');
    expect(screen.queryByTestId('rest-preview')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Copy the Ansible tasks' }));
    expect(await navigator.clipboard.readText()).toBe(requestsAsAnsible(specs, names));

    await user.click(screen.getByRole('tab', { name: 'Python' }));
    expect(screen.getByTestId('rest-preview-python')).toHaveTextContent('for item in items:');
    await user.click(screen.getByRole('button', { name: 'Copy the Python script' }));
    expect(await navigator.clipboard.readText()).toContain('os.environ["CHAP_PASSWORD"]');

    await user.click(screen.getByRole('tab', { name: 'curl' }));
    expect(screen.getByTestId('rest-preview-curl')).toHaveTextContent("while IFS=$'\\t' read -r alias logical_unit_id; do");
    await user.click(screen.getByRole('button', { name: 'Copy the curl commands' }));
    expect(await navigator.clipboard.readText()).toContain('-H "Authorization: Bearer $TOKEN"');

    await user.click(screen.getByRole('tab', { name: 'REST' }));
    await user.click(screen.getByRole('button', { name: 'Copy the REST request' }));
    expect(await navigator.clipboard.readText()).toContain('"password": "********"');
  });

  it('never puts the CHAP password in the page, whichever tab is open', async () => {
    const user = userEvent.setup();
    const { container } = render(<RestPreview specs={specs} names={names} />);
    for (const tab of ['REST', 'curl', 'Ansible', 'Python']) {
      await user.click(screen.getByRole('tab', { name: tab }));
      expect(container.innerHTML).not.toContain(PASSWORD);
    }
  });
});
