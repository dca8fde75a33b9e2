// The Disks list when the engine sends disks the console does not manage (audit F6): a Kubernetes disk without
// storage_type (engine DiskStorageType KUBERNETES → T/DiskMapper.java map() returns null), a cinder disk, and one
// item the console cannot read at all. The list still renders, with every disk it can read.
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diskJson } from '../../../mocks/engine/wire';
import { resetWireWarnings } from '../../engine-api/wire';
import { setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { DisksPage } from './DisksPage';

const { ctx, server } = setupEmulatedEngine('lab');

describe('DisksPage with disks of other kinds', () => {
  const warn = vi.spyOn(console, 'warn');
  beforeEach(() => {
    resetWireWarnings();
    warn.mockReset().mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockReset());

  it('lists a Kubernetes disk (no storage_type) and a cinder disk as Other, skips an unreadable item, and keeps the rest', async () => {
    const e = ctx.emulator.engine;
    server.use(
      http.get('*/ovirt-engine/api/v4/disks', () =>
        HttpResponse.json({
          disk: [
            ...e.state.disks.map((d) => diskJson(e, d)),
            { alias: 'pvc-data', name: 'pvc-data', description: 'From OpenShift', shareable: 'false', content_type: 'data', href: '/ovirt-engine/api/v4/disks/k8s-1', id: 'k8s-1' },
            { alias: 'cinder-vol', storage_type: 'cinder', provisioned_size: '10737418240', status: 'ok', shareable: 'false', id: 'cinder-1' },
            { alias: 'no-id-at-all', storage_type: 'image' },
          ],
        }),
      ),
    );
    renderRoute([{ path: '/disks', element: <DisksPage /> }], '/disks');
    const table = await screen.findByRole('grid', { name: 'Disks' });
    const row = (alias: string) => {
      const r = within(table).getByRole('link', { name: alias }).closest('tr');
      if (!r) throw new Error(`no row for ${alias}`);
      return within(r);
    };
    expect(row('pvc-data').getByText('Other (type not reported)')).toBeInTheDocument();
    expect(row('pvc-data').getByText('Unknown')).toBeInTheDocument();
    expect(row('cinder-vol').getByText('Other (cinder)')).toBeInTheDocument();
    expect(row('cinder-vol').getByText('10 GiB')).toBeInTheDocument();
    // The console's own disks are all there.
    expect(row('db01-redo').getByText('Direct LUN')).toBeInTheDocument();
    expect(row('db01_Disk1').getByText('Image')).toBeInTheDocument();
    expect(within(table).queryByText('no-id-at-all')).not.toBeInTheDocument();
    expect(warn.mock.calls.flat().map(String).join('\n')).toMatch(/The engine's disk list: item \d+ left out — id:/);
  });
});
