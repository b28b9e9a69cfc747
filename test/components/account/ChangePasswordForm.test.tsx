// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { ChangePasswordForm } from '../../../src/components';
import { demo, expectNoAxeViolations, renderWithAuth, setupUser, startMockService } from '../harness';

const service = startMockService();

const PASSWORD = '/users/v1/password';
const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const submit = () => screen.getByRole('button', { name: 'Change password' });

async function signedIn(ui: React.ReactNode) {
  const view = renderWithAuth(ui);
  await act(() => view.client().authenticate({ email: demo.email, password: demo.password }));
  return view;
}

async function fillIn(user: ReturnType<typeof setupUser>, current: string, next: string, confirm = next) {
  await user.type(input('Current password'), current);
  await user.type(input('New password'), next);
  await user.type(input('Confirm new password'), confirm);
}

describe('ChangePasswordForm', () => {
  it('does not re-render per keystroke (only the checklist does)', async () => {
    const user = setupUser();
    let renders = 0;
    // The form reads its labels once per render.
    const labels = Object.defineProperty({}, 'formName', { enumerable: true, get: () => (renders++, 'Change password') });
    await signedIn(<ChangePasswordForm labels={labels} />);
    await screen.findByRole('list');
    const before = renders;
    await fillIn(user, demo.password, 'NewSecret1');
    expect(renders).toBe(before);
    expect(screen.getByRole('list').querySelectorAll('[data-met="true"]')).toHaveLength(4);
  });

  it('gives each password field the sign-in form\'s eye: inside the field, one name, its pressed state following', async () => {
    const user = setupUser();
    const { container } = await signedIn(<ChangePasswordForm />);
    await screen.findByRole('list');
    const toggles = screen.getAllByRole('button', { name: 'Show password', pressed: false });
    // Current and new password; the confirmation follows the new one's checklist without its own.
    expect(toggles).toHaveLength(2);
    const [current, next] = [input('Current password'), input('New password')];
    expect(toggles.map((toggle) => toggle.parentElement)).toEqual([current.parentElement, next.parentElement]);
    expect(toggles.map((toggle) => toggle.className)).toEqual(['exh-auth__eye', 'exh-auth__eye']);
    const nextToggle = toggles[1]!;
    await user.type(next, 'NewSecret1');
    await user.click(nextToggle);
    expect(nextToggle.getAttribute('aria-pressed')).toBe('true');
    expect(nextToggle.getAttribute('aria-controls')).toBe(next.id);
    expect([current.type, next.type]).toEqual(['password', 'text']);
    expect(next.value).toBe('NewSecret1');
    await expectNoAxeViolations(container);
    nextToggle.focus();
    await user.keyboard(' ');
    expect(screen.getAllByRole('button', { name: 'Show password', pressed: false })).toHaveLength(2);
    expect(next.type).toBe('password');
    expect(service.db.count('PUT', PASSWORD)).toBe(0);
  });

  it('checks the confirmation in the browser', async () => {
    const user = setupUser();
    const { container } = await signedIn(<ChangePasswordForm />);
    await fillIn(user, demo.password, 'NewSecret1', 'NewSecret2');
    await user.click(submit());
    expect(await screen.findByText('The two new passwords are not the same.')).toBeTruthy();
    expect(input('Confirm new password').getAttribute('aria-invalid')).toBe('true');
    expect(service.db.count('PUT', PASSWORD)).toBe(0);
    await expectNoAxeViolations(container);
  });

  it('shows 208 on the current password, with the focus there', async () => {
    const user = setupUser();
    const { container } = await signedIn(<ChangePasswordForm />);
    await fillIn(user, 'not-my-password', 'NewSecret1');
    await user.click(submit());
    const error = await screen.findByText('The current password is not correct.');
    expect(input('Current password').getAttribute('aria-describedby')).toContain(error.id);
    expect(document.activeElement).toBe(input('Current password'));
    await expectNoAxeViolations(container);
  });

  it('shows 15 (against the policy) on the new password', async () => {
    const user = setupUser();
    await signedIn(<ChangePasswordForm />);
    await fillIn(user, demo.password, 'weak');
    await user.click(submit());
    expect(await screen.findByText('This password does not meet the requirements.')).toBeTruthy();
    expect(document.activeElement).toBe(input('New password'));
  });

  it('changes the password, says so, clears the fields and calls onChanged; the service has the new one', async () => {
    const user = setupUser();
    const onChanged = vi.fn();
    const { container, client } = await signedIn(<ChangePasswordForm onChanged={onChanged} />);
    await fillIn(user, demo.password, 'NewSecret1');
    await user.click(submit());
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Your password has been changed.'));
    expect(document.activeElement).toBe(status);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect([input('Current password').value, input('New password').value, input('Confirm new password').value]).toEqual(['', '', '']);
    expect(client().getState().status).toBe('authenticated');
    expect(service.db.users.find((u) => u.email === demo.email)!.password).toBe('NewSecret1');
    await expectNoAxeViolations(container);
  });
});
