// The admin endpoint of the emulated engine over HTTP (`npm run engine`, mocks/server/): what another team's
// Playwright suite uses to drive the engine — reset it to a scenario, arm faults, call the named helpers, and read
// what the engine holds — without any access to the page.
import type { APIRequestContext } from '@playwright/test';

/** The parts of the engine's stored state (mocks/persist.ts StoredState) the specs read. */
export interface AdminState {
  scenario: string;
  hosts: Array<{ id: string; name: string; status: string }>;
  luns: Array<{ id: string; targetIqn?: string; paths: number; activePaths: number }>;
  disks: Array<{ id: string; alias: string; kind: 'image' | 'lun'; lun?: { id: string } }>;
  vms: Array<{ id: string; name: string; status: string; hostId?: string }>;
  attachments: Array<{ vmId: string; diskId: string; active: boolean }>;
  storageDomains: Array<{ lunIds: string[] }>;
  sessions: Array<{ hostId: string; target: string; holders: unknown[] }>;
}

export class EngineAdmin {
  constructor(
    private readonly request: APIRequestContext,
    readonly url: string,
  ) {}

  private async call(method: 'GET' | 'POST' | 'DELETE', path: string, data?: unknown): Promise<unknown> {
    const res = await this.request.fetch(`${this.url}/__emulator${path}`, { method, ...(data !== undefined ? { data } : {}) });
    if (!res.ok()) throw new Error(`${method} /__emulator${path}: HTTP ${res.status()} ${await res.text()}`);
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  async info(): Promise<{ scenario: string; version: string }> {
    return (await this.call('GET', '')) as { scenario: string; version: string };
  }

  async reset(scenario = 'lab'): Promise<void> {
    await this.call('POST', '/reset', { scenario });
  }

  async state(): Promise<AdminState> {
    return (await this.call('GET', '/state')) as AdminState;
  }

  /** Resolves when the engine's running jobs have ended. */
  async idle(): Promise<void> {
    await this.call('POST', '/idle');
  }

  async action(name: string, ...args: unknown[]): Promise<void> {
    await this.call('POST', `/actions/${name}`, { args });
  }

  async failNext(spec: { method?: string; path: string; mode: string; ms?: number }): Promise<void> {
    await this.call('POST', '/faults', spec);
  }

  /** The sessions a host holds, as target → holders. */
  async sessionsOf(host: string): Promise<Record<string, unknown[]>> {
    const s = await this.state();
    const id = s.hosts.find((h) => h.name === host)?.id;
    return Object.fromEntries(s.sessions.filter((x) => x.hostId === id).map((x) => [x.target, x.holders]));
  }

  /** A LUN behind `target` with every path up, backing no disk and in no storage domain. */
  async freeLun(target: string): Promise<string> {
    const s = await this.state();
    const lun = s.luns.find(
      (l) =>
        l.targetIqn === target &&
        l.activePaths === l.paths &&
        !s.disks.some((d) => d.kind === 'lun' && d.lun?.id === l.id) &&
        !s.storageDomains.some((d) => d.lunIds.includes(l.id)),
    );
    if (!lun) throw new Error(`no free LUN behind ${target}`);
    return lun.id;
  }
}
