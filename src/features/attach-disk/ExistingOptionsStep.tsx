// Step "Options" for existing disks: per disk its interface, Activate, Bootable and Read-only, with the same
// rules and reasons as the Add wizard; the disk's own pass-through and sharable are shown, fixed.
import { Alert, Card, CardBody, CardTitle, Form, Title } from '@patternfly/react-core';
import type { AttachChoice, AttachVm } from '../../domain/attach-options';
import { diskTypeText, formatSize } from '../../domain/format';
import { diskSize } from '../../domain/model';
import { AttachChoiceFields } from '../../flows/disk-attach/AttachChoiceFields';
import type { BatchEntry } from './attach-batch';
import { t } from '../../i18n/i18n';
import { alertLabel } from '../../i18n/patternfly';

export function ExistingOptionsStep({
  vm,
  batch,
  onChange,
  problem,
}: {
  vm: AttachVm;
  batch: readonly BatchEntry[];
  onChange: (diskId: string, c: AttachChoice) => void;
  /** Set when Next was refused. */
  problem: string | undefined;
}) {
  return (
    <Form onSubmit={(e) => e.preventDefault()} aria-labelledby="attach-options-title">
      <Title headingLevel="h2" id="attach-options-title">
        {t('attach.options.title')}
      </Title>
      <p>{t(batch.length > 1 ? 'attach.options.introMany' : 'attach.options.intro', { vm: vm.name })}</p>
      {problem ? (
        <Alert variant="danger" variantLabel={alertLabel('danger')} isInline title={t('attach.options.cannotGoOn')} component="h3" role="alert">
          {problem}
        </Alert>
      ) : null}
      {batch.map((b) => {
        const size = diskSize(b.disk);
        return (
          <Card key={b.disk.id} isCompact isPlain={false} component="section" aria-labelledby={`opts-${b.disk.id}-title`}>
            <CardTitle>
              <Title headingLevel="h3" id={`opts-${b.disk.id}-title`} translate="no">
                {b.disk.alias}
              </Title>
              <span style={{ color: 'var(--pf-t--global--text--color--subtle)', fontWeight: 'normal' }}>
                {t(b.disk.storageType === 'lun' ? (size !== undefined ? 'attach.options.kindLunSize' : 'attach.options.kindLun') : size !== undefined ? 'attach.options.kindSize' : 'attach.options.kind', {
                  type: diskTypeText(b.disk),
                  lun: b.disk.storageType === 'lun' ? b.disk.lun.id : '',
                  size: size !== undefined ? formatSize(size) : '',
                })}
              </span>
            </CardTitle>
            <CardBody>
              <AttachChoiceFields
                idPrefix={`opts-${b.disk.id}`}
                vm={vm}
                disk={b.target}
                choice={b.choice}
                bootableTakenBy={b.bootableTakenBy}
                onChange={(c) => onChange(b.disk.id, c)}
                labelSuffix={batch.length > 1 ? t('attach.options.labelSuffix', { disk: b.disk.alias }) : ''}
              />
            </CardBody>
          </Card>
        );
      })}
    </Form>
  );
}
