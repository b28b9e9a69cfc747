// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { AccountSecurity } from '../../../src/components';
import { demo, expectNoAxeViolations, renderWithAuth, setupUser, startMockService } from '../harness';

const service = startMockService();

async function renderSignedIn(ui: Parameters<typeof renderWithAuth>[0]) {
  const view = renderWithAuth(ui);
  await act(() => view.client().authenticate({ email: demo.email, password: demo.password }).then(() => undefined));
  return view;
}

const headings = () => screen.getAllByRole('heading').map((h) => `${h.tagName} ${h.textContent}`);

describe('AccountSecurity', () => {
  it('shows the password, two-step verification and the sessions, in an outline under its heading', async () => {
    const view = await renderSignedIn(<AccountSecurity issuer="Acme Health" headingLevel={3} />);
    const page = screen.getByRole('region', { name: 'Security' });
    await within(page).findByText('You are not signed in on any other device.');
    await waitFor(() => expect(within(page).getByRole('region', { name: 'Two-step verification' }).getAttribute('data-state')).toBe('off'));
    expect(within(page).getByRole('form', { name: 'Change password' })).toBeTruthy();
    expect(headings()).toEqual(['H3 Security', 'H4 Password', 'H4 Two-step verification', 'H4 Active sessions']);
    await expectNoAxeViolations(view.container);
  });

  it('leaves out the parts an app shows elsewhere, and takes its own words', async () => {
    await renderSignedIn(<AccountSecurity issuer="Acme Health" hide={['password', 'sessions']} labels={{ heading: 'Beveiliging' }} />);
    const page = screen.getByRole('region', { name: 'Beveiliging' });
    await waitFor(() => expect(within(page).getByRole('region', { name: 'Two-step verification' })).toBeTruthy());
    expect(within(page).queryByRole('form', { name: 'Change password' })).toBeNull();
    expect(within(page).queryByRole('region', { name: 'Active sessions' })).toBeNull();
    expect(headings()).toEqual(['H2 Beveiliging', 'H3 Two-step verification']);
  });

  it('hands the sessions part the app’s sessionName', async () => {
    await renderSignedIn(<AccountSecurity issuer="Acme Health" hide={['password', 'mfa']} sessionName={(session, name) => `${name} · Acme Health web`} />);
    const sessions = screen.getByRole('region', { name: 'Active sessions' });
    expect((await within(sessions).findByRole('listitem')).textContent).toMatch(/^This device · Acme Health webSigned in/);
  });

  it('its setup keeps the outline: the wizard and the password prompt sit one level under the page heading', async () => {
    const user = setupUser();
    const view = await renderSignedIn(<AccountSecurity issuer="Acme Health" hide={['password', 'sessions']} />);
    await user.click(await screen.findByRole('button', { name: 'Turn on two-step verification' }));
    const prompt = await screen.findByRole('heading', { name: "Confirm it's you" });
    expect(prompt.tagName).toBe('H3');
    await user.type(screen.getByLabelText('Password'), demo.password);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect((await screen.findByRole('heading', { name: 'Save your recovery codes' })).tagName).toBe('H3');
    expect(service.db.mfaOf(demo.email).methods.map((m) => m.type)).toEqual(['recoveryCodes']);
    await expectNoAxeViolations(view.container);
  });
});
