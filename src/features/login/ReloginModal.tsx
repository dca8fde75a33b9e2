import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { logout } from '../../engine-api/sso';
import { LoginForm } from './LoginForm';

/**
 * Shown over the current page when the engine answers 401. The page stays mounted underneath, so whatever the
 * user typed is still there, and the requests that got the 401 are sent again after login.
 */
export function ReloginModal({ user }: { user: string }) {
  return (
    <Modal isOpen variant="small" aria-labelledby="relogin-title" aria-describedby="relogin-body" disableFocusTrap={false}>
      <ModalHeader title="Your session has ended" labelId="relogin-title" />
      <ModalBody id="relogin-body">
        <p style={{ marginBottom: '1rem' }}>
          The engine no longer accepts your session. Log in again to carry on where you were; nothing you entered is lost.
        </p>
        <LoginForm defaultUsername={user} />
      </ModalBody>
      <ModalFooter>
        <Button variant="link" onClick={() => void logout()}>
          Log out instead
        </Button>
      </ModalFooter>
    </Modal>
  );
}
