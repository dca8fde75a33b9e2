import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { logout } from '../../engine-api/sso';
import { t } from '../../i18n/i18n';
import { LoginForm } from './LoginForm';

/**
 * Shown over the current page when the engine answers 401. The page stays mounted underneath, so whatever the
 * user typed is still there, and the requests that got the 401 are sent again after login.
 */
export function ReloginModal({ user }: { user: string }) {
  return (
    <Modal isOpen variant="small" aria-labelledby="relogin-title" aria-describedby="relogin-body" disableFocusTrap={false}>
      <ModalHeader title={t('login.sessionEnded')} labelId="relogin-title" />
      <ModalBody id="relogin-body">
        <p style={{ marginBottom: '1rem' }}>
          {t('login.sessionEndedBody')}
        </p>
        <LoginForm defaultUsername={user} />
      </ModalBody>
      <ModalFooter>
        <Button variant="link" onClick={() => void logout()}>
          {t('login.logoutInstead')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
