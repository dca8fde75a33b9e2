// The equivalent REST request(s) of an operation, as the engine will receive them, secrets masked, with a copy
// button: what the user reviews is what is sent (src/engine-api/requests.ts).
import { ClipboardCopyButton, CodeBlock, CodeBlockAction, CodeBlockCode, Title } from '@patternfly/react-core';
import { useState } from 'react';
import { describeSpec, type EngineRequestSpec } from '../engine-api/requests';

export function RestPreview({ specs, title = 'Equivalent REST request', headingLevel = 'h3' }: { specs: EngineRequestSpec[]; title?: string; headingLevel?: 'h2' | 'h3' }) {
  const [copied, setCopied] = useState(false);
  const text = specs.map((s) => describeSpec(s)).join('\n\n');
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <section aria-labelledby="rest-preview-title">
      <Title headingLevel={headingLevel} id="rest-preview-title" style={{ margin: '1rem 0 0.5rem' }}>
        {title}
      </Title>
      <p style={{ marginBottom: '0.5rem' }}>What the console will send the engine, passwords masked. You can copy it for a script.</p>
      <CodeBlock
        actions={
          <CodeBlockAction>
            <ClipboardCopyButton
              id="rest-preview-copy"
              aria-label="Copy the REST request"
              onClick={copy}
              exitDelay={copied ? 1500 : 600}
              variant="plain"
              onTooltipHidden={() => setCopied(false)}
            >
              {copied ? 'Copied' : 'Copy to clipboard'}
            </ClipboardCopyButton>
          </CodeBlockAction>
        }
      >
        <CodeBlockCode id="rest-preview-code" data-testid="rest-preview">
          {text}
        </CodeBlockCode>
      </CodeBlock>
    </section>
  );
}
