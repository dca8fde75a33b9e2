// Every address inside the console, built in one place: the route patterns the router matches (src/app/routes.tsx)
// and a builder per route for links and navigation. It lives in ui/ so that app, features and flows may all use it.
// Ids go through encodeURIComponent, in the path and in the query: engine ids are UUIDs, which it leaves as they are,
// so a link never depends on what an id contains.

/** The tabs of a VM's page (?tab=…); without one the page opens on Overview. */
export type VmTab = 'overview' | 'disks' | 'events';

/** The route patterns, relative to the layout route; the `:params` are the names the pages read. */
export const ROUTE_PATTERNS = {
  vms: 'vms',
  vm: 'vms/:vmId',
  disks: 'disks',
  addDisk: 'disks/new',
  disk: 'disks/:diskId',
  attachDisk: 'attach-disk',
  hosts: 'hosts',
  host: 'hosts/:hostId',
} as const;

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${encodeURIComponent(v)}`]));
  return pairs.length > 0 ? `${path}?${pairs.join('&')}` : path;
}

const seg = encodeURIComponent;

export const paths = {
  vms: (): string => '/vms',
  vm: (vmId: string, opts: { tab?: VmTab | undefined } = {}): string => withQuery(`/vms/${seg(vmId)}`, { tab: opts.tab }),
  disks: (): string => '/disks',
  disk: (diskId: string): string => `/disks/${seg(diskId)}`,
  /** A new direct-LUN disk: floating, or created for the VM (?vm=<id>: attached and, with Activate, plugged). */
  addDisk: (opts: { vm?: string | undefined } = {}): string => withQuery('/disks/new', { vm: opts.vm }),
  /** Attach disks: to the VM (?vm=<id>, the VM is chosen), or that disk to a VM (?disk=<id>, the disk is picked). */
  attachDisk: (to: { vm: string } | { disk: string }): string =>
    withQuery('/attach-disk', 'vm' in to ? { vm: to.vm } : { disk: to.disk }),
  hosts: (): string => '/hosts',
  host: (hostId: string): string => `/hosts/${seg(hostId)}`,
};
