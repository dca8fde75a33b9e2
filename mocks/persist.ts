// What of the emulated engine's state goes into the tab's sessionStorage: everything but secrets. Tokens are
// dropped (the console keeps its token in memory only; after a reload it is signed in by its cookie session, if at
// all); the cookie sessions are stored apart (`toStoredHttpSessions`: the browser's localStorage, so that another tab's
// emulated engine knows them as a real engine's server-side sessions are known to every tab), as SHA-256 hashes of
// their ids, which no request can use (decision 046); passwords —
// the demo user's, the lab targets' CHAP secrets, and any CHAP password a user typed into a create request —
// are replaced by what can be rebuilt from the scenario, so devtools shows no secret (decision 004).
import { z } from 'zod';
import { DISK_INTERFACES, HOST_STATUSES, JOB_STATUSES, LUN_STORAGE_TYPES, SPM_STATUSES, STEP_TYPES, VM_STATUSES } from '../src/domain/model';
import type { EmConnection, EmJob, EmState, EmTarget } from './engine/state';
import { WRONG_SECRET, restoreResume, storeResume, storedResumeSchema, type StoredResume } from './persist-resume';
import { buildScenario } from './scenarios';

/**
 * The shape version of the stored state (EmState's `version`). Bump both whenever the state's shape changes: a
 * tab's state stored by an older emulator is then refused and its scenario rebuilt, instead of loaded half-right.
 */
export const STORED_STATE_VERSION: EmState['version'] = 2;

/** A stored connection: instead of its password, whether that password was the target's CHAP secret. */
type StoredConnection = Omit<EmConnection, 'password'> & { chapMatchesTarget?: boolean };

export type StoredState = Omit<EmState, 'tokens' | 'httpSessions' | 'users' | 'connections' | 'targets' | 'jobs'> & {
  connections: StoredConnection[];
  /** A running job keeps its resume record (persist-resume.ts): an engine rebuilt from this state finishes it. */
  jobs: Array<Omit<EmJob, 'resume'> & { resume?: StoredResume }>;
  targets: Array<Omit<EmState['targets'][number], 'chap'> & { chap?: { username: string } }>;
};

// The stored state is read back through this schema, not trusted: sessionStorage may hold an older emulator's
// state or anything else. Typed as StoredState, so a field the state gains must be added here too (the round
// trip of every scenario in persist.test.ts catches one that is forgotten).
const str = z.string();
const num = z.number();
const strings = z.array(str);
const SGIO = z.enum(['filtered', 'unfiltered']);
const addressSchema = z.record(str, str);

const diskBase = { id: str, alias: str, description: str, shareable: z.boolean(), propagateErrors: z.boolean(), wipeAfterDelete: z.boolean() };
const diskSchema = z.discriminatedUnion('kind', [
  z.object({
    ...diskBase,
    kind: z.literal('image'),
    provisionedSize: num, actualSize: num, storageDomainId: str, format: z.enum(['raw', 'cow']), imageId: str, volumeId: str,
  }),
  z.object({
    ...diskBase,
    kind: z.literal('lun'),
    sgio: SGIO.optional(),
    lun: z.object({
      id: str, type: z.enum(LUN_STORAGE_TYPES), size: num, vendorId: str.optional(), productId: str.optional(),
      serial: str.optional(), lunMapping: num.optional(), discardMaxSize: num.optional(), connectionIds: strings,
    }),
  }),
]);

const deviceSpecSchema = z.object({
  type: z.literal('disk'), device: z.enum(['disk', 'lun']), iface: z.enum(['virtio', 'scsi', 'ide', 'sata']), index: num,
  GUID: str.optional(), poolID: str.optional(), domainID: str.optional(), imageID: str.optional(), volumeID: str.optional(),
  address: addressSchema.optional(), format: z.enum(['raw', 'cow']), bootOrder: num.optional(), propagateErrors: z.enum(['on', 'off']),
  shared: z.enum(['True', 'False']), readonly: z.enum(['True', 'False']), sgio: SGIO.optional(), diskId: str,
});

const storedStateSchema: z.ZodType<StoredState> = z.object({
  version: z.literal(STORED_STATE_VERSION),
  scenario: str,
  rng: num,
  nextId: num,
  dataCenters: z.array(z.object({ id: str, name: str, status: z.enum(['up', 'maintenance', 'uninitialized']) })),
  clusters: z.array(z.object({ id: str, name: str, dataCenterId: str })),
  hosts: z.array(z.object({
    id: str, name: str, address: str, status: z.enum(HOST_STATUSES), clusterId: str, spmStatus: z.enum(SPM_STATUSES),
    spmPriority: num, initiator: str, reach: z.object({ portalIds: strings, fabricIds: strings }), failRuns: z.boolean().optional(),
  })),
  portals: z.array(z.object({ id: str, address: str, aliases: strings, port: num, tpgt: num })),
  targets: z.array(z.object({ iqn: str, portalIds: strings, chap: z.object({ username: str }).optional(), failLoginHostIds: strings.optional() })),
  fabrics: z.array(z.object({ id: str, name: str })),
  luns: z.array(z.object({
    id: str, storageType: z.enum(LUN_STORAGE_TYPES), targetIqn: str.optional(), fabricId: str.optional(), size: num, vendorId: str,
    productId: str, serial: str, lunMapping: num, paths: num, activePaths: num, discardMaxSize: num, pvStatus: z.enum(['free', 'used']),
    volumeGroupId: str.optional(),
  })),
  storageDomains: z.array(z.object({
    id: str, name: str, storageType: z.enum(['iscsi', 'fcp', 'nfs']), lunIds: strings, connectionIds: strings,
    volumeGroupId: str.optional(), available: num, used: num,
  })),
  connections: z.array(z.object({
    id: str, type: z.literal('iscsi'), address: str, port: num, target: str, username: str.optional(), chapMatchesTarget: z.boolean().optional(),
  })),
  disks: z.array(diskSchema),
  attachments: z.array(z.object({
    vmId: str, diskId: str, interface: z.enum(DISK_INTERFACES), bootable: z.boolean(), active: z.boolean(), readOnly: z.boolean(),
    passDiscard: z.boolean(), usesScsiReservation: z.boolean(), logicalName: str.optional(), address: addressSchema.optional(),
  })),
  vms: z.array(z.object({
    id: str, name: str, description: str, status: z.enum(VM_STATUSES), hostId: str.optional(), clusterId: str,
    ha: z.object({ enabled: z.boolean(), priority: num }), virtioScsi: z.boolean(), placementHostIds: strings,
  })),
  sessions: z.array(z.object({
    hostId: str, target: str, address: str, port: num, username: str.optional(), holders: strings,
    origin: z.enum(['engine', 'iscsilogin']), state: z.enum(['logged_in', 'failed']),
  })),
  jobs: z.array(z.object({
    id: str, description: str, status: z.enum(JOB_STATUSES), startTime: num, endTime: num.optional(), lastUpdated: num, correlationId: str.optional(),
    resume: storedResumeSchema.optional(),
  })),
  steps: z.array(z.object({
    id: str, jobId: str, parentStepId: str.optional(), description: str, type: z.enum(STEP_TYPES), number: num,
    status: z.enum(JOB_STATUSES), startTime: num, endTime: num.optional(), executionHostId: str.optional(),
  })),
  events: z.array(z.object({
    id: str, code: num, description: str, severity: z.enum(['normal', 'warning', 'error', 'alert']), time: num,
    correlationId: str.optional(), vmId: str.optional(), hostId: str.optional(), storageDomainId: str.optional(), diskId: str.optional(),
  })),
  deviceSpecs: z.array(z.object({ hostId: str, vmId: str, time: num, reason: z.enum(['run', 'hotplug', 'migrate']), devices: z.array(deviceSpecSchema) })),
});

/** The stored text as a state of this version, or undefined when it is not one (older, garbled, not JSON). */
export function parseStored(raw: string): StoredState | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = storedStateSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

export function toStored(state: EmState): StoredState {
  const { tokens: _tokens, httpSessions: _httpSessions, users: _users, connections, targets, jobs, ...rest } = state;
  return {
    ...rest,
    jobs: jobs.map(({ resume, ...j }) => (resume ? { ...j, resume: storeResume(resume, targets) } : j)),
    connections: connections.map(({ password, ...c }) => {
      const t = targets.find((x) => x.iqn === c.target);
      return password === undefined ? c : { ...c, chapMatchesTarget: !!t?.chap && t.chap.password === password && t.chap.username === c.username };
    }),
    targets: targets.map(({ chap, ...t }) => (chap ? { ...t, chap: { username: chap.username } } : t)),
  };
}

export function fromStored(stored: StoredState): EmState {
  const scenario = buildScenario(stored.scenario);
  const secretOf = (iqn: string) => scenario.targets.find((t) => t.iqn === iqn)?.chap?.password;
  const targets: EmTarget[] = stored.targets.map(({ chap, ...t }) => {
    const password = secretOf(t.iqn);
    return chap && password !== undefined ? { ...t, chap: { username: chap.username, password } } : { ...t };
  });
  return {
    ...stored,
    users: scenario.users,
    tokens: [],
    httpSessions: [],
    targets,
    jobs: stored.jobs.map(({ resume, ...j }) => (resume ? { ...j, resume: restoreResume(resume, targets) } : j)),
    connections: stored.connections.map(({ chapMatchesTarget, ...c }) => {
      if (chapMatchesTarget === undefined) return c;
      const secret = chapMatchesTarget ? targets.find((t) => t.iqn === c.target)?.chap?.password : undefined;
      return { ...c, password: secret ?? WRONG_SECRET };
    }),
  };
}

const storedHttpSessionsSchema = z.array(
  z.object({ idHash: z.string().regex(/^[0-9a-f]{64}$/), user: str, ttlMs: num, expiresAt: num }),
);

/** The cookie sessions as stored: the state already holds only the hashes of their ids (http-session.ts). */
export function toStoredHttpSessions(state: EmState): string {
  return JSON.stringify(state.httpSessions.map(({ idHash, user, ttlMs, expiresAt }) => ({ idHash, user, ttlMs, expiresAt })));
}

/** The stored cookie sessions, or none when the text is not such a list. */
export function parseStoredHttpSessions(raw: string | null): EmState['httpSessions'] {
  if (!raw) return [];
  try {
    const parsed = storedHttpSessionsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
