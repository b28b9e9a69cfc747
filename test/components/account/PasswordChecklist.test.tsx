// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { Profiler } from 'react';
import { useForm } from 'react-hook-form';
import { defaultPasswordChecklistLabels, PasswordChecklist } from '../../../src/components';
import { expectNoAxeViolations, renderWithAuth, setupUser, spokenText, startMockService } from '../harness';

startMockService();

let formRenders = 0;
function AppForm() {
  formRenders++;
  const { control, register } = useForm({ defaultValues: { password: '' } });
  return (
    <form aria-label="App form">
      <label htmlFor="pw">New password</label>
      <input id="pw" type="password" aria-describedby="rules" {...register('password')} />
      <PasswordChecklist control={control} name="password" id="rules" labels={{ symbol: 'A symbol' }} />
    </form>
  );
}

const rules = () => within(screen.getByRole('list')).getAllByRole('listitem').map(spokenText);

describe('PasswordChecklist', () => {
  it("shows the environment's policy live, each rule's state in words, and re-renders alone", async () => {
    const user = setupUser();
    let checklistCommits = 0;
    const { container } = renderWithAuth(
      <Profiler id="checklist" onRender={() => checklistCommits++}>
        <AppForm />
      </Profiler>,
    );
    await screen.findByRole('list');
    // The mock's default policy: 8 characters, upper and lower case, a number (no symbol).
    expect(rules()).toEqual([
      'At least 8 characters: not met',
      'An uppercase letter: not met',
      'A lowercase letter: not met',
      'A number: not met',
    ]);
    const live = container.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toBe('');
    await expectNoAxeViolations(container);

    const before = formRenders;
    const commitsBefore = checklistCommits;
    await user.type(screen.getByLabelText('New password'), 'abcD1');
    expect(formRenders - before).toBe(0);
    // One commit per keystroke, of the checklist alone.
    expect(checklistCommits - commitsBefore).toBe(5);
    expect(rules()).toEqual([
      'At least 8 characters: not met',
      'An uppercase letter: met',
      'A lowercase letter: met',
      'A number: met',
    ]);
    expect(live.textContent).toBe('3 of 4 password requirements met.');
    expect(container.querySelectorAll('[data-met="true"]')).toHaveLength(3);
    await user.type(screen.getByLabelText('New password'), 'xyz');
    expect(live.textContent).toBe('All password requirements met.');
    await expectNoAxeViolations(container);
  });

  it('names the maximum length only once it is crossed', async () => {
    const user = setupUser();
    renderWithAuth(<AppForm />);
    await screen.findByRole('list');
    await user.click(screen.getByLabelText('New password'));
    await user.paste('Aa1' + 'x'.repeat(300));
    await waitFor(() => expect(rules()).toContain('At most 256 characters: not met'));
  });

  it('says "1 character", not "1 characters", for a length of one', () => {
    expect(defaultPasswordChecklistLabels.minimumLength(1)).toBe('At least 1 character');
    expect(defaultPasswordChecklistLabels.maximumLength(1)).toBe('At most 1 character');
    expect(defaultPasswordChecklistLabels.minimumLength(8)).toBe('At least 8 characters');
  });
});
