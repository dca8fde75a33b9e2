// The VM portal's request shapes (ovirt-web-ui src/ovirtapi/transport.js: `Accept: application/json`, `Filter`,
// `Accept-Language`; index.js: `vms;max=…?…&search=SORTBY NAME ASC page 1`, `All-Content: true`, actions with the body
// '{}') replayed against the HTTP engine (http-engine.ts), at the newest engine and at 4.4.0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWEST_ENGINE_VERSION } from '../engine/version';
import { startHttpEngine, type HttpEngine } from './http-engine';

describe.each([NEWEST_ENGINE_VERSION, '4.4.0'])('VM portal shapes (JSON) over HTTP, engine %s', (version) => {
  let engine: HttpEngine;
  let token = '';

  beforeAll(async () => {
    engine = await startHttpEngine({ port: 0, latency: 0, version, scenario: 'lab' });
    const res = await fetch(`${engine.url}/ovirt-engine/sso/oauth/token`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', scope: 'ovirt-app-api', username: 'admin@internal', password: 'ovirt' }),
    });
    token = String(((await res.json()) as Record<string, unknown>).access_token);
  });

  afterAll(async () => {
    await engine.emulator.idle();
    await engine.close();
  });

  /** transport.js httpGet/httpPost: Accept JSON, the bearer token, Accept-Language, Filter from the user's admin-ness. */
  function portal(method: string, path: string, opts: { body?: string; headers?: Record<string, string> } = {}) {
    return fetch(`${engine.url}/ovirt-engine/api${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        'Accept-Language': 'en-US',
        Filter: 'true',
        ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(opts.headers ?? {}),
      },
      ...(opts.body !== undefined ? { body: opts.body } : {}),
    });
  }

  it('reads the API version, pages the VMs, reads one VM, starts it, reads its disks, jobs and error events', async () => {
    const root = await portal('GET', '', { headers: { Filter: 'false' } });
    expect(root.status).toBe(200);
    expect(root.headers.get('Content-Type')).toMatch(/^application\/json/);
    const meta = (await root.json()) as { product_info: { version: { major: string; minor: string } } };
    expect(`${meta.product_info.version.major}.${meta.product_info.version.minor}`).toBe(version.split('.').slice(0, 2).join('.'));

    // index.js getVms: the matrix max, `current`, the SORTBY/page search and follow.
    const page = await portal('GET', `/vms;max=50?detail=current_graphics_consoles&current&search=${encodeURIComponent('SORTBY NAME ASC page 1')}&follow=${encodeURIComponent('graphics_consoles,disk_attachments')}`);
    expect(page.status).toBe(200);
    const vms = (await page.json()) as { vm: Array<{ id: string; name: string; status: string }> };
    const app01 = vms.vm.find((v) => v.name === 'app01');
    if (!app01) throw new Error('no app01');

    const one = await portal('GET', `/vms/${app01.id}?follow=graphics_consoles&current`, { headers: { 'All-Content': 'true' } });
    expect(one.status).toBe(200);
    expect(((await one.json()) as { status: string }).status).toBe('down');

    const start = await portal('POST', `/vms/${app01.id}/start`, { body: '{}' });
    expect(start.status).toBe(200);
    const action = (await start.json()) as { status: string; job?: { id: string } };
    expect(action.status).toBe('complete');
    await engine.emulator.idle();
    expect(((await (await portal('GET', `/vms/${app01.id}`)).json()) as { status: string }).status).toBe('up');
    if (action.job) expect((await portal('GET', `/jobs/${action.job.id}`)).status).toBe(200);

    const disks = await portal('GET', `/vms/${app01.id}/diskattachments?follow=disk.permissions`);
    expect(disks.status).toBe(200);
    expect(((await disks.json()) as { disk_attachment?: unknown[] }).disk_attachment?.length).toBeGreaterThan(0);
    const events = await portal('GET', `/events?search=${encodeURIComponent('severity=error')}`);
    expect(events.status).toBe(200);
    expect(events.headers.get('Content-Type')).toMatch(/^application\/json/);

    const shutdown = await portal('POST', `/vms/${app01.id}/shutdown`, { body: '{}' });
    expect(shutdown.status).toBe(200);
    await engine.emulator.idle();
  });
});
