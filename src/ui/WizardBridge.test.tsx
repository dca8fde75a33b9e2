// The bridge's focus: Next moves focus into the new step's main area, as PatternFly does, without scrolling it into view.
import { Wizard, WizardStep } from '@patternfly/react-core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WizardBridge } from './WizardBridge';

afterEach(() => vi.restoreAllMocks());

describe('WizardBridge', () => {
  it("Next focuses the new step's main area with preventScroll, and only there", async () => {
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');
    const user = userEvent.setup();
    render(
      <Wizard navAriaLabel="Steps">
        {['One', 'Two'].map((name) => (
          <WizardStep key={name} id={name} name={name}>
            <WizardBridge onContext={() => {}} />
            <p>Step {name}</p>
          </WizardStep>
        ))}
      </Wizard>,
    );
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Step Two');
    const main = document.querySelector('.pf-v6-c-wizard__main');
    await waitFor(() => expect(document.activeElement).toBe(main));
    const onMain = focus.mock.instances.map((el, i) => [el, focus.mock.calls[i]?.[0]] as const).filter(([el]) => el === main);
    expect(onMain.length).toBeGreaterThan(0);
    for (const [, options] of onMain) expect(options).toMatchObject({ preventScroll: true });
  });
});
