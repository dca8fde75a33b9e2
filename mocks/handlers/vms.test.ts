// A VM's virtio_scsi as the engine sends it (decision 044 §15 F-A): only when the request asks for all_content,
// by the query parameter or by the All-Content header (upstream-engine R/BackendResource.java:302-305).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeEmulator } from '../node';

const { emulator, server } = createNodeEmulator('lab');
const BASE = 'https://engine.example/ovirt-engine/api/v4';
const TOKEN = 'vms-test-admin';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  emulator.reset('lab');
  emulator.engine.state.tokens.push({ token: TOKEN, user: 'admin@internal', exp: Date.now() + 3_600_000 });
});
afterEach(() => emulator.idle());
afterAll(() => server.close());

const vmId = (name: string) => emulator.engine.state.vms.find((v) => v.name === name)?.id ?? '';

async function get(path: string, headers: Record<string, string> = {}): Promise<unknown> {
  const r = await fetch(`${BASE}${path}`, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json', ...headers } });
  expect(r.status).toBe(200);
  return r.json();
}

describe('virtio_scsi (excluded by default: upstream-model services/VmService.java Get.allContent)', () => {
  it('is left out of GET /vms/{id} and GET /vms without all_content', async () => {
    expect(await get(`/vms/${vmId('web01')}`)).not.toHaveProperty('virtio_scsi');
    const list = await get('/vms');
    expect(JSON.stringify(list)).not.toContain('virtio_scsi');
  });

  it('is sent with all_content=true in the query, as the VM\'s own flag', async () => {
    expect(await get(`/vms/${vmId('web01')}?all_content=true`)).toMatchObject({ virtio_scsi: { enabled: 'false' } });
    expect(await get(`/vms/${vmId('db01')}?all_content=true`)).toMatchObject({ virtio_scsi: { enabled: 'true' } });
    // The list honours it too (R/BackendVmsResource.java doPopulate).
    expect(await get('/vms?search=name%3Ddb01&all_content=true')).toMatchObject({ vm: [{ virtio_scsi: { enabled: 'true' } }] });
  });

  it('reads it as the engine does: the query or the All-Content header, an empty value as true, false words as false', async () => {
    const web01 = vmId('web01');
    expect(await get(`/vms/${web01}`, { 'All-Content': 'true' })).toMatchObject({ virtio_scsi: { enabled: 'false' } });
    expect(await get(`/vms/${web01}?all_content`)).toHaveProperty('virtio_scsi');
    expect(await get(`/vms/${web01}?all_content=false`)).not.toHaveProperty('virtio_scsi');
    // Query and header are read on their own and OR-ed (isPopulate): a false query does not cancel a true header.
    expect(await get(`/vms/${web01}?all_content=no`, { 'All-Content': 'true' })).toHaveProperty('virtio_scsi');
    expect(await get(`/vms/${web01}`, { 'All-Content': 'false' })).not.toHaveProperty('virtio_scsi');
  });
});
