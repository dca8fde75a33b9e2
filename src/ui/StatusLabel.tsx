import { Label } from '@patternfly/react-core';
import { hostStatusText, vmStatusText } from '../domain/format';
import type { HostStatus, VmStatus } from '../domain/model';

type Color = 'green' | 'grey' | 'orange' | 'red' | 'blue' | 'purple';

function vmColor(s: VmStatus): Color {
  if (s === 'up') return 'green';
  if (s === 'down') return 'grey';
  if (s === 'paused' || s === 'suspended') return 'orange';
  if (s === 'not_responding' || s === 'unknown') return 'red';
  return 'blue';
}

export function VmStatusLabel({ status }: { status: VmStatus }) {
  return (
    <Label color={vmColor(status)} isCompact>
      {vmStatusText(status)}
    </Label>
  );
}

function hostColor(s: HostStatus): Color {
  if (s === 'up') return 'green';
  if (s === 'maintenance' || s === 'preparing_for_maintenance') return 'blue';
  if (s === 'non_responsive' || s === 'non_operational' || s === 'down' || s === 'error' || s === 'install_failed') return 'red';
  return 'grey';
}

export function HostStatusLabel({ status }: { status: HostStatus }) {
  return (
    <Label color={hostColor(status)} isCompact>
      {hostStatusText(status)}
    </Label>
  );
}
