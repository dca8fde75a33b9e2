// The equivalent request(s) of an operation, as the engine will receive them, secrets masked, with a copy
// button: what the user reviews is what is sent (src/engine-api/requests.ts). Beside the REST request the same
// operation as curl, an Ansible task (ovirt.ovirt collection) and a Python SDK script, each built from the same
// specs (src/engine-api/request-as-code.ts), so a copied snippet does what the console is about to do (decision 049).
import { Tab, TabTitleText, Tabs, Title } from '@patternfly/react-core';
import { useState } from 'react';
import { t, type MessageId } from '../i18n/i18n';
import { describeSpec, type EngineRequestSpec } from '../engine-api/requests';
import { requestsAsCode, type CodeLanguage, type CodeNames } from '../engine-api/request-as-code';
import { CopyableCode } from './CopyableCode';

type Lang = 'rest' | CodeLanguage;

// The tabs' titles are the names of the formats (REST, curl, Ansible, Python): not translated.
const LANGS: { key: Lang; title: string; copy: MessageId }[] = [
  { key: 'rest', title: 'REST', copy: 'common.restPreview.copyRest' },
  { key: 'curl', title: 'curl', copy: 'common.restPreview.copyCurl' },
  { key: 'ansible', title: 'Ansible', copy: 'common.restPreview.copyAnsible' },
  { key: 'python', title: 'Python', copy: 'common.restPreview.copyPython' },
];

export function RestPreview({
  specs,
  title,
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
        {title ?? t('common.restPreview.title')}
      </Title>
      <p style={{ marginBottom: '0.5rem' }}>
        {setup.length > 0 ? t('common.restPreview.introWithLogin') : t('common.restPreview.intro')}
      </p>
      <Tabs
        activeKey={lang}
        onSelect={(_e, k) => setLang(LANGS.find((l) => l.key === k)?.key ?? 'rest')}
        aria-label={t('common.restPreview.tabsLabel')}
        backScrollAriaLabel={t('common.tabs.scrollBack')}
        forwardScrollAriaLabel={t('common.tabs.scrollForward')}
        mountOnEnter
        unmountOnExit
      >
        {LANGS.map((l) => (
          <Tab key={l.key} eventKey={l.key} title={<TabTitleText translate="no">{l.title}</TabTitleText>} id={`rest-preview-tab-${l.key}`}>
            <CopyableCode
              id={l.key === 'rest' ? 'rest-preview' : `rest-preview-${l.key}`}
              testId={l.key === 'rest' ? 'rest-preview' : `rest-preview-${l.key}`}
              text={textOf(l.key)}
              copyLabel={t(l.copy)}
            />
          </Tab>
        ))}
      </Tabs>
    </section>
  );
}
