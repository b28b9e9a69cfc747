// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { SignOutButton } from '../../src/components';
import { SignedIn, SignedOut } from '../../src/react';
import { demo, expectNoAxeViolations, host, renderWithAuth, setupUser, startMockService } from './harness';

const service = startMockService();
const tokenUrl = `${host}/auth/v2/oauth1/tokens/:tokenId`;

async function signedIn(ui: Parameters<typeof renderWithAuth>[0]) {
  const rendered = renderWithAuth(ui);
  await act(() => rendered.client().authenticate({ email: demo.email, password: demo.password }));
  return rendered;
}

describe('SignOutButton', () => {
  it('signs out and revokes the token on the server, then calls onSignedOut, even once it has left the page', async () => {
    const user = setupUser();
    const onSignedOut = vi.fn();
    await signedIn(
      <>
        <SignedIn>
          <SignOutButton onSignedOut={onSignedOut} />
        </SignedIn>
        <SignedOut>signed out</SignedOut>
      </>,
    );
    expect(service.db.tokensOf(demo.email)).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(screen.getByText('signed out')).toBeTruthy();
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ revoked: true }));
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(service.db.tokensOf(demo.email)).toHaveLength(0);
  });

  it('while revoking: "Signing out…", aria-disabled (not disabled), focus kept, a second click sends nothing', async () => {
    const user = setupUser();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let deletes = 0;
    service.server.use(
      http.delete(tokenUrl, async () => {
        deletes++;
        await held;
        return HttpResponse.json({ affectedRecords: 1 });
      }),
    );
    const onSignedOut = vi.fn();
    const { container } = await signedIn(<SignOutButton onSignedOut={onSignedOut} />);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const button = await screen.findByRole<HTMLButtonElement>('button', { name: 'Signing out…' });
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(document.activeElement).toBe(button);
    await user.click(button);
    expect(deletes).toBe(1);
    await expectNoAxeViolations(container);
    release();
    await screen.findByRole('button', { name: 'Sign out' });
    expect(button.getAttribute('aria-disabled')).toBeNull();
    expect(onSignedOut).toHaveBeenCalledTimes(1);
  });

  it('takes children, labels, className and any button attribute; revoke={false} keeps the server token', async () => {
    const user = setupUser();
    const onSignedOut = vi.fn();
    const { client } = await signedIn(
      <SignOutButton className="app-button" data-testid="out" title="Leave" revoke={false} onSignedOut={onSignedOut}>
        Log off
      </SignOutButton>,
    );
    const button = screen.getByTestId('out');
    expect(button).toMatchObject({ type: 'button', title: 'Leave', textContent: 'Log off' });
    expect(button.className).toBe('exh-auth__sign-out app-button');
    await user.click(button);
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ revoked: false }));
    expect(client().getState().status).toBe('unauthenticated');
    expect(service.db.tokensOf(demo.email)).toHaveLength(1);
  });

  it('an onClick that prevents the default keeps the user signed in', async () => {
    const user = setupUser();
    const { client } = await signedIn(<SignOutButton labels={{ signOut: 'Leave' }} onClick={(event) => event.preventDefault()} />);
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(client().getState().status).toBe('authenticated');
  });
});
