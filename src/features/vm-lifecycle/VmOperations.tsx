// The operations started from this tab, for one VM (its page) or for all (the VM list), newest first.
import { PageSection } from '@patternfly/react-core';
import { OperationCard } from './OperationCard';
import { useVmOperations } from './operations';
import { t } from '../../i18n/i18n';

export function VmOperations({ vmId }: { vmId?: string }) {
  const ops = useVmOperations(vmId);
  if (ops.length === 0) return null;
  return (
    <PageSection aria-label={vmId ? t('vm.operations.labelOne') : t('vm.operations.labelAll')} style={{ display: 'grid', gap: '0.75rem' }}>
      {ops.map((op) => (
        <OperationCard key={op.id} op={op} />
      ))}
    </PageSection>
  );
}
