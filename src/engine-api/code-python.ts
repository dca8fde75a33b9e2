// Request as code (decision 049): a Python SDK (ovirtsdk4) script.
import type { EngineRequestSpec } from './requests';
import { CODE_PLACEHOLDERS, Ctor, EnumRef, LoopVar, Secret, boolOf, groupUnits, isArgs, isWire, leaves, num, operationOf, secretOr, str, updateTitle, wireOf, type Args, type Leaf, type Node, type Operation, type Unit, type Wire } from './code-model';

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
