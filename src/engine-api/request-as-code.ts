// The same operation as code: curl, an Ansible task of the ovirt.ovirt collection and the Python SDK (ovirtsdk4),
// derived from the very EngineRequestSpec list the REST preview shows and the console sends (requests.ts), so
// what the user copies is what the console does. Secrets never appear: a CHAP password becomes an environment
// variable (curl, Python) or a vault variable (Ansible). Consecutive requests of one kind and one shape (a batch
// of LUN disks) become one loop over what differs, not N copies.
//
// Every module argument and SDK name used here is in the upstream sources; request-as-code.upstream.json holds
// them as extracted (scripts/extract-request-as-code-fixture.py, commits noted there) and the unit tests check each
// snippet against it. Evidence rows: docs/decisions/044-wire-format-evidence.md, "Request as code".
import { API_BASE, buildUrl } from './transport';
import type { EngineRequestSpec } from './requests';

export type CodeLanguage = 'curl' | 'ansible' | 'python';

/** Names the modules need where the REST request has ids: ovirt_host and ovirt_vm's `host` look hosts up by name. */
export interface CodeNames {
  host?: ((id: string) => string | undefined) | undefined;
  vm?: ((id: string) => string | undefined) | undefined;
}

/** The placeholders a copied snippet reads instead of secrets. */
export const CODE_PLACEHOLDERS = {
  engine: 'https://engine.example.com',
  curlToken: '$TOKEN',
  chapEnv: 'CHAP_PASSWORD',
  ansibleChap: '{{ vault_chap_password }}',
} as const;

// ---- what a request is ----------------------------------------------------------------------------------------

type Operation =
  | { kind: 'create-disk'; disk: Wire }
  | { kind: 'create-attached'; vmId: string; attachment: Wire; disk: Wire }
  | { kind: 'attach'; vmId: string; diskId: string; attachment: Wire }
  | { kind: 'update-attachment'; vmId: string; diskId: string; attachment: Wire; disk: Wire | undefined }
  | { kind: 'detach'; vmId: string; diskId: string }
  | { kind: 'vm-action'; vmId: string; action: 'start' | 'shutdown' | 'stop' | 'migrate'; hostId: string | undefined }
  | { kind: 'iscsi-discover'; hostId: string; action: string; iscsi: Wire }
  | { kind: 'iscsi-login'; hostId: string; iscsi: Wire }
  | { kind: 'other'; spec: EngineRequestSpec };

type Wire = Record<string, unknown>;

function isWire(v: unknown): v is Wire {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function wireOf(v: unknown): Wire {
  return isWire(v) ? v : {};
}

/** Which operation a request is, by its method and path (the paths requests.ts's builders make). */
export function operationOf(spec: EngineRequestSpec): Operation {
  const seg = spec.path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const body = wireOf(spec.body);
  const { method } = spec;
  if (method === 'POST' && seg.length === 1 && seg[0] === 'disks') return { kind: 'create-disk', disk: body };
  if (seg[0] === 'vms' && seg[1] && seg[2] === 'diskattachments') {
    const vmId = seg[1];
    const { disk, ...attachment } = body;
    if (method === 'POST' && seg.length === 3) {
      const d = wireOf(disk);
      return typeof d.id === 'string' ? { kind: 'attach', vmId, diskId: d.id, attachment } : { kind: 'create-attached', vmId, attachment, disk: d };
    }
    if (seg.length === 4 && seg[3]) {
      if (method === 'PUT') return { kind: 'update-attachment', vmId, diskId: seg[3], attachment, disk: isWire(disk) ? disk : undefined };
      if (method === 'DELETE' && String(spec.query?.detach_only) === 'true') return { kind: 'detach', vmId, diskId: seg[3] };
    }
  }
  if (method === 'POST' && seg[0] === 'vms' && seg[1] && seg.length === 3) {
    const action = seg[2];
    if (action === 'start' || action === 'shutdown' || action === 'stop' || action === 'migrate') {
      const host = wireOf(body.host);
      return { kind: 'vm-action', vmId: seg[1], action, hostId: typeof host.id === 'string' ? host.id : undefined };
    }
  }
  if (method === 'POST' && seg[0] === 'hosts' && seg[1] && seg.length === 3) {
    if (seg[2] === 'discoveriscsi' || seg[2] === 'iscsidiscover') return { kind: 'iscsi-discover', hostId: seg[1], action: seg[2], iscsi: wireOf(body.iscsi) };
    if (seg[2] === 'iscsilogin') return { kind: 'iscsi-login', hostId: seg[1], iscsi: wireOf(body.iscsi) };
  }
  return { kind: 'other', spec };
}

/** A PUT that only plugs or unplugs says so; any other change is "Change the disk attachment". */
function updateTitle(op: { attachment: Wire; disk: Wire | undefined }): string {
  const keys = Object.keys(op.attachment);
  if (!op.disk && keys.length === 1 && keys[0] === 'active') return boolOf(op.attachment.active) ? 'Plug (activate) the disk' : 'Unplug (deactivate) the disk';
  return 'Change the disk attachment';
}

// ---- values common to the languages --------------------------------------------------------------------------

/** A secret in a snippet: never its value, only where to read it from. */
class Secret {
  readonly secret = true;
}
const SECRET = new Secret();
/** A value that differs between the requests of a loop: the loop variable's field. */
class LoopVar {
  constructor(readonly name: string) {}
}
/** An SDK type's constructor call (Python). */
class Ctor {
  constructor(
    readonly type: string,
    readonly args: Args,
  ) {}
}
/** An SDK enum member (Python). */
class EnumRef {
  constructor(
    readonly type: string,
    readonly member: string,
  ) {}
}
type Leaf = string | number | boolean | Secret | LoopVar;
type Node = Leaf | Ctor | EnumRef | Node[] | Args;
interface Args {
  [k: string]: Node | undefined;
}

function isArgs(n: Node | undefined): n is Args {
  return typeof n === 'object' && !Array.isArray(n) && !(n instanceof Secret) && !(n instanceof LoopVar) && !(n instanceof Ctor) && !(n instanceof EnumRef);
}

/** The engine's clients send booleans as "true"/"false" strings; the modules and the SDK take booleans. */
function boolOf(v: unknown): boolean | undefined {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

/** Drops undefined arguments, keeping the order given. */
function compact(a: Args): Args {
  const out: Args = {};
  for (const [k, v] of Object.entries(a)) if (v !== undefined) out[k] = v;
  return out;
}

function logicalUnitsOf(lunStorage: Wire): Wire[] {
  const lus = wireOf(lunStorage.logical_units).logical_unit;
  return Array.isArray(lus) ? lus.filter(isWire) : [];
}

/** A password key's value is replaced by the SECRET marker, whatever it held (even an already masked one). */
function secretOr(v: unknown): Secret | undefined {
  return v === undefined || v === '' ? undefined : SECRET;
}

// ---- grouping into loops ---------------------------------------------------------------------------------------

/** How an enum member shows among the leaves: never a loop value (an SDK enum is code, not data). */
const ENUM_LEAF = '\u0000enum:';

/** The leaves of an argument tree by path ("logical_unit.id"). */
function leaves(n: Node | undefined, path: string, out: Map<string, Leaf>): Map<string, Leaf> {
  if (n === undefined) return out;
  if (Array.isArray(n)) n.forEach((x, i) => leaves(x, `${path}[${i}]`, out));
  else if (n instanceof Ctor) leaves(n.args, `${path}<${n.type}>`, out);
  else if (n instanceof EnumRef) out.set(path, `${ENUM_LEAF}${n.type}.${n.member}`);
  else if (isArgs(n)) for (const [k, v] of Object.entries(n)) leaves(v, path ? `${path}.${k}` : k, out);
  else out.set(path, n);
  return out;
}

/** The loop variable's field name for a path: its last name ("logical_unit.id" → "id", unless taken). */
function loopKeys(paths: string[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const p of paths) {
    const parts = p.replace(/<[^>]*>/g, '').replace(/\[\d+\]/g, '').split('.').filter(Boolean);
    const last = (parts[parts.length - 1] ?? 'value').replace(/^\$/, '');
    let name = last === 'id' && parts.length > 1 ? `${parts[parts.length - 2]}_id` : last;
    if (used.has(name)) name = parts.join('_').replace(/\$/g, '');
    for (let n = 2; used.has(name); n += 1) name = `${name.replace(/_\d+$/, '')}_${n}`;
    used.add(name);
    names.set(p, name);
  }
  return names;
}

function replaceLeaves(n: Node | undefined, path: string, vars: Map<string, string>): Node | undefined {
  if (n === undefined) return undefined;
  const v = vars.get(path);
  if (v !== undefined) return new LoopVar(v);
  if (Array.isArray(n)) return n.map((x, i) => replaceLeaves(x, `${path}[${i}]`, vars) ?? '');
  if (n instanceof Ctor) return new Ctor(n.type, argsOf(replaceLeaves(n.args, `${path}<${n.type}>`, vars)));
  if (isArgs(n)) {
    const out: Args = {};
    for (const [k, x] of Object.entries(n)) out[k] = replaceLeaves(x, path ? `${path}.${k}` : k, vars);
    return out;
  }
  return n;
}

function argsOf(n: Node | undefined): Args {
  return isArgs(n) ? n : {};
}

interface Unit {
  /** What the unit does, for the task name or comment. */
  title: string;
  /** The comparable key: units with the same key and the same leaf paths may share a loop. */
  key: string;
  value: Args;
}

interface Group {
  /** One unit, or for a loop the units of every repetition in order (`steps` per repetition). */
  units: Unit[];
  /**
   * For a loop: the steps of one repetition (usually one; two for attach-then-plug per disk), each a template with
   * the varying leaves as LoopVar, and each repetition's values by loop field.
   */
  loop?: { steps: { unit: Unit; template: Args }[]; items: Record<string, Leaf>[] };
}

/** How many units from `i` repeat with period `p` (same keys, same shapes): 1 when they do not repeat. */
function repetitions(units: Unit[], i: number, p: number): number {
  let reps = 1;
  const fits = (r: number) =>
    i + (r + 1) * p <= units.length &&
    Array.from({ length: p }, (_, k) => k).every((k) => {
      const a = units[i + k]!;
      const b = units[i + r * p + k]!;
      return a.key === b.key && sameShape(a.value, b.value);
    });
  while (fits(reps)) reps += 1;
  return reps;
}

/** A loop over `reps` repetitions of `p` steps, or undefined when nothing varies (identical requests). */
function loopOf(run: Unit[], p: number): Group | undefined {
  const reps = run.length / p;
  const trees = Array.from({ length: reps }, (_, r) => {
    const t = new Map<string, Leaf>();
    for (let k = 0; k < p; k += 1) leaves(run[r * p + k]!.value, `#${k}`, t);
    return t;
  });
  const paths = [...trees[0]!.keys()];
  const varying = paths.filter((path) => trees.some((t) => t.get(path) !== trees[0]!.get(path)));
  if (varying.length === 0) return undefined;
  // The same values in two steps (the disk id of an attach and of its plug) are one loop field.
  const column = (path: string) => JSON.stringify(trees.map((t) => t.get(path)));
  const firstOfColumn = new Map<string, string>();
  for (const path of varying) if (!firstOfColumn.has(column(path))) firstOfColumn.set(column(path), path);
  const fieldPaths = [...firstOfColumn.values()];
  const fieldNames = loopKeys(fieldPaths.map((path) => path.replace(/^#\d+\.?/, '')));
  const names = new Map(varying.map((path) => [path, fieldNames.get(firstOfColumn.get(column(path))!.replace(/^#\d+\.?/, ''))!]));
  const steps = Array.from({ length: p }, (_, k) => ({ unit: run[k]!, template: argsOf(replaceLeaves(run[k]!.value, `#${k}`, names)) }));
  const items = trees.map((t) => Object.fromEntries(fieldPaths.map((path) => [names.get(path)!, t.get(path)!])));
  return { units: run, loop: { steps, items } };
}

/**
 * Consecutive units of one kind whose argument trees have the same paths and differ only in plain values (ids,
 * names, addresses — never a secret or an enum) become one loop; so do repeated pairs or triples of steps (attach
 * then plug, for each disk). Anything else stays a unit of its own.
 */
function groupUnits(units: Unit[]): Group[] {
  const groups: Group[] = [];
  let i = 0;
  while (i < units.length) {
    let best = { p: 1, reps: 1 };
    for (let p = 1; p <= 3; p += 1) {
      const reps = repetitions(units, i, p);
      if (reps >= 2 && p * reps > best.p * best.reps) best = { p, reps };
    }
    const run = units.slice(i, i + best.p * best.reps);
    const loop = best.reps >= 2 ? loopOf(run, best.p) : undefined;
    if (loop) {
      groups.push(loop);
      i += run.length;
    } else {
      groups.push({ units: [units[i]!] });
      i += 1;
    }
  }
  return groups;
}

function sameShape(a: Node, b: Node): boolean {
  const la = leaves(a, '', new Map());
  const lb = leaves(b, '', new Map());
  if (la.size !== lb.size) return false;
  for (const [p, v] of la) {
    if (!lb.has(p)) return false;
    const w = lb.get(p);
    const plain = (x: Leaf | undefined) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
    if (v !== w && !(plain(v) && plain(w) && typeof v === typeof w)) return false;
    // A differing enum member makes them different operations, not one loop.
    const isEnum = (x: Leaf | undefined) => typeof x === 'string' && x.startsWith(ENUM_LEAF);
    if (v !== w && (isEnum(v) || isEnum(w))) return false;
  }
  return true;
}

// ---- Ansible ---------------------------------------------------------------------------------------------------

const DISK_MODULE = 'ovirt.ovirt.ovirt_disk';
const VM_MODULE = 'ovirt.ovirt.ovirt_vm';
const HOST_MODULE = 'ovirt.ovirt.ovirt_host';

interface AnsibleTask {
  module: string;
  args: Args;
  register?: string;
}

function hostNameArg(hostId: string, names: CodeNames): string {
  return names.host?.(hostId) ?? `{{ host_name }}`;
}

/** ovirt_disk's LUN arguments (plugins/modules/ovirt_disk.py build_entity: Disk(name, description, shareable, sgio, propagate_errors, lun_storage=HostStorage(host, type, logical_units=[LogicalUnit(...)])). */
function ansibleDiskArgs(disk: Wire, names: CodeNames): Args {
  const ls = wireOf(disk.lun_storage);
  const lu = logicalUnitsOf(ls)[0] ?? {};
  const hostId = str(wireOf(ls.host).id);
  return compact({
    name: str(disk.alias),
    description: str(disk.description) || undefined,
    shareable: boolOf(disk.shareable),
    propagate_errors: boolOf(disk.propagate_errors),
    scsi_passthrough: str(disk.sgio),
    // The module looks the host up by name, then asks the engine to refresh the LUN from it (ovirt_disk.py main).
    host: hostId ? hostNameArg(hostId, names) : undefined,
    logical_unit: compact({
      id: str(lu.id),
      storage_type: str(ls.type),
      address: str(lu.address),
      port: num(lu.port),
      target: str(lu.target),
      username: str(lu.username),
      password: secretOr(lu.password),
    }),
  });
}

/** ovirt_disk's attachment arguments (DiskAttachmentsModule.build_entity: interface, bootable, active, read_only, uses_scsi_reservation, pass_discard). */
function ansibleAttachmentArgs(a: Wire): Args {
  return compact({
    interface: str(a.interface),
    bootable: boolOf(a.bootable),
    read_only: boolOf(a.read_only),
    pass_discard: boolOf(a.pass_discard),
    uses_scsi_reservation: boolOf(a.uses_scsi_reservation),
    activate: boolOf(a.active),
  });
}

function vmArgs(vmId: string, names: CodeNames): Args {
  const name = names.vm?.(vmId);
  return name ? { vm_name: name } : { vm_id: vmId };
}

function ansibleUnit(op: Operation, names: CodeNames): Unit & { task: Omit<AnsibleTask, 'args'> } {
  const unit = (title: string, module: string, args: Args, register?: string) => ({
    title,
    key: `${module}:${op.kind}`,
    value: args,
    task: { module, ...(register ? { register } : {}) },
  });
  switch (op.kind) {
    case 'create-disk':
      return unit('Create the direct LUN disk', DISK_MODULE, { ...ansibleDiskArgs(op.disk, names), state: 'present' });
    case 'create-attached':
      return unit('Create the direct LUN disk and attach it to the VM', DISK_MODULE, {
        ...ansibleDiskArgs(op.disk, names),
        ...vmArgs(op.vmId, names),
        ...ansibleAttachmentArgs(op.attachment),
        state: 'attached',
      });
    case 'attach':
      return unit('Attach the disk to the VM', DISK_MODULE, { id: op.diskId, ...vmArgs(op.vmId, names), ...ansibleAttachmentArgs(op.attachment), state: 'attached' });
    case 'update-attachment':
      return unit(updateTitle(op), DISK_MODULE, {
        id: op.diskId,
        ...vmArgs(op.vmId, names),
        ...ansibleAttachmentArgs(op.attachment),
        ...compact({ scsi_passthrough: str(op.disk?.sgio) }),
        state: 'attached',
      });
    case 'detach':
      return unit('Detach the disk from the VM (the disk is kept)', DISK_MODULE, { id: op.diskId, ...vmArgs(op.vmId, names), state: 'detached' });
    case 'vm-action': {
      const vm = names.vm?.(op.vmId);
      const who: Args = vm ? { name: vm } : { id: op.vmId };
      // ovirt_vm.py main: state stopped sends `stop` with force, `shutdown` without; state running starts; a `host`
      // different from the VM's, or `migrate: true`, migrates (_migrate_vm).
      if (op.action === 'start') return unit('Run the VM', VM_MODULE, { ...who, state: 'running' });
      if (op.action === 'shutdown') return unit('Shut down the VM', VM_MODULE, { ...who, state: 'stopped' });
      if (op.action === 'stop') return unit('Power off the VM', VM_MODULE, { ...who, state: 'stopped', force: true });
      return unit('Migrate the VM', VM_MODULE, op.hostId ? { ...who, state: 'running', host: hostNameArg(op.hostId, names) } : { ...who, state: 'running', migrate: true });
    }
    case 'iscsi-discover':
    case 'iscsi-login': {
      const login = op.kind === 'iscsi-login';
      const i = op.iscsi;
      return unit(
        login ? 'Log the host in to the iSCSI target' : 'Discover the iSCSI targets of the portal',
        HOST_MODULE,
        {
          name: hostNameArg(op.hostId, names),
          state: login ? 'iscsilogin' : 'iscsidiscover',
          iscsi: compact({
            address: str(i.address),
            port: num(i.port),
            target: str(i.target),
            portal: str(i.portal),
            username: str(i.username),
            password: secretOr(i.password),
          }),
        },
        login ? undefined : 'discovered',
      );
    }
    case 'other':
      return { title: `${op.spec.method} ${op.spec.path}`, key: `other:${op.spec.method}:${op.spec.path}`, value: {}, task: { module: '' } };
  }
}

function yamlScalar(v: Leaf): string {
  if (v instanceof Secret) return JSON.stringify(CODE_PLACEHOLDERS.ansibleChap);
  if (v instanceof LoopVar) return JSON.stringify(`{{ item.${v.name} }}`);
  // Double-quoted: a JSON string is a YAML double-quoted scalar, so no value can turn into another type or a key.
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

function yamlArgs(a: Args, indent: string): string[] {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    if (isArgs(v)) lines.push(`${indent}${k}:`, ...yamlArgs(v, `${indent}  `));
    else if (typeof v !== 'object' || v instanceof Secret || v instanceof LoopVar) lines.push(`${indent}${k}: ${yamlScalar(v)}`);
  }
  return lines;
}

/** Ansible tasks (a YAML list) with the ovirt.ovirt collection; `auth` from an ovirt.ovirt.ovirt_auth task. */
export function requestsAsAnsible(specs: EngineRequestSpec[], names: CodeNames = {}): string {
  const units = specs.map((s) => ansibleUnit(operationOf(s), names));
  const byValue = new Map(units.map((u) => [u.value, u]));
  const out: string[] = [
    '# auth: the ovirt_auth fact from an ovirt.ovirt.ovirt_auth task (url: https://engine.example.com/ovirt-engine/api).',
  ];
  if (units.some((u) => [...leaves(u.value, '', new Map()).values()].some((l) => l instanceof Secret))) {
    out.push('# vault_chap_password: the iSCSI target\'s CHAP password, kept in Ansible Vault.');
  }
  for (const g of groupUnits(units)) {
    const steps = g.loop ? g.loop.steps : g.units.map((unit) => ({ unit, template: unit.value }));
    for (const step of steps) {
      const meta = byValue.get(step.unit.value)!;
      if (meta.task.module === '') {
        out.push(`# No ovirt.ovirt module for: ${meta.title}`);
        continue;
      }
      out.push(`- name: ${JSON.stringify(g.loop ? `${meta.title} (${g.loop.items.length})` : meta.title)}`);
      out.push(`  ${meta.task.module}:`);
      out.push('    auth: "{{ ovirt_auth }}"');
      out.push(...yamlArgs(step.template, '    '));
      if (meta.task.register) out.push(`  register: ${meta.task.register}`);
      if (g.loop) {
        out.push('  loop:');
        for (const item of g.loop.items) {
          Object.entries(item).forEach(([k, v], i) => out.push(`${i === 0 ? '    - ' : '      '}${k}: ${yamlScalar(v)}`));
        }
      }
    }
  }
  return out.join('\n');
}

// ---- Python SDK ------------------------------------------------------------------------------------------------

/** The SDK type of a wire object's field (SDK attributes have the wire's names: both come from the API model). */
const PY_FIELDS: Record<string, Record<string, string>> = {
  Disk: { lun_storage: 'HostStorage', sgio: 'enum:ScsiGenericIO' },
  HostStorage: { host: 'Host', logical_units: 'list:LogicalUnit', type: 'enum:StorageType' },
  DiskAttachment: { disk: 'Disk', interface: 'enum:DiskInterface' },
};
const PY_BOOL_FIELDS = new Set(['shareable', 'propagate_errors', 'bootable', 'read_only', 'pass_discard', 'uses_scsi_reservation', 'active']);

function pyCtor(type: string, w: Wire): Ctor {
  const args: Args = {};
  for (const [k, v] of Object.entries(w)) {
    if (v === undefined) continue;
    const ft = PY_FIELDS[type]?.[k];
    if (k === 'password') args[k] = secretOr(v);
    else if (ft?.startsWith('enum:')) args[k] = new EnumRef(ft.slice(5), (str(v) ?? '').toUpperCase());
    else if (ft?.startsWith('list:')) {
      const wrapped = wireOf(v);
      const list = Object.values(wrapped).find(Array.isArray) ?? [];
      args[k] = list.filter(isWire).map((x) => pyCtor(ft.slice(5), x));
    } else if (ft && isWire(v)) args[k] = pyCtor(ft, v);
    else if (PY_BOOL_FIELDS.has(k) && boolOf(v) !== undefined) args[k] = boolOf(v);
    else if (k === 'port' && num(v) !== undefined) args[k] = num(v);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') args[k] = v;
  }
  return new Ctor(type, args);
}

interface PyCall {
  /**
   * The service chain, e.g. "system.vms_service().vm_service($vm)": `$vm`, `$disk`, `$host` name arguments of the
   * unit (kept out of the call's keywords), so the ids in a path can be loop fields like any other value.
   */
  service: string;
  method: string;
  args: Args;
}

const PY_VM = 'system.vms_service().vm_service($vm)';
const PY_ATTACHMENT = `${PY_VM}.disk_attachments_service().attachment_service($disk)`;

function pyUnit(op: Operation): Unit & { call: Omit<PyCall, 'args'> | undefined } {
  const unit = (title: string, service: string, method: string, args: Args) => ({ title, key: `${service}.${method}:${op.kind}`, value: args, call: { service, method } });
  switch (op.kind) {
    case 'create-disk':
      return unit('Create the direct LUN disk', 'system.disks_service()', 'add', { disk: pyCtor('Disk', op.disk) });
    case 'create-attached':
      return unit('Create the direct LUN disk and attach it to the VM', `${PY_VM}.disk_attachments_service()`, 'add', {
        $vm: op.vmId,
        attachment: pyCtor('DiskAttachment', { ...op.attachment, disk: op.disk }),
      });
    case 'attach':
      return unit('Attach the disk to the VM', `${PY_VM}.disk_attachments_service()`, 'add', {
        $vm: op.vmId,
        attachment: pyCtor('DiskAttachment', { ...op.attachment, disk: { id: op.diskId } }),
      });
    case 'update-attachment':
      return unit(updateTitle(op), PY_ATTACHMENT, 'update', {
        $vm: op.vmId,
        $disk: op.diskId,
        disk_attachment: pyCtor('DiskAttachment', { ...op.attachment, ...(op.disk ? { disk: op.disk } : {}) }),
      });
    case 'detach':
      return unit('Detach the disk (kept)', PY_ATTACHMENT, 'remove', { $vm: op.vmId, $disk: op.diskId, detach_only: true });
    case 'vm-action':
      return unit(
        { start: 'Run the VM', shutdown: 'Shut down the VM', stop: 'Power off the VM', migrate: 'Migrate the VM' }[op.action],
        PY_VM,
        op.action,
        { $vm: op.vmId, ...(op.hostId ? { host: new Ctor('Host', { id: op.hostId }) } : {}) },
      );
    case 'iscsi-discover':
    case 'iscsi-login':
      return unit(
        op.kind === 'iscsi-login' ? 'Log the host in to the iSCSI target' : 'Discover the iSCSI targets of the portal',
        'system.hosts_service().host_service($host)',
        op.kind === 'iscsi-login' ? 'iscsi_login' : op.action === 'discoveriscsi' ? 'discover_iscsi' : 'iscsi_discover',
        { $host: op.hostId, iscsi: pyCtor('IscsiDetails', op.iscsi) },
      );
    case 'other':
      return { title: `${op.spec.method} ${op.spec.path}`, key: `other:${op.spec.method}:${op.spec.path}`, value: {}, call: undefined };
  }
}

function pyStr(s: string): string {
  // A JSON string is a valid Python string literal (same escapes for what JSON emits).
  return JSON.stringify(s);
}

function pyLeaf(v: Leaf, item: string): string {
  if (v instanceof Secret) return `os.environ[${pyStr(CODE_PLACEHOLDERS.chapEnv)}]`;
  if (v instanceof LoopVar) return `${item}[${pyStr(v.name)}]`;
  if (typeof v === 'string') return pyStr(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

function pyNode(n: Node, indent: string, item: string): string {
  if (Array.isArray(n)) {
    if (n.length === 0) return '[]';
    return `[\n${n.map((x) => `${indent}    ${pyNode(x, `${indent}    `, item)},`).join('\n')}\n${indent}]`;
  }
  if (n instanceof EnumRef) return `types.${n.type}.${n.member}`;
  if (n instanceof Ctor) {
    const args = Object.entries(n.args).flatMap(([k, v]) => (v === undefined ? [] : [[k, v] as const]));
    if (args.length === 0) return `types.${n.type}()`;
    return `types.${n.type}(\n${args.map(([k, v]) => `${indent}    ${k}=${pyNode(v, `${indent}    `, item)},`).join('\n')}\n${indent})`;
  }
  if (isArgs(n)) return '{}';
  return pyLeaf(n, item);
}

function pyCallText(call: Omit<PyCall, 'args'>, args: Args, indent: string, item: string): string {
  const entries = Object.entries(args).flatMap(([k, v]) => (v === undefined || k.startsWith('$') ? [] : [[k, v] as const]));
  const service = call.service.replace(/\$(vm|disk|host)\b/g, (ref: string) => {
    const v = args[ref];
    return v !== undefined && (typeof v !== 'object' || v instanceof LoopVar) ? pyLeaf(v, item) : 'None';
  });
  const head = `${indent}${service}.${call.method}(`;
  if (entries.length === 0) return `${head})`;
  return `${head}\n${entries.map(([k, v]) => `${indent}    ${k}=${pyNode(v, `${indent}    `, item)},`).join('\n')}\n${indent})`;
}

/** A Python script with the oVirt Python SDK (ovirtsdk4). */
export function requestsAsPython(specs: EngineRequestSpec[]): string {
  const units = specs.map((s) => pyUnit(operationOf(s)));
  const byValue = new Map(units.map((u) => [u.value, u]));
  const out: string[] = [
    'import os',
    '',
    'import ovirtsdk4 as sdk',
    'import ovirtsdk4.types as types',
    '',
    '# OVIRT_URL: e.g. https://engine.example.com/ovirt-engine/api; OVIRT_TOKEN: an SSO access token.',
  ];
  if (units.some((u) => [...leaves(u.value, '', new Map()).values()].some((l) => l instanceof Secret))) {
    out.push(`# ${CODE_PLACEHOLDERS.chapEnv}: the iSCSI target's CHAP password, read from the environment.`);
  }
  out.push(
    'connection = sdk.Connection(',
    "    url=os.environ['OVIRT_URL'],",
    "    token=os.environ['OVIRT_TOKEN'],",
    "    ca_file='ca.pem',",
    ')',
    'system = connection.system_service()',
  );
  let n = 0;
  for (const g of groupUnits(units)) {
    out.push('');
    if (g.loop) {
      const list = `items${n ? n + 1 : ''}`;
      n += 1;
      const titles = g.loop.steps.map((st) => byValue.get(st.unit.value)!.title);
      out.push(`# ${titles.map((t, i) => (i === 0 ? t : t.charAt(0).toLowerCase() + t.slice(1))).join(', then ')} (${g.loop.items.length})`, `${list} = [`);
      for (const item of g.loop.items) {
        out.push(`    {${Object.entries(item).map(([k, v]) => `${pyStr(k)}: ${pyLeaf(v, 'item')}`).join(', ')}},`);
      }
      out.push(']', `for item in ${list}:`);
      for (const st of g.loop.steps) {
        const call = byValue.get(st.unit.value)!.call;
        out.push(call ? pyCallText(call, st.template, '    ', 'item') : `    pass  # No SDK call mapped for: ${st.unit.title}`);
      }
      continue;
    }
    for (const u of g.units) {
      const call = byValue.get(u.value)!.call;
      out.push(call ? `# ${u.title}\n${pyCallText(call, u.value, '', 'item')}` : `# No SDK call mapped for: ${u.title}`);
    }
  }
  out.push('', 'connection.close()');
  return out.join('\n');
}

// ---- curl -------------------------------------------------------------------------------------------------------

/** A JSON value as an argument tree: the password a Secret, everything else as sent. */
function jsonArgs(v: unknown, key = ''): Node {
  if (key === 'password' && v) return SECRET;
  if (Array.isArray(v)) return v.map((x: unknown) => jsonArgs(x));
  if (isWire(v)) {
    const out: Args = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = jsonArgs(x, k);
    return out;
  }
  return typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
}

/**
 * One request as a curl unit: the path's segments (ids at odd positions: /vms/{id}/diskattachments/{id}) and the
 * body as leaves, so a batch loops over what differs. The key keeps the path's names, never its ids.
 */
function curlUnit(s: EngineRequestSpec): Unit {
  // Kept URL-encoded, as sent.
  const segments = s.path.split('/').filter(Boolean);
  const query = buildUrl('', s.query).slice(buildUrl('', {}).length);
  return {
    title: `${s.method} ${s.path}`,
    key: `${s.method} ${segments.map((x, i) => (i % 2 === 1 ? '*' : x)).join('/')} ${query} ${s.body === undefined ? 'no-body' : 'body'}`,
    value: compact({ method: s.method, path: pathArgs(segments), query, body: s.body === undefined ? undefined : jsonArgs(s.body) }),
  };
}

const ID_NAMES: Record<string, string> = { vms: 'vm_id', disks: 'disk_id', diskattachments: 'disk_id', hosts: 'host_id' };

/** The path as ordered arguments: `s0: "vms", vm_id: "…", s2: "diskattachments", disk_id: "…"` (loop fields by name). */
function pathArgs(segments: string[]): Args {
  const out: Args = {};
  segments.forEach((x, i) => {
    const prev = segments[i - 1] ?? '';
    out[i % 2 === 1 ? (ID_NAMES[prev] ?? `${prev.replace(/\W/g, '')}_id`) : `s${i}`] = x;
  });
  return out;
}

/** A shell word inside double quotes: a loop field as `${name}`, anything else escaped. */
function shellInDouble(v: Node | undefined): string {
  if (v instanceof LoopVar) return `\${${v.name}}`;
  if (typeof v === 'string' || typeof v === 'number') return String(v).replace(/[\\"$`]/g, (c) => `\\${c}`);
  return '';
}

/** The body as one line of JSON in single quotes; a password and loop fields spliced in from the shell. */
function curlJson(n: Node, numeric: ReadonlySet<string>): string {
  if (n instanceof Secret) return `"'"$${CODE_PLACEHOLDERS.chapEnv}"'"`;
  if (n instanceof LoopVar) return numeric.has(n.name) ? `'"$${n.name}"'` : `"'"$${n.name}"'"`;
  if (Array.isArray(n)) return `[${n.map((x) => curlJson(x, numeric)).join(',')}]`;
  if (isArgs(n)) {
    const entries = Object.entries(n).flatMap(([k, v]) => (v === undefined ? [] : [`${JSON.stringify(k)}:${curlJson(v, numeric)}`]));
    return `{${entries.join(',')}}`;
  }
  if (typeof n === 'string') return JSON.stringify(n).replace(/'/g, "'\\''");
  return typeof n === 'number' || typeof n === 'boolean' ? String(n) : '""';
}

function curlCommand(u: Args, indent: string, numeric: ReadonlySet<string>): string {
  const path = isArgs(u.path) ? Object.values(u.path).map((x) => `/${shellInDouble(x)}`).join('') : '';
  const lines = [
    `${indent}curl --fail-with-body -sS -X ${typeof u.method === 'string' ? u.method : ''} "$ENGINE${API_BASE}${path}${shellInDouble(u.query)}"`,
    `${indent}  -H "Authorization: Bearer ${CODE_PLACEHOLDERS.curlToken}"`,
    `${indent}  -H 'Accept: application/json'`,
  ];
  if (u.body !== undefined) lines.push(`${indent}  -H 'Content-Type: application/json'`, `${indent}  --data '${curlJson(u.body, numeric)}'`);
  return lines.join(' \\\n');
}

function hasPassword(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasPassword);
  if (isWire(v)) return Object.entries(v).some(([k, x]) => (k === 'password' && !!x) || hasPassword(x));
  return false;
}

/** A loop item's value as text (loop items hold plain values only: sameShape keeps secrets and enums out). */
function leafText(v: Leaf | undefined): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

function shellSingle(v: Leaf): string {
  return `'${leafText(v).replace(/'/g, "'\\''")}'`;
}

/**
 * curl commands. A batch (the same requests for several disks) is one shell loop over what differs: `for x in …`
 * for one field, `while read` over tab-separated rows for more.
 */
export function requestsAsCurl(specs: EngineRequestSpec[]): string {
  const out: string[] = [
    `# ENGINE: the engine's address, e.g. ${CODE_PLACEHOLDERS.engine}; TOKEN: an SSO access token`,
    '# (POST $ENGINE/ovirt-engine/sso/oauth/token with grant_type=password and scope=ovirt-app-api).',
  ];
  if (specs.some((s) => hasPassword(s.body))) out.push(`# ${CODE_PLACEHOLDERS.chapEnv}: the iSCSI target's CHAP password, read from the environment.`);
  for (const g of groupUnits(specs.map(curlUnit))) {
    out.push('');
    if (!g.loop) {
      for (const u of g.units) out.push(curlCommand(u.value, '', new Set()));
      continue;
    }
    const fields = Object.keys(g.loop.items[0] ?? {});
    const numeric = new Set(fields.filter((f) => g.loop!.items.every((item) => typeof item[f] === 'number')));
    const body = g.loop.steps.map((st) => curlCommand(st.template, '  ', numeric));
    out.push(`# ${g.loop.items.length} times, once for each ${fields.join(' and ')}`);
    if (fields.length === 1) {
      out.push(`for ${fields[0]!} in ${g.loop.items.map((item) => shellSingle(item[fields[0]!]!)).join(' ')}; do`, ...body, 'done');
    } else {
      out.push(`while IFS=$'\\t' read -r ${fields.join(' ')}; do`, ...body, "done <<'ROWS'");
      for (const item of g.loop.items) out.push(fields.map((f) => leafText(item[f])).join('\t'));
      out.push('ROWS');
    }
  }
  return out.join('\n');
}

export function requestsAsCode(lang: CodeLanguage, specs: EngineRequestSpec[], names: CodeNames = {}): string {
  if (lang === 'curl') return requestsAsCurl(specs);
  if (lang === 'python') return requestsAsPython(specs);
  return requestsAsAnsible(specs, names);
}
