// "Manage columns" for the LUN table: PatternFly's column management pattern (a modal listing the columns with a
// checkbox each, Save / Cancel, and a way back to the defaults). The LUN ID, the pick and the row's actions are
// always shown, so they are listed checked and disabled, with the reason.
import { Button, Checkbox, Content, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { ColumnsIcon } from '@patternfly/react-icons';
import { useState } from 'react';
import { DEFAULT_LUN_COLUMNS, LUN_COLUMNS, type LunColumnKey } from './lun-columns';
import { t } from '../../i18n/i18n';

export function ManageLunColumns({ shown, onSave, iscsi }: { shown: readonly LunColumnKey[]; onSave: (keys: readonly LunColumnKey[]) => void; iscsi: boolean }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<readonly LunColumnKey[]>(shown);
  const openModal = () => {
    setDraft(shown);
    setOpen(true);
  };
  const toggle = (key: LunColumnKey, on: boolean) => setDraft((d) => (on ? [...d, key] : d.filter((k) => k !== key)));
  const listed = LUN_COLUMNS.filter((c) => c.key !== 'select' && c.key !== 'action');
  return (
    <>
      <Button variant="secondary" icon={<ColumnsIcon />} onClick={openModal}>
        {t('lunDisk.columns.manage')}
      </Button>
      <Modal isOpen={open} onClose={() => setOpen(false)} variant="small" aria-labelledby="lun-columns-title" aria-describedby="lun-columns-help">
        <ModalHeader title={t('lunDisk.columns.manage')} labelId="lun-columns-title" />
        <ModalBody>
          <Content component="p" id="lun-columns-help">
            {t('lunDisk.columns.help')}
          </Content>
          {listed.map((c) => (
            <Checkbox
              key={c.key}
              id={`lun-column-${c.key}`}
              label={t(c.title)}
              isChecked={c.fixed || draft.includes(c.key)}
              isDisabled={c.fixed}
              description={
                c.fixed
                  ? t('lunDisk.columns.fixed')
                  : c.iscsiOnly && !iscsi
                    ? t('lunDisk.columns.iscsiOnly')
                    : c.key === 'target' || c.key === 'portal'
                      ? t('lunDisk.columns.flatOnly')
                      : undefined
              }
              onChange={(_e, on) => toggle(c.key, on)}
            />
          ))}
        </ModalBody>
        <ModalFooter>
          <Button
            variant="primary"
            onClick={() => {
              onSave(draft);
              setOpen(false);
            }}
          >
            {t('lunDisk.columns.save')}
          </Button>
          <Button variant="secondary" onClick={() => setDraft(DEFAULT_LUN_COLUMNS)}>
            {t('lunDisk.columns.restore')}
          </Button>
          <Button variant="link" onClick={() => setOpen(false)}>
            {t('lunDisk.columns.cancel')}
          </Button>
        </ModalFooter>
      </Modal>
    </>
  );
}
