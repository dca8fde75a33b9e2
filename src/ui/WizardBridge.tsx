// PatternFly's Wizard keeps its navigation in a context only its steps can read. A wizard that must move
// between steps from outside (a failed Create going back to the LUN step, a row action jumping ahead) renders
// this bridge in each step to keep the helpers.
import { useWizardContext } from '@patternfly/react-core';
import { useEffect } from 'react';

export type WizardContextProps = ReturnType<typeof useWizardContext>;

export function WizardBridge({ onContext }: { onContext: (ctx: WizardContextProps) => void }) {
  const ctx = useWizardContext();
  useEffect(() => onContext(ctx));
  return null;
}
