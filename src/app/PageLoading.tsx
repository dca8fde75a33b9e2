import { Bullseye, Spinner } from '@patternfly/react-core';
import { t } from '../i18n/i18n';

/** While a part of the console loads (after login, or a page's code on first visit). */
export function PageLoading() {
  return (
    <Bullseye style={{ minHeight: '50vh' }}>
      <Spinner aria-label={t('login.boot.loadingConsole')} />
    </Bullseye>
  );
}
