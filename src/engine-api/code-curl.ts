// Request as code (decision 049): curl commands, a shell loop for a batch.
import { API_BASE, buildUrl } from './transport';
import type { EngineRequestSpec } from './requests';
import { CODE_PLACEHOLDERS, LoopVar, SECRET, Secret, compact, groupUnits, isArgs, isWire, type Args, type Leaf, type Node, type Unit } from './code-model';

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
