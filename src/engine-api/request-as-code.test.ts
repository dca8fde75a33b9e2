// The snippets are checked against the upstream sources, not against themselves: every Ansible argument must be
// documented by its module (DOCUMENTATION, as extracted into request-as-code.upstream.json), every SDK type,
// enum member, service method and keyword must exist in ovirtsdk4's types.py / services.py, the Python must
// parse (python3's ast), the shell must parse (bash -n), each curl body must be the request the console sends, and
// no snippet may carry a CHAP password.
import { spawnSync } from 'node:child_process';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import upstream from './request-as-code.upstream.json';
import { createAttachedLunDiskRequest, attachDiskRequest, detachDiskRequest, updateAttachmentRequest, type AttachmentOptions } from './disk-attachments';
import { createLunDiskRequest, type NewLunDisk } from './disks';
import { discoverIscsiRequest, iscsiLoginRequest } from './host-storage';
import { requestsAsAnsible } from './code-ansible';
import { requestsAsCurl } from './code-curl';
import type { CodeNames } from './code-model';
import { requestsAsPython } from './code-python';
import type { EngineRequestSpec } from './requests';
import { buildUrl } from './transport';
import { vmActionRequest } from './vms';

const PASSWORD = 'S3cr3t-chap-pw';
const VM = '11111111-2222-3333-4444-555555555555';
const HOST = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const names: CodeNames = { host: (id) => (id === HOST ? 'host1' : undefined), vm: (id) => (id === VM ? 'db01' : undefined) };

function lunDisk(i: number, over: Partial<NewLunDisk['lun']> = {}): NewLunDisk {
  return {
    alias: `rac-data-${String(i).padStart(2, '0')}`,
    description: i === 1 ? 'quorum' : '',
    sharable: true,
    propagateErrors: false,
    sgio: 'unfiltered',
    lun: { id: `3600140500000000000000000000000${i.toString(16).padStart(2, '0')}`, type: 'iscsi', hostId: HOST, address: '10.35.1.72', port: 3260, target: 'iqn.2026-01.com.example:rac', username: 'chapuser', password: PASSWORD, ...over },
  };
}
const attach: AttachmentOptions = { interface: 'virtio_scsi', bootable: false, readOnly: false, passDiscard: false, usesScsiReservation: true, active: true };
const batch = (n: number) => Array.from({ length: n }, (_, i) => createAttachedLunDiskRequest(VM, { ...lunDisk(i + 1), description: '' }, attach));

const SCENARIOS: Record<string, { specs: EngineRequestSpec[]; tasks: number; loops: number[] }> = {
  'floating iSCSI disk with CHAP': { specs: [createLunDiskRequest(lunDisk(1))], tasks: 1, loops: [] },
  'FC disk without a host': { specs: [createLunDiskRequest({ ...lunDisk(2), sgio: undefined, lun: { id: '3600a0980383', type: 'fcp' } })], tasks: 1, loops: [] },
  'create and attach, one': { specs: batch(1), tasks: 1, loops: [] },
  'create and attach, a batch of 12': { specs: batch(12), tasks: 1, loops: [12] },
  'floating batch of 3': { specs: [1, 2, 3].map((i) => createLunDiskRequest({ ...lunDisk(i), description: '' })), tasks: 1, loops: [3] },
  'attach then plug': { specs: [attachDiskRequest(VM, 'd-1', { ...attach, active: false }), updateAttachmentRequest(VM, 'd-1', { active: true })], tasks: 2, loops: [] },
  'attach then plug, 3 disks on a running VM': {
    specs: ['d-1', 'd-2', 'd-3'].flatMap((d) => [attachDiskRequest(VM, d, { ...attach, active: false }), updateAttachmentRequest(VM, d, { active: true })]),
    tasks: 2,
    loops: [3, 3],
  },
  'edit with pass-through': { specs: [updateAttachmentRequest(VM, 'd-1', { interface: 'virtio_scsi', readOnly: true, sgio: 'filtered' })], tasks: 1, loops: [] },
  detach: { specs: [detachDiskRequest(VM, 'd-1')], tasks: 1, loops: [] },
  run: { specs: [vmActionRequest(VM, 'start')], tasks: 1, loops: [] },
  'shut down': { specs: [vmActionRequest(VM, 'shutdown')], tasks: 1, loops: [] },
  'power off': { specs: [vmActionRequest(VM, 'stop')], tasks: 1, loops: [] },
  'migrate, engine chooses': { specs: [vmActionRequest(VM, 'migrate')], tasks: 1, loops: [] },
  'migrate to a host': { specs: [vmActionRequest(VM, 'migrate', { host: { id: HOST } })], tasks: 1, loops: [] },
  'iSCSI discovery and login with CHAP': {
    specs: [
      discoverIscsiRequest(HOST, { address: '10.35.1.72', port: 3260, username: 'chapuser', password: PASSWORD }),
      iscsiLoginRequest(HOST, { address: '10.35.1.72', port: 3260, target: 'iqn.2026-01.com.example:rac', tpgt: 1, username: 'chapuser', password: PASSWORD }),
    ],
    tasks: 2,
    loops: [],
  },
};

// ---- Ansible ------------------------------------------------------------------------------------------------------

type ModuleDoc = { options: Record<string, { choices?: string[]; aliases?: string[]; suboptions?: string[] }> };
const modules: Record<string, ModuleDoc> = upstream.ansible.modules;
const common: ModuleDoc['options'] = upstream.ansible.common;

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Every `{{ item.x }}` of a task's arguments. */
function itemRefs(v: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof v === 'string') for (const m of v.matchAll(/\{\{\s*item\.(\w+)\s*\}\}/g)) out.add(m[1]!);
  else if (Array.isArray(v)) v.forEach((x) => itemRefs(x, out));
  else if (isRecord(v)) Object.values(v).forEach((x) => itemRefs(x, out));
  return out;
}

function checkAnsible(text: string, expected: { tasks: number; loops: number[] }) {
  const doc = load(text);
  expect(Array.isArray(doc), 'the snippet is a YAML list of tasks').toBe(true);
  const tasks: unknown[] = Array.isArray(doc) ? doc : [];
  expect(tasks).toHaveLength(expected.tasks);
  const loops: number[] = [];
  for (const task of tasks) {
    if (!isRecord(task)) throw new Error('a task is not a mapping');
    const moduleKeys = Object.keys(task).filter((k) => !['name', 'register', 'loop'].includes(k));
    expect(moduleKeys, 'one module per task').toHaveLength(1);
    const moduleName = moduleKeys[0]!;
    const doc = modules[moduleName];
    if (!doc) throw new Error(`${moduleName} is not one of the documented modules ${Object.keys(modules).join(', ')}`);
    const args = task[moduleName];
    if (!isRecord(args)) throw new Error('module arguments are not a mapping');
    for (const [k, v] of Object.entries(args)) {
      const opt = doc.options[k] ?? common[k];
      expect(opt, `${moduleName} documents \`${k}\``).toBeDefined();
      if (opt?.choices && typeof v === 'string' && !v.includes('{{')) expect(opt.choices, `${moduleName} ${k} choices`).toContain(v);
      if (opt?.suboptions && isRecord(v)) for (const sub of Object.keys(v)) expect(opt.suboptions, `${moduleName} ${k}.${sub}`).toContain(sub);
    }
    expect(args.auth).toBe('{{ ovirt_auth }}');
    if (task.loop !== undefined) {
      if (!Array.isArray(task.loop)) throw new Error('loop is not a list');
      loops.push(task.loop.length);
      const refs = itemRefs(args);
      expect(refs.size, 'a loop uses its items').toBeGreaterThan(0);
      for (const item of task.loop) {
        if (!isRecord(item)) throw new Error('a loop item is not a mapping');
        expect(new Set(Object.keys(item))).toEqual(refs);
      }
    }
  }
  expect(loops).toEqual(expected.loops);
  return tasks;
}

// ---- Python -------------------------------------------------------------------------------------------------------

// Parses the snippet with python3's own parser and lists what it calls: SDK types with their keywords, enum
// members, and each call chain from `system` (the system service) with the last call's keywords.
const PY_INSPECT = String.raw`
import ast, json, sys
tree = ast.parse(sys.stdin.read())
out = {"types": [], "enums": [], "chains": [], "connection": None}
def chain(node):
    names = []
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        names.append(node.func.attr)
        node = node.func.value
    return (node.id if isinstance(node, ast.Name) else None), list(reversed(names))
for node in ast.walk(tree):
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
        if node.func.value.id == "types":
            out["types"].append({"type": node.func.attr, "kw": [k.arg for k in node.keywords]})
        if node.func.value.id == "sdk" and node.func.attr == "Connection":
            out["connection"] = [k.arg for k in node.keywords]
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and isinstance(node.value.value, ast.Name) and node.value.value.id == "types":
        out["enums"].append({"type": node.value.attr, "member": node.attr})
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        root, names = chain(node.value)
        if root == "system":
            out["chains"].append({"calls": names, "kw": [k.arg for k in node.value.keywords]})
print(json.dumps(out))
`;

interface PyInspection {
  types: { type: string; kw: string[] }[];
  enums: { type: string; member: string }[];
  chains: { calls: string[]; kw: string[] }[];
  connection: string[] | null;
}

function inspectPython(code: string): PyInspection {
  const r = spawnSync('python3', ['-c', PY_INSPECT], { input: code, encoding: 'utf8' });
  if (r.error) throw new Error(`python3 is needed to check the Python snippets (${r.error.message}): install python3 on this machine`);
  if (r.status !== 0) throw new Error(`the Python snippet does not parse:\n${r.stderr}\n${code}`);
  const parsed: unknown = JSON.parse(r.stdout);
  if (!isRecord(parsed)) throw new Error('unexpected inspection output');
  return parsed as unknown as PyInspection;
}

/** Which service a `*_service()` call returns (services.py: each locator returns that service class). */
const SERVICE_OF: Record<string, string> = {
  disks_service: 'DisksService',
  vms_service: 'VmsService',
  vm_service: 'VmService',
  disk_attachments_service: 'DiskAttachmentsService',
  attachment_service: 'DiskAttachmentService',
  hosts_service: 'HostsService',
  host_service: 'HostService',
};

type ServiceDoc = { methods: Record<string, { params: string[] }> };
const services: Record<string, ServiceDoc> = upstream.sdk.services;
const types: Record<string, { params: string[] }> = upstream.sdk.types;
const enums: Record<string, { members: string[] }> = upstream.sdk.enums;

function checkPython(code: string) {
  const py = inspectPython(code);
  expect(py.connection).not.toBeNull();
  for (const k of py.connection ?? []) expect(upstream.sdk.connection.params, `Connection(${k}=)`).toContain(k);
  for (const t of py.types) {
    const doc = types[t.type];
    if (!doc) throw new Error(`types.${t.type} is not in the checked list of ovirtsdk4 types`);
    for (const k of t.kw) expect(doc.params, `types.${t.type}(${k}=)`).toContain(k);
  }
  for (const e of py.enums) expect(enums[e.type]?.members ?? [], `types.${e.type}.${e.member}`).toContain(e.member);
  expect(py.chains.length).toBeGreaterThan(0);
  for (const c of py.chains) {
    let cls = 'SystemService';
    c.calls.forEach((m, i) => {
      const methods = services[cls]?.methods ?? {};
      expect(Object.keys(methods), `${cls}.${m}()`).toContain(m);
      if (i === c.calls.length - 1) for (const k of c.kw) expect(methods[m]?.params ?? [], `${cls}.${m}(${k}=)`).toContain(k);
      else cls = SERVICE_OF[m] ?? `unknown service of ${m}`;
    });
  }
  return py;
}

// ---- curl ---------------------------------------------------------------------------------------------------------

function bashParses(script: string) {
  const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  if (r.error) throw new Error(`bash is needed to check the curl snippets (${r.error.message})`);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

// Runs the snippet in bash with curl replaced by a function that prints what it was asked to send, one line per call:
// the method, the URL and the body, after the shell's own expansion of loops, fields and $CHAP_PASSWORD.
const CURL_STUB = String.raw`curl() {
  local m='' u='' d='' auth=''
  while [ $# -gt 0 ]; do
    case "$1" in
      -X) m="$2"; shift 2 ;;
      --data) d="$2"; shift 2 ;;
      -H) case "$2" in Authorization:*) auth="$2" ;; esac; shift 2 ;;
      -*) shift ;;
      *) u="$1"; shift ;;
    esac
  done
  printf '%s\t%s\t%s\t%s\n' "$m" "$u" "$auth" "$d"
}
`;

interface Sent {
  method: string;
  url: string;
  auth: string;
  body: unknown;
}

function runCurl(script: string): Sent[] {
  const r = spawnSync('bash', ['-s'], {
    input: `${CURL_STUB}\n${script}\n`,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ENGINE: 'https://engine.test', TOKEN: 'tok', CHAP_PASSWORD: 'secret' },
  });
  if (r.error) throw new Error(`bash is needed to check the curl snippets (${r.error.message})`);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [method = '', url = '', auth = '', data = ''] = line.split('\t');
      return { method, url, auth, body: data ? (JSON.parse(data) as unknown) : undefined };
    });
}

function withPassword(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withPassword);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'password' && x ? 'secret' : withPassword(x)]));
  return v;
}

function checkCurl(text: string, specs: EngineRequestSpec[]) {
  bashParses(text);
  const commands = text.split('\n').filter((l) => /^\s*curl /.test(l));
  expect(commands.length).toBeLessThanOrEqual(specs.length);
  for (const c of commands) expect(c).toMatch(/^\s*curl --fail-with-body -sS -X (GET|POST|PUT|DELETE) "\$ENGINE\/ovirt-engine\/api\/v4\/[^"]+"/);
  expect(text.match(/-H "Authorization: Bearer \$TOKEN"/g)?.length).toBe(commands.length);
  // What is shown is what is sent: run, the snippet makes exactly the console's requests, in order.
  expect(runCurl(text)).toEqual(
    specs.map((s) => ({ method: s.method, url: `https://engine.test${buildUrl(s.path, s.query)}`, auth: 'Authorization: Bearer tok', body: s.body === undefined ? undefined : withPassword(s.body) })),
  );
}

// ---- the scenarios ------------------------------------------------------------------------------------------------

describe.each(Object.entries(SCENARIOS))('%s', (_name, { specs, tasks, loops }) => {
  it('Ansible: valid YAML, one task per request (a batch one loop), only documented module arguments', () => {
    checkAnsible(requestsAsAnsible(specs, names), { tasks, loops });
  });

  it('Python: parses, and uses only ovirtsdk4 types, enum members, services and keywords that exist', () => {
    checkPython(requestsAsPython(specs));
  });

  it('curl: parses as shell, one command per request or one loop, bodies exactly as sent', () => {
    checkCurl(requestsAsCurl(specs), specs);
  });

  it('no snippet carries the CHAP password', () => {
    for (const text of [requestsAsAnsible(specs, names), requestsAsPython(specs), requestsAsCurl(specs)]) expect(text).not.toContain(PASSWORD);
  });
});

describe('a batch of disks', () => {
  const specs = batch(12);

  it('is one Ansible task with a loop over what differs (alias and LUN id), the rest written once', () => {
    const [task] = checkAnsible(requestsAsAnsible(specs, names), { tasks: 1, loops: [12] });
    if (!isRecord(task)) throw new Error('no task');
    const args = task['ovirt.ovirt.ovirt_disk'];
    if (!isRecord(args) || !isRecord(args.logical_unit)) throw new Error('no arguments');
    expect(args.name).toBe('{{ item.name }}');
    expect(args.logical_unit.id).toBe('{{ item.logical_unit_id }}');
    expect(args.logical_unit.password).toBe('{{ vault_chap_password }}');
    expect(args).toMatchObject({ vm_name: 'db01', host: 'host1', interface: 'virtio_scsi', activate: true, shareable: true, scsi_passthrough: 'unfiltered', state: 'attached' });
    expect(task.loop).toEqual(specs.map((_, i) => ({ name: lunDisk(i + 1).alias, logical_unit_id: lunDisk(i + 1).lun.id })));
  });

  it('is one Python for loop and one shell for loop, each with the 12 disks once', () => {
    const python = requestsAsPython(specs);
    expect(python.match(/^for item in items:$/gm)).toHaveLength(1);
    expect(python.match(/disk_attachments_service\(\)\.add\(/g)).toHaveLength(1);
    for (let i = 1; i <= 12; i += 1) expect(python).toContain(`"alias": "${lunDisk(i).alias}"`);
    const curl = requestsAsCurl(specs);
    expect(curl.match(/^while IFS=\$'\\t' read -r alias logical_unit_id; do$/gm)).toHaveLength(1);
    expect(curl.match(/^\s*curl /gm)).toHaveLength(1);
    checkCurl(curl, specs);
  });

  it('a disk whose options differ (an enum) is not folded into the loop', () => {
    const mixed = [...batch(2), createAttachedLunDiskRequest(VM, { ...lunDisk(3), description: '' }, { ...attach, interface: 'virtio' })];
    expect(checkPython(requestsAsPython(mixed)).chains).toHaveLength(2);
    checkAnsible(requestsAsAnsible(mixed, names), { tasks: 1, loops: [3] });
  });

  it('attach then plug for each disk is one Python loop of two calls, the disk id one field of both', () => {
    const specs = ['d-1', 'd-2', 'd-3'].flatMap((d) => [attachDiskRequest(VM, d, { ...attach, active: false }), updateAttachmentRequest(VM, d, { active: true })]);
    const python = requestsAsPython(specs);
    expect(python.match(/^for item in /gm)).toHaveLength(1);
    expect(checkPython(python).chains.map((c) => c.calls.at(-1))).toEqual(['add', 'update']);
    expect(python).toContain('{"disk_id": "d-1"},');
    expect(python).toContain('.attachment_service(item["disk_id"]).update(');
    const [attachTask, plugTask] = checkAnsible(requestsAsAnsible(specs, names), { tasks: 2, loops: [3, 3] });
    if (!isRecord(attachTask) || !isRecord(plugTask)) throw new Error('no tasks');
    expect(attachTask.loop).toEqual([{ id: 'd-1' }, { id: 'd-2' }, { id: 'd-3' }]);
    expect(plugTask['ovirt.ovirt.ovirt_disk']).toMatchObject({ id: '{{ item.id }}', activate: true, state: 'attached' });
  });

  it('the shell loop carries values with spaces and quotes as they are', () => {
    const specs = ["rac data 01", "o'brien-02"].map((alias, i) => createLunDiskRequest({ ...lunDisk(i + 1), alias, description: '' }));
    const curl = requestsAsCurl(specs);
    expect(curl).toContain('while IFS=');
    checkCurl(curl, specs);
  });

  it('identical requests are not a loop over nothing: each stays a task of its own', () => {
    const login = iscsiLoginRequest(HOST, { address: '10.35.1.72', port: 3260, target: 'iqn.2026-01.com.example:rac' });
    checkAnsible(requestsAsAnsible([login, login], names), { tasks: 2, loops: [] });
  });

  it('without known names the host becomes a variable, never an id in a name field', () => {
    const text = requestsAsAnsible(specs);
    expect(text).toContain('host: "{{ host_name }}"');
    expect(text).toContain(`vm_id: "${VM}"`);
  });
});
