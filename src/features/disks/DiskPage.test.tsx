// Disks → a direct-LUN disk → Connections against the emulated engine: the CHAP user taken from GET
// /storageconnections (an administrator), and said plainly when the engine does not report it (a non-admin user's
// filtered request is refused: the engine's admin query GetAllStorageServerConnections).
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { LAB_CHAP } from '../../../mocks/scenarios/lab';
import { setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { DiskPage } from './DiskPage';

const { ctx, server } = setupEmulatedEngine('lab');

function openDisk(alias: string) {
  const disk = ctx.emulator.engine.state.disks.find((d) => d.alias === alias);
  if (!disk) throw new Error(`no disk ${alias}`);
  return renderRoute([{ path: '/disks/:diskId', element: <DiskPage /> }], `/disks/${disk.id}`);
}

describe('DiskPage connections', () => {
  it('shows the CHAP user of the LUN\'s connection from the engine\'s stored connections (admin), never a password', async () => {
    openDisk('app01-data');
    const table = await screen.findByRole('grid', { name: 'Connections of app01-data' });
    const row = within(table).getAllByRole('row')[1];
    if (!row) throw new Error('no connection row');
    expect(await within(row).findByText(LAB_CHAP.username)).toBeInTheDocument();
    expect(within(row).getByText('iqn.2024-03.com.example.lab:array-a.secure')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(LAB_CHAP.password);
    expect(screen.queryByText(/does not report the CHAP user/)).not.toBeInTheDocument();
  });

  it('a connection stored without CHAP says "None (no CHAP)"', async () => {
    openDisk('db01-redo');
    const table = await screen.findByRole('grid', { name: 'Connections of db01-redo' });
    expect(await within(table).findByText('None (no CHAP)')).toBeInTheDocument();
  });

  it('when /storageconnections is refused (a filtered, non-admin user) it says the engine does not report the CHAP user, not "None"', async () => {
    server.use(
      http.get('*/ovirt-engine/api/v4/storageconnections', () =>
        HttpResponse.json({ reason: 'Operation Failed', detail: '[Query execution failed due to insufficient permissions.]' }, { status: 400 }),
      ),
    );
    openDisk('app01-data');
    const table = await screen.findByRole('grid', { name: 'Connections of app01-data' });
    expect(await within(table).findByText('Not reported')).toBeInTheDocument();
    expect(within(table).queryByText(/^None/)).not.toBeInTheDocument();
    expect(screen.getByText(/The engine does not report the CHAP user of a disk's connections to this user/)).toBeInTheDocument();
  });
});
