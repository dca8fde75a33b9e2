// PatternFly's Wizard keeps its navigation in a context only its steps can read. A wizard that must move
// between steps from outside (a failed Create going back to the LUN step, a row action jumping ahead) renders
// this bridge in each step to keep the helpers.
//
// It also makes the focus after Next and Back cheaper (decision 056). PatternFly's Wizard focuses the step's main area
// after each Next and Back (for keyboard and screen-reader users) with a bare `focus()`, which also works out how to
// scroll that area into view: 7–12 ms of the task after the frame that shows the 10,000-LUN step (traced; ~2 ms with
// `preventScroll`), for an area the user is already looking at — its footer is where they clicked. The bridge makes
// that one element's `focus()` pass `preventScroll`: focus still moves where and when PatternFly moves it.
import { useWizardContext } from '@patternfly/react-core';
import { useEffect, useLayoutEffect } from 'react';

export type WizardContextProps = ReturnType<typeof useWizardContext>;

const noScrollFocus = new WeakSet<HTMLElement>();

/** Makes `el.focus()` (PatternFly's, without options) focus without scrolling the page. */
export function focusWithoutScrolling(el: HTMLElement): void {
  if (noScrollFocus.has(el)) return;
  noScrollFocus.add(el);
  el.focus = (options?: FocusOptions) => HTMLElement.prototype.focus.call(el, { ...options, preventScroll: true });
}

export function WizardBridge({ onContext }: { onContext: (ctx: WizardContextProps) => void }) {
  const ctx = useWizardContext();
  useEffect(() => onContext(ctx));
  // The step's main area is a new element for each step (PatternFly mounts a WizardBody per active step). In the
  // commit, before PatternFly's focus timer fires.
  useLayoutEffect(() => {
    const main = ctx.mainWrapperRef?.current;
    if (main instanceof HTMLElement) focusWithoutScrolling(main);
  });
  return null;
}
