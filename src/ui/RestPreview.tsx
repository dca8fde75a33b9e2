// The equivalent request(s) of an operation, as the engine will receive them, secrets masked, with a copy
// button: what the user reviews is what is sent (src/engine-api/requests.ts). Beside the REST request the same
// operation as curl, an Ansible task (ovirt.ovirt collection) and a Python SDK script, each built from the same
// specs (src/engine-api/request-as-code.ts), so a copied snippet does what the console is about to do (decision 049).
import { Tab, TabTitleText, Tabs, Title } from '@patternfly/react-core';
import { useState } from 'react';
import { describeSpec, type EngineRequestSpec } from '../engine-api/requests';
import { requestsAsCode, type CodeLanguage, type CodeNames } from '../engine-api/request-as-code';
import { CopyableCode } from './CopyableCode';

type Lang = 'rest' | CodeLanguage;

const LANGS: { key: Lang; title: string; copy: string }[] = [
  { key: 'rest', title: 'REST', copy: 'Copy the REST request' },
  { key: 'curl', title: 'curl', copy: 'Copy the curl commands' },
  { key: 'ansible', title: 'Ansible', copy: 'Copy the Ansible tasks' },
  { key: 'python', title: 'Python', copy: 'Copy the Python script' },
];

export function RestPreview({
  specs,
  title = 'Equivalent REST request',
  headingLevel = 'h3',
  names,
  prelude = [],
}: {
  specs: EngineRequestSpec[];
  title?: string;
  headingLevel?: 'h2' | 'h3';
  /** Host and VM names: the Ansible modules look hosts up by name where the REST request has an id. */
  names?: CodeNames | undefined;
  /** Requests already made on the way here (the iSCSI login) that a script must make first: in the code tabs only. */
  prelude?: EngineRequestSpec[] | undefined;
}) {
  const [lang, setLang] = useState<Lang>('rest');
  // A batch's LUNs often share a target: its one login is made once, and shown once.
  const setup = prelude.filter((p, i) => prelude.findIndex((q) => describeSpec(q) === describeSpec(p)) === i);
  const textOf = (l: Lang) => (l === 'rest' ? specs.map((s) => describeSpec(s)).join('\n\n') : requestsAsCode(l, [...setup, ...specs], names));
  return (
    <section aria-labelledby="rest-preview-title">
      <Title headingLevel={headingLevel} id="rest-preview-title" style={{ margin: '1rem 0 0.5rem' }}>
        {title}
      </Title>
      <p style={{ marginBottom: '0.5rem' }}>
        What the console will send the engine, passwords masked; or the same as curl, an Ansible task or a Python script
        for your own automation (the CHAP password read from the environment or an Ansible vault, never written here).
        {setup.length > 0 ? ' The curl, Ansible and Python tabs start with the iSCSI login made on the way here, which a script has to make too.' : ''}
      </p>
      <Tabs
        activeKey={lang}
        onSelect={(_e, k) => setLang(LANGS.find((l) => l.key === k)?.key ?? 'rest')}
        aria-label="The request as"
        mountOnEnter
        unmountOnExit
      >
        {LANGS.map((l) => (
          <Tab key={l.key} eventKey={l.key} title={<TabTitleText>{l.title}</TabTitleText>} id={`rest-preview-tab-${l.key}`}>
            <CopyableCode
              id={l.key === 'rest' ? 'rest-preview' : `rest-preview-${l.key}`}
              testId={l.key === 'rest' ? 'rest-preview' : `rest-preview-${l.key}`}
              text={textOf(l.key)}
              copyLabel={l.copy}
            />
          </Tab>
        ))}
      </Tabs>
    </section>
  );
}
