// @vitest-environment jsdom
/**
 * The MFA hooks without the components: an app's own setup screen, built on usePresence, useMfaSettings,
 * useAddMfaMethod, useVerifyMfaMethod and useEnableMfa alone, taken through to MFA on. After it, neither the
 * password, the presence token, the TOTP secret nor the recovery codes are in the QueryClient.
 */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MfaRequiredError, otpauthUri, type ExhClient } from '../../src/core';
import { totp } from '../../src/msw';
import {
  useAddMfaMethod,
  useAuth,
  useEnableMfa,
  useMfaSettings,
  usePresence,
  useVerifyMfaMethod,
} from '../../src/react';
import { demo, setupMockExh } from '../helpers';
import { renderWithAuth } from './render';

const exh = setupMockExh();

/** A bare setup screen, as an app might write it: the hooks' own state, no package component. */
function CustomSetup({ onFinished }: { onFinished: () => void }) {
  const presence = usePresence();
  const settings = useMfaSettings();
  const add = useAddMfaMethod();
  const verify = useVerifyMfaMethod();
  const enable = useEnableMfa();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const method = add.data;
  const key = method?.type === 'totp' ? otpauthUri({ secret: method.secret, issuer: 'Custom', accountName: demo.email }).key : null;

  if (!settings.data) return <p>loading</p>;
  if (settings.data.enabled) {
    return (
      <button type="button" onClick={onFinished}>
        finish
      </button>
    );
  }
  if (presence.required) {
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void presence.confirm(password).then(() => setPassword(''));
        }}
      >
        <label>
          password
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit">unlock</button>
      </form>
    );
  }
  return (
    <>
      <p>methods: {settings.data.methods.map((m) => `${m.type}:${m.verified}`).join(',')}</p>
      <button
        type="button"
        onClick={() => void add.mutateAsync({ type: 'recoveryCodes' }).then((m) => m.type === 'recoveryCodes' && setCodes(m.codes))}
      >
        add codes
      </button>
      <ul aria-label="codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <button type="button" onClick={() => add.mutate({ type: 'totp' })}>
        add app
      </button>
      {key && <p data-testid="key">{key}</p>}
      <label>
        code
        <input value={code} onChange={(e) => setCode(e.target.value)} />
      </label>
      <button
        type="button"
        onClick={() => method && void verify.mutateAsync({ methodId: method.id, code }).then(() => enable.mutateAsync())}
      >
        verify
      </button>
    </>
  );
}

describe('MFA setup on the hooks alone', () => {
  it('completes, and leaves no password, presence token, TOTP secret or recovery code in the QueryClient', async () => {
    const user = userEvent.setup();
    const queryClient = new QueryClient();
    let client: ExhClient | undefined;
    function Page() {
      client = useAuth((auth) => auth.client);
      const [done, setDone] = useState(false);
      return done ? <p>all set</p> : <CustomSetup onFinished={() => setDone(true)} />;
    }
    renderWithAuth(<Page />, { queryClient });
    await act(() => client!.authenticate({ email: demo.email, password: demo.password }));

    await user.type(await screen.findByLabelText('password'), demo.password);
    await user.click(screen.getByRole('button', { name: 'unlock' }));
    await user.click(await screen.findByRole('button', { name: 'add codes' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(10));
    const codes = screen.getAllByRole('listitem').map((li) => li.textContent!);
    await user.click(screen.getByRole('button', { name: 'add app' }));
    const key = (await screen.findByTestId('key')).textContent!;
    // The settings query was updated from the answers, without the secret or the codes.
    expect(screen.getByText('methods: recoveryCodes:true,totp:false')).toBeTruthy();
    await user.type(screen.getByLabelText('code'), await totp(key));
    await user.click(screen.getByRole('button', { name: 'verify' }));
    await user.click(await screen.findByRole('button', { name: 'finish' }));
    await screen.findByText('all set');

    const mfa = exh.db.mfaOf(demo.email);
    expect(mfa.enabled).toBe(true);
    const secret = exh.db.totpSecrets().find((s) => s.email === demo.email)!.secret;
    const presence = (exh.db.snapshot().presenceTokens ?? []).map((p) => p.token);
    expect(presence).toHaveLength(1);
    const secrets = [demo.password, secret, key, ...codes, ...presence];

    // The add mutation's answer (its gcTime is 0) leaves the cache once no component observes it.
    await waitFor(() => expect(queryClient.getMutationCache().getAll().some((m) => m.state.data)).toBe(false));
    const cached = JSON.stringify([
      queryClient.getQueryCache().getAll().map((q) => [q.queryKey, q.state.data, String(q.state.error)]),
      queryClient.getMutationCache().getAll().map((m) => [m.state.variables, m.state.data, m.state.context, String(m.state.error)]),
    ]);
    // The sweep does read the cache: the settings are in it.
    expect(cached).toContain(mfa.id);
    expect(secrets.filter((s) => cached.includes(s)).map((s) => `${s.slice(0, 3)}…`)).toEqual([]);

    await act(() => client!.logout());
    await expect(client!.authenticate({ email: demo.email, password: demo.password })).rejects.toBeInstanceOf(MfaRequiredError);
  });
});
