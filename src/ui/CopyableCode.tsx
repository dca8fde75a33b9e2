// A code block with a copy button: the equivalent request of an operation in one language (RestPreview).
import { ClipboardCopyButton, CodeBlock, CodeBlockAction, CodeBlockCode } from '@patternfly/react-core';
import { useState } from 'react';
import { t } from '../i18n/i18n';

export function CopyableCode({ id, testId, text, copyLabel }: { id: string; testId: string; text: string; copyLabel: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <CodeBlock
      actions={
        <CodeBlockAction>
          <ClipboardCopyButton
            id={`${id}-copy`}
            aria-label={copyLabel}
            onClick={copy}
            exitDelay={copied ? 1500 : 600}
            variant="plain"
            onTooltipHidden={() => setCopied(false)}
          >
            {copied ? t('common.copy.copied') : t('common.copy.toClipboard')}
          </ClipboardCopyButton>
        </CodeBlockAction>
      }
    >
      <CodeBlockCode id={`${id}-code`} data-testid={testId} translate="no">
        {text}
      </CodeBlockCode>
    </CodeBlock>
  );
}
