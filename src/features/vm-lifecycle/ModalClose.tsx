// A Modal's close button with its name from the catalogs: PatternFly's own (rendered when the Modal has onClose)
// is named "Close" in English with no prop to change it, so these dialogs leave Modal's onClose out (Escape still
// closes them, through onEscapePress) and render the same button, with the same class, themselves.
import { Button } from '@patternfly/react-core';
import { RhMicronsCloseIcon } from '@patternfly/react-icons';
import { t } from '../../i18n/i18n';

export function ModalClose({ onClose }: { onClose: () => void }) {
  return (
    <div className="pf-v6-c-modal-box__close">
      <Button variant="plain" onClick={onClose} aria-label={t('pf.close')} icon={<RhMicronsCloseIcon />} />
    </div>
  );
}
