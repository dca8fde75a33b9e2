// How this console's wizards move between steps: "Next" validates the step on screen; a jump ahead in the step
// list validates every step it skips; the final action validates them all. Shared by the Add Direct LUN disk
// wizard and the Attach wizard.
import type { WizardStepType } from '@patternfly/react-core';
import { useMemo, useRef, useState } from 'react';
import type { WizardContextProps } from './WizardBridge';

export function useWizardNav<Id extends string>(initial: Id) {
  const [current, setCurrent] = useState<Id>(initial);
  const wizard = useRef<WizardContextProps | undefined>(undefined);
  return useMemo(
    () => ({
      current,
      setCurrent,
      /** Give to each step's WizardBridge. */
      keep: (ctx: WizardContextProps) => {
        wizard.current = ctx;
      },
      goTo: (id: Id) => {
        wizard.current?.goToStepById(id);
        setCurrent(id);
      },
    }),
    [current],
  );
}

export type WizardNav<Id extends string> = ReturnType<typeof useWizardNav<Id>>;

export function wizardFlow<Id extends string>(nav: WizardNav<Id>, steps: readonly Id[], validate: (id: Id) => boolean) {
  return {
    next: async (step: WizardStepType, onNext: () => void | Promise<void>) => {
      if (validate(step.id as Id)) await onNext();
    },
    onStepChange: (cur: WizardStepType, prev: WizardStepType, scope: string) => {
      const id = cur.id as Id;
      nav.setCurrent(id);
      if (scope === 'nav' && cur.index > prev.index) {
        // Jumping ahead in the step list must not skip a step's validation.
        for (const s of steps.slice(0, steps.indexOf(id))) {
          if (!validate(s)) {
            nav.goTo(s);
            return;
          }
        }
      }
    },
    /** Before the final action: every step valid, else go to the first that is not (the last shows its own errors). */
    allValid: (): boolean => {
      for (const s of steps) {
        if (!validate(s)) {
          if (s !== steps.at(-1)) nav.goTo(s);
          return false;
        }
      }
      return true;
    },
  };
}
