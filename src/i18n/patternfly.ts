// PatternFly's own words (English defaults inside its components) given from the catalogs: an Alert's screen-reader
// prefix ("Danger alert:"), and the like. Pass them wherever the component is used: `<Alert variantLabel={alertLabel('danger')}>`.
import { t } from './i18n';

export type AlertVariant = 'danger' | 'warning' | 'info' | 'success' | 'custom';

export function alertLabel(variant: AlertVariant): string {
  switch (variant) {
    case 'danger':
      return t('pf.alert.danger');
    case 'warning':
      return t('pf.alert.warning');
    case 'info':
      return t('pf.alert.info');
    case 'success':
      return t('pf.alert.success');
    case 'custom':
      return t('pf.alert.custom');
  }
}
