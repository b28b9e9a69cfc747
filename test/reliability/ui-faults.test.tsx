// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExhClient, LoginForm, RequireAuth, useAuth } from '../../src';
import { consumerKey, consumerSecret, demo, host, setupMockExh } from '../helpers';
import { renderWithAuth } from '../react/render';

const exh = setupMockExh();

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeEach(() => void process.on('unhandledRejection', onUnhandled));
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled.splice(0)).toEqual([]);
});

function Status() {
  return <output aria-label="status">{useAuth((s) => s.status)}</output>;
}

/** Signs in through the form; returns the alert's sentence once the answer is in. */
async function submitThroughForm() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Email'), demo.email);
  await user.type(screen.getByLabelText('Password'), demo.password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await waitFor(() => expect(screen.getByRole('alert').textContent).not.toBe(''));
  return { user, alert: screen.getByRole('alert').textContent! };
}

const faults: Array<[string, () => void, RegExp]> = [
  ['connection refused', () => exh.db.failNext(1, { status: 0 }), /cannot be reached/],
  ['502 with an HTML body', () => exh.db.failNext(1, { status: 502, body: '<html><script>alert(1)</script>Bad gateway</html>' }), /Something went wrong.*ExhError/],
  ['503 with an empty body', () => exh.db.failNext(1, { status: 503, body: '' }), /Something went wrong/],
  ['500 with a JSON body of no known code', () => exh.db.failNext(1, { status: 500, body: { code: 999, name: '<b>X</b>', message: '<img src=x onerror=alert(1)>' } }), /Something went wrong/],
  ['a 200 with malformed JSON', () => exh.db.failNext(1, { status: 200, body: '{"token": ' }), /Something went wrong/],
];

describe('LoginForm under faults: the user is told, the form works again, the state stays signed out', () => {
  it.each(faults)('%s', async (_name, inject, sentence) => {
    inject();
    renderWithAuth(
      <>
        <Status />
        <RequireAuth fallback={<LoginForm />}>
          <p>signed in</p>
        </RequireAuth>
      </>,
    );
    const { user, alert } = await submitThroughForm();
    expect(alert).toMatch(sentence);
    expect(document.querySelector('script, img, b')).toBeNull(); // server text is rendered as text, if at all
    expect(screen.getByLabelText('status').textContent).toBe('unauthenticated');
    expect(screen.getByLabelText<HTMLInputElement>('Email').value).toBe(demo.email);
    const submit = screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' });
    expect(submit.disabled).toBe(false);
    await user.click(submit); // the fault is over: the same form signs in
    await screen.findByText('signed in');
  });

  it('a timeout: the network sentence, then a working retry', async () => {
    const client = createExhClient({ host, consumerKey, consumerSecret, storage: 'memory', timeout: 50 });
    exh.server.use(http.post(`${host}/auth/v2/oauth1/tokens`, () => delay('infinite'), { once: true }));
    renderWithAuth(
      <RequireAuth fallback={<LoginForm />}>
        <p>signed in</p>
      </RequireAuth>,
      { client },
    );
    const { user, alert } = await submitThroughForm();
    expect(alert).toMatch(/cannot be reached/);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('signed in');
  });
});
