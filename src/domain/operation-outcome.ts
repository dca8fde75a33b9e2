// How a lifecycle operation ended, from what the engine reports: the jobs of its correlation id and the VM's own
// state. The engine answers "200 complete" before the VM changes state (reference §2.5), so a Run is done when
// the VM is Up, a stop when it is Down, a migration when it runs on another host — and failed when its jobs
// ended in failure (or ended with the VM where it was).
import { vmStatusText } from './format';
import type { JobWithSteps, Step, Vm } from './model';
import type { LifecycleAction } from './vm-actions';
import { isTransitional } from './vm-status';

export interface OperationOutcome {
  state: 'running' | 'done' | 'failed';
  headline: string;
  /** Why it failed, in the engine's words (its failed steps, naming hosts and targets). */
  details: string[];
}

/**
 * The failed steps that say why: the failed leaves — each host's own failure (a child of an aggregate such as
 * "Asked host1, host2… at once") and the top-level failures and conclusions — without the aggregates themselves.
 */
export function failureDetails(jobs: readonly JobWithSteps[]): string[] {
  const all = jobs.flatMap((j) => j.steps);
  const failed = all.filter((s) => s.status === 'failed');
  const hasChildren = (s: Step) => all.some((c) => c.parentStepId === s.id);
  const leaves = failed.filter((s) => !hasChildren(s));
  const chosen = leaves.length > 0 ? leaves : failed;
  const order = (s: Step) => {
    const parent = s.parentStepId ? all.find((p) => p.id === s.parentStepId) : undefined;
    return [parent?.startTime ?? s.startTime ?? 0, s.startTime ?? 0, s.number ?? 0] as const;
  };
  const sorted = [...chosen].sort((a, b) => {
    const [pa, sa, na] = order(a);
    const [pb, sb, nb] = order(b);
    return pa - pb || sa - sb || na - nb;
  });
  return [...new Set(sorted.map((s) => s.description))];
}

export function vmWhere(vm: Vm, hostName: (id: string | undefined) => string | undefined): string {
  if (vm.status === 'down') return `${vm.name} is Down`;
  return `${vm.name} is ${vmStatusText(vm.status)} on ${hostName(vm.hostId) ?? 'its host'}`;
}

export function operationOutcome(
  op: { kind: LifecycleAction; vmName: string; sourceHostId?: string | undefined },
  jobs: readonly JobWithSteps[] | undefined,
  vm: Vm | undefined,
  hostName: (id: string | undefined) => string | undefined,
): OperationOutcome {
  const list = jobs ?? [];
  const started = list.some((j) => j.job.status === 'started');
  const ended = list.length > 0 && !started;
  const failed = list.some((j) => j.job.status === 'failed' || j.job.status === 'aborted');
  const running: OperationOutcome = { state: 'running', headline: inProgress(op.kind, op.vmName), details: [] };
  if (!vm) return running;
  const where = vmWhere(vm, hostName);
  const fail = (headline: string): OperationOutcome => ({ state: 'failed', headline, details: [...failureDetails(list), `Now: ${where}.`] });

  switch (op.kind) {
    case 'start':
      if (vm.status === 'up') return { state: 'done', headline: `${vm.name} is Up on ${hostName(vm.hostId) ?? 'its host'}`, details: [] };
      if (ended && vm.status === 'down') return fail(`${vm.name} could not run`);
      return running;
    case 'shutdown':
    case 'stop':
      if (vm.status === 'down') return { state: 'done', headline: `${vm.name} is Down`, details: [] };
      if (ended && (failed || !isTransitional(vm.status))) {
        return fail(op.kind === 'shutdown' ? `${vm.name} did not shut down` : `${vm.name} did not power off`);
      }
      return running;
    case 'migrate': {
      const from = hostName(op.sourceHostId) ?? 'its host';
      if (vm.status === 'up' && vm.hostId && vm.hostId !== op.sourceHostId) {
        return { state: 'done', headline: `${vm.name} migrated from ${from} to ${hostName(vm.hostId) ?? 'another host'}`, details: [] };
      }
      if (ended && !isTransitional(vm.status)) {
        return fail(vm.hostId === op.sourceHostId && vm.status === 'up' ? `Migration failed: ${vm.name} stayed on ${from}` : `Migration of ${vm.name} failed`);
      }
      return running;
    }
  }
}

function inProgress(kind: LifecycleAction, vm: string): string {
  switch (kind) {
    case 'start':
      return `Starting ${vm}…`;
    case 'shutdown':
      return `Shutting down ${vm}…`;
    case 'stop':
      return `Powering off ${vm}…`;
    case 'migrate':
      return `Migrating ${vm}…`;
  }
}
