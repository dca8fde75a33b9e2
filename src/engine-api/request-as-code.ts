// The same operation as code: curl, an Ansible task of the ovirt.ovirt collection and the Python SDK (ovirtsdk4),
// derived from the very EngineRequestSpec list the REST preview shows and the console sends (requests.ts), so
// what the user copies is what the console does. Secrets never appear: a CHAP password becomes an environment
// variable (curl, Python) or a vault variable (Ansible). Consecutive requests of one kind and one shape (a batch
// of LUN disks) become one loop over what differs, not N copies.
//
// Every module argument and SDK name used here is in the upstream sources; request-as-code.upstream.json holds
// them as extracted (scripts/extract-request-as-code-fixture.py, commits noted there) and the unit tests check each
// snippet against it. Evidence rows: docs/decisions/044-wire-format-evidence.md, "Request as code".
import { requestsAsAnsible } from './code-ansible';
import { requestsAsCurl } from './code-curl';
import type { CodeNames } from './code-model';
import { requestsAsPython } from './code-python';
import type { EngineRequestSpec } from './requests';

export type { CodeNames } from './code-model';

export type CodeLanguage = 'curl' | 'ansible' | 'python';

export function requestsAsCode(lang: CodeLanguage, specs: EngineRequestSpec[], names: CodeNames = {}): string {
  if (lang === 'curl') return requestsAsCurl(specs);
  if (lang === 'python') return requestsAsPython(specs);
  return requestsAsAnsible(specs, names);
}
