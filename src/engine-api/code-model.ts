// Request as code (decision 049), the part common to the languages: which operation each EngineRequestSpec is,
// its values as an argument tree (secrets as markers), and consecutive requests of one shape grouped into loops.
// The languages: code-ansible.ts, code-python.ts, code-curl.ts; request-as-code.ts picks one.
import type { EngineRequestSpec } from './requests';

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

export type Operation =
  | { kind: 'create-disk'; disk: Wire }
  | { kind: 'create-attached'; vmId: string; attachment: Wire; disk: Wire }
  | { kind: 'attach'; vmId: string; diskId: string; attachment: Wire }
  | { kind: 'update-attachment'; vmId: string; diskId: string; attachment: Wire; disk: Wire | undefined }
  | { kind: 'detach'; vmId: string; diskId: string }
  | { kind: 'vm-action'; vmId: string; action: 'start' | 'shutdown' | 'stop' | 'migrate'; hostId: string | undefined }
  | { kind: 'iscsi-discover'; hostId: string; action: string; iscsi: Wire }
  | { kind: 'iscsi-login'; hostId: string; iscsi: Wire }
  | { kind: 'other'; spec: EngineRequestSpec };

export type Wire = Record<string, unknown>;

export function isWire(v: unknown): v is Wire {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export function wireOf(v: unknown): Wire {
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
export function updateTitle(op: { attachment: Wire; disk: Wire | undefined }): string {
  const keys = Object.keys(op.attachment);
  if (!op.disk && keys.length === 1 && keys[0] === 'active') return boolOf(op.attachment.active) ? 'Plug (activate) the disk' : 'Unplug (deactivate) the disk';
  return 'Change the disk attachment';
}

// ---- values common to the languages --------------------------------------------------------------------------

/** A secret in a snippet: never its value, only where to read it from. */
export class Secret {
  readonly secret = true;
}
export const SECRET = new Secret();
/** A value that differs between the requests of a loop: the loop variable's field. */
export class LoopVar {
  constructor(readonly name: string) {}
}
/** An SDK type's constructor call (Python). */
export class Ctor {
  constructor(
    readonly type: string,
    readonly args: Args,
  ) {}
}
/** An SDK enum member (Python). */
export class EnumRef {
  constructor(
    readonly type: string,
    readonly member: string,
  ) {}
}
export type Leaf = string | number | boolean | Secret | LoopVar;
export type Node = Leaf | Ctor | EnumRef | Node[] | Args;
export interface Args {
  [k: string]: Node | undefined;
}

export function isArgs(n: Node | undefined): n is Args {
  return typeof n === 'object' && !Array.isArray(n) && !(n instanceof Secret) && !(n instanceof LoopVar) && !(n instanceof Ctor) && !(n instanceof EnumRef);
}

/** The engine's clients send booleans as "true"/"false" strings; the modules and the SDK take booleans. */
export function boolOf(v: unknown): boolean | undefined {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

/** Drops undefined arguments, keeping the order given. */
export function compact(a: Args): Args {
  const out: Args = {};
  for (const [k, v] of Object.entries(a)) if (v !== undefined) out[k] = v;
  return out;
}

export function logicalUnitsOf(lunStorage: Wire): Wire[] {
  const lus = wireOf(lunStorage.logical_units).logical_unit;
  return Array.isArray(lus) ? lus.filter(isWire) : [];
}

/** A password key's value is replaced by the SECRET marker, whatever it held (even an already masked one). */
export function secretOr(v: unknown): Secret | undefined {
  return v === undefined || v === '' ? undefined : SECRET;
}

// ---- grouping into loops ---------------------------------------------------------------------------------------

/** How an enum member shows among the leaves: never a loop value (an SDK enum is code, not data). */
const ENUM_LEAF = '\u0000enum:';

/** The leaves of an argument tree by path ("logical_unit.id"). */
export function leaves(n: Node | undefined, path: string, out: Map<string, Leaf>): Map<string, Leaf> {
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

export interface Unit {
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
export function groupUnits(units: Unit[]): Group[] {
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

export function sameShape(a: Node, b: Node): boolean {
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
