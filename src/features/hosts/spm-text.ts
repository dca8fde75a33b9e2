// A host's SPM role in words (the Hosts list and a host's page).
import { t, type MessageId } from '../../i18n/i18n';
import type { Host } from '../../domain/model';

const SPM_TEXT: Record<Host['spm'], MessageId> = { spm: 'host.spm.spm', contending: 'host.spm.contending', none: 'host.spm.none' };

export function spmText(spm: Host['spm']): string {
  return t(SPM_TEXT[spm]);
}
