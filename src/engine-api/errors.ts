// One error type for every way a call to the engine can fail (reference/engine-rest-api.md §2.3–2.4):
// bare fault {reason, detail}, failed action {status: "failed", fault: {...}}, 401 with a non-JSON body,
// SSO {error, error_description}, network failure, and an answer the console does not understand (not JSON, JSON
// of another shape, a non-2xx without the engine's fault): then the error carries what came back (UnreadableAnswer).
import { t } from '../i18n/i18n';

export type EngineErrorKind = 'fault' | 'unauthorized' | 'sso' | 'network' | 'parse';

/** Engine message keys (APPERR / VdsmErrors) the console reacts to, recognised from their English text. */
export type EngineMessageKey =
  | 'ACTION_TYPE_FAILED_DISK_LUN_IS_ALREADY_IN_USE'
  | 'ACTION_TYPE_FAILED_DISK_LUN_INVALID'
  | 'ACTION_TYPE_FAILED_DISK_LUN_ISCSI_MISSING_CONNECTION_PARAMS'
  | 'ACTION_TYPE_FAILED_DISK_BOOT_IN_USE'
  | 'ACTION_TYPE_FAILED_VM_STATUS_ILLEGAL'
  | 'ACTION_TYPE_FAILED_VM_IS_NOT_DOWN'
  | 'ACTION_TYPE_FAILED_VM_IS_RUNNING'
  | 'ACTION_TYPE_FAILED_VM_IS_NOT_RUNNING'
  | 'ACTION_TYPE_FAILED_NOT_SHAREABLE_DISK_ALREADY_ATTACHED'
  | 'ACTION_TYPE_FAILED_DISK_ALREADY_ATTACHED'
  | 'ACTION_TYPE_FAILED_VM_USES_SCSI_RESERVATION'
  | 'CANNOT_PERFORM_ACTION_VIRTIO_SCSI_IS_DISABLED'
  | 'HOT_PLUG_IDE_DISK_IS_NOT_SUPPORTED'
  | 'ACTION_TYPE_DISK_INTERFACE_UNSUPPORTED'
  | 'VALIDATION_DISK_ALIAS_INVALID'
  | 'INCOMPLETE_PARAMETERS'
  | 'ISCSI_LOGIN_AUTH_ERROR'
  | 'ISCSI_LOGIN_ERROR'
  | 'ISCSI_DISCOVERY_ERROR'
  | 'STORAGE_SERVER_CONNECTION_ERROR'
  | 'HOST_NOT_UP'
  | 'USER_NOT_AUTHORIZED'
  | 'CANNOT_AUTHENTICATE_USER';

// Ordered: the first pattern that matches a message wins. Texts come from AppErrors.properties and
// VdsmErrors.properties as quoted in reference/engine-rest-api.md §4.6 and webadmin-direct-lun.md §3, §5.
const MESSAGE_PATTERNS: ReadonlyArray<readonly [RegExp, EngineMessageKey]> = [
  [/The provided lun is used by another disk/i, 'ACTION_TYPE_FAILED_DISK_LUN_IS_ALREADY_IN_USE'],
  [/The provided LUN is not visible by the specified host/i, 'ACTION_TYPE_FAILED_DISK_LUN_INVALID'],
  [/missing at least one connection parameter/i, 'ACTION_TYPE_FAILED_DISK_LUN_ISCSI_MISSING_CONNECTION_PARAMS'],
  [/is already marked as boot/i, 'ACTION_TYPE_FAILED_DISK_BOOT_IN_USE'],
  [/because the VM is in .* status/i, 'ACTION_TYPE_FAILED_VM_STATUS_ILLEGAL'],
  [/At least one of the VMs is not down/i, 'ACTION_TYPE_FAILED_VM_IS_NOT_DOWN'],
  [/VM is running\./i, 'ACTION_TYPE_FAILED_VM_IS_RUNNING'],
  [/VM is not running/i, 'ACTION_TYPE_FAILED_VM_IS_NOT_RUNNING'],
  [/not shareable and is already attached/i, 'ACTION_TYPE_FAILED_NOT_SHAREABLE_DISK_ALREADY_ATTACHED'],
  [/The disk is already attached to VM/i, 'ACTION_TYPE_FAILED_DISK_ALREADY_ATTACHED'],
  [/VM uses SCSI reservation/i, 'ACTION_TYPE_FAILED_VM_USES_SCSI_RESERVATION'],
  [/VirtIO-SCSI is disabled for the VM/i, 'CANNOT_PERFORM_ACTION_VIRTIO_SCSI_IS_DISABLED'],
  [/Hot plugging a disk to an IDE interface is not supported/i, 'HOT_PLUG_IDE_DISK_IS_NOT_SUPPORTED'],
  [/disk interface is not supported by the VM OS/i, 'ACTION_TYPE_DISK_INTERFACE_UNSUPPORTED'],
  [/Disk alias name must be formed of/i, 'VALIDATION_DISK_ALIAS_INVALID'],
  [/due to authorization failure|authentication fail/i, 'ISCSI_LOGIN_AUTH_ERROR'],
  [/Failed to login to iSCSI node/i, 'ISCSI_LOGIN_ERROR'],
  [/Failed discovery of iSCSI targets/i, 'ISCSI_DISCOVERY_ERROR'],
  [/Error storage server connection|iSCSI connection error/i, 'STORAGE_SERVER_CONNECTION_ERROR'],
  [/is not UP/i, 'HOST_NOT_UP'],
  [/User is not authorized/i, 'USER_NOT_AUTHORIZED'],
  [/Cannot authenticate user/i, 'CANNOT_AUTHENTICATE_USER'],
];

export function recogniseMessageKey(texts: readonly string[]): EngineMessageKey | undefined {
  for (const [pattern, key] of MESSAGE_PATTERNS) {
    if (texts.some((t) => pattern.test(t))) return key;
  }
  return undefined;
}

/**
 * The engine formats a backend failure's messages as a Java list: "[msg1, msg2]" (reference §2.3).
 * Messages can contain ", " themselves, so split only where one sentence ends and the next begins.
 */
export function splitDetail(detail: string | undefined): string[] {
  if (!detail) return [];
  const trimmed = detail.trim();
  if (!(trimmed.startsWith('[') && trimmed.endsWith(']'))) return [trimmed];
  const inner = trimmed.slice(1, -1).trim();
  if (!inner) return [];
  return inner
    .split(/(?<=[.:!?])\s*,\s+(?=[A-Z$"'])/)
    .map((m) => m.trim())
    .filter(Boolean);
}

/**
 * What came back when the answer was not one the console understands, for the details a user can open: never the
 * whole body, and anything that looks like a token or a password masked (transport.ts answerExcerpt).
 */
export interface UnreadableAnswer {
  /** The fields that do not match the wire schema ("host.0.status: Invalid option: …"), for JSON of another shape. */
  problems?: string | undefined;
  /** The first characters of the body, whitespace collapsed and secrets masked; '' for an empty body. */
  excerpt: string;
}

export interface EngineErrorInit {
  kind: EngineErrorKind;
  status: number;
  reason: string;
  detail?: string | undefined;
  messages?: string[] | undefined;
  method?: string | undefined;
  path?: string | undefined;
  /** For SSO failures: the OAuth error code (access_denied, invalid_grant, ...). */
  code?: string | undefined;
  /** For an answer the console does not understand (kind 'parse'): what came back. */
  answer?: UnreadableAnswer | undefined;
}

export class EngineError extends Error {
  readonly kind: EngineErrorKind;
  readonly status: number;
  readonly reason: string;
  readonly detail: string | undefined;
  readonly messages: string[];
  readonly key: EngineMessageKey | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly code: string | undefined;
  readonly answer: UnreadableAnswer | undefined;

  constructor(init: EngineErrorInit) {
    const messages = init.messages ?? splitDetail(init.detail);
    super(messages.length > 0 ? messages.join(' ') : init.reason);
    this.name = 'EngineError';
    this.kind = init.kind;
    this.status = init.status;
    this.reason = init.reason;
    this.detail = init.detail;
    this.messages = messages;
    this.method = init.method;
    this.path = init.path;
    this.code = init.code;
    this.answer = init.answer;
    this.key =
      init.kind === 'fault' || init.kind === 'sso'
        ? (recogniseMessageKey([...messages, init.reason]) ??
          (init.reason === 'Incomplete parameters' ? 'INCOMPLETE_PARAMETERS' : undefined))
        : undefined;
  }

  /**
   * Whether userMessage is the engine's (or its SSO's) own words, shown as the engine wrote them and marked so
   * (`translate="no"`, ui/ErrorText.tsx); otherwise it is the console's sentence, from the catalogs.
   */
  get engineWords(): boolean {
    return this.kind !== 'network' && this.kind !== 'unauthorized' && this.kind !== 'parse';
  }

  /** What to show a user: the engine's own words, never a generic "something went wrong". */
  get userMessage(): string {
    switch (this.kind) {
      case 'network':
        return t('login.error.network', { reason: this.reason });
      case 'unauthorized':
        return t('login.error.sessionEnded');
      case 'parse':
        // The reason names the request and the HTTP status (transport.ts); nothing adds the status again.
        return t('login.error.unreadable', { reason: this.reason });
      default:
        return this.messages.length > 0 ? this.messages.join(' ') : this.reason;
    }
  }
}

export function isEngineError(e: unknown): e is EngineError {
  return e instanceof EngineError;
}

/** The user-facing text for anything thrown by a query or mutation. */
export function errorText(e: unknown): string {
  if (isEngineError(e)) return e.userMessage;
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * Whether the engine may have done the work although the console got no usable answer (the connection broke,
 * an answer the console does not understand, whatever its status — a proxy's page says nothing of what the engine
 * did —, a 5xx). Then a retry must first ask the engine what exists, never send blindly.
 */
export function answerLost(e: unknown): boolean {
  if (!isEngineError(e)) return true;
  return e.kind === 'network' || e.kind === 'parse' || (e.kind === 'fault' && e.status >= 500);
}
