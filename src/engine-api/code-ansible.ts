// Request as code (decision 049): Ansible tasks of the ovirt.ovirt collection.
import type { EngineRequestSpec } from './requests';
import { CODE_PLACEHOLDERS, LoopVar, Secret, boolOf, compact, groupUnits, isArgs, leaves, logicalUnitsOf, num, operationOf, secretOr, str, updateTitle, wireOf, type Args, type CodeNames, type Leaf, type Operation, type Unit, type Wire } from './code-model';

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
