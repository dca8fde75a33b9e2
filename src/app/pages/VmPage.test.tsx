// The VM page's VirtIO-SCSI line (decision 044 §15 F-A): the engine sends virtio_scsi only to all_content=true, so
// the page reads it from that one request — Enabled / Disabled as the engine says, and "Not reported by the engine"
// (never "Disabled") when the answer has none.
import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { byName, setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { VmPage } from './VmPage';

const { ctx, server } = setupEmulatedEngine('lab');

async function virtioScsiOf(name: string): Promise<HTMLElement> {
  const vm = byName(ctx.emulator.engine.state.vms, name);
  renderRoute([{ path: '/vms/:vmId', element: <VmPage /> }], `/vms/${vm.id}`);
  const summary = await screen.findByLabelText('Virtual machine summary');
  const term = within(summary).getByText('VirtIO-SCSI');
  const group = term.closest('.pf-v6-c-description-list__group');
  if (!(group instanceof HTMLElement)) throw new Error('no VirtIO-SCSI group');
  return group;
}

describe('VmPage: VirtIO-SCSI', () => {
  it('says Disabled for a VM whose VirtIO-SCSI is off, from the all_content answer', async () => {
    const web01 = await virtioScsiOf('web01');
    expect(await within(web01).findByText('Disabled')).toBeInTheDocument();
  });

  it('an answer without virtio_scsi reads "Not reported by the engine", not "Disabled"', async () => {
    const vm = byName(ctx.emulator.engine.state.vms, 'db01');
    // An engine that leaves virtio_scsi out even with all_content (the emulator sends it there; this one does not).
    server.use(
      http.get(`*/ovirt-engine/api/v4/vms/${vm.id}`, () =>
        HttpResponse.json({ id: vm.id, name: vm.name, status: 'down', cluster: { id: vm.clusterId } }),
      ),
    );
    const db01 = await virtioScsiOf('db01');
    expect(await within(db01).findByText('Not reported by the engine')).toBeInTheDocument();
    expect(within(db01).queryByText('Disabled')).not.toBeInTheDocument();
  });
});
