// A modal's close button with its name from the catalogs. PatternFly's Modal draws its own close button, named
// "Close" in English with no prop to name it otherwise; so a dialog that can be closed passes no `onClose` to the
// Modal (Escape through `onEscapePress`) and puts this button first in it, where PatternFly puts its own.
import { Button } from '@patternfly/react-core';
import { TimesIcon } from '@patternfly/react-icons';
import { t } from '../i18n/i18n';

export function ModalClose({ onClose }: { onClose: () => void }) {
  return (
    <div className="pf-v6-c-modal-box__close">
      <Button variant="plain" aria-label={t('pf.close')} onClick={onClose} icon={<TimesIcon />} />
    </div>
  );
}
