// @vitest-environment jsdom
/** Every string the security components show or announce comes from their labels: none of the English is left. */
import { act, screen, waitFor } from '@testing-library/react';
import {
  defaultConfirmPresenceLabels,
  defaultMfaSettingsLabels,
  defaultMfaSetupLabels,
  MfaSettings,
  MfaSetup,
} from '../../../src/components';
import { totp } from '../../../src/msw';
import { demo, mfaUser, renderWithAuth, setupUser, startMockService } from '../harness';

const service = startMockService();

/** Each label replaced by its key in «», functions too. */
function marked<T extends object>(defaults: T): T {
  return Object.fromEntries(
    Object.entries(defaults).map(([key, value]) => [key, typeof value === 'function' ? () => `«${key}»` : `«${key}»`]),
  ) as T;
}

/** The English of a label set, functions called with sample arguments. */
function english(defaults: object): string[] {
  return Object.values(defaults).map((value) => (typeof value === 'function' ? (value as (...a: unknown[]) => string)(3, 4) : String(value)));
}

/** What is shown or announced: text and accessible names given as attributes. */
function said(): string {
  const names = [...document.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label'));
  return [document.body.textContent, ...names].join('\n');
}

function expectNoEnglish(...sets: object[]) {
  const text = said();
  expect(text).toMatch(/«\w+»/);
  // The markers are label keys (English words themselves): out before looking.
  const rest = text.replace(/«\w+»/g, ' ');
  const left = sets.flatMap(english).filter((sentence) => sentence.length > 1 && rest.includes(sentence));
  expect(left).toEqual([]);
}

const presenceLabels = marked(defaultConfirmPresenceLabels);
const setupLabels = marked(defaultMfaSetupLabels);
const settingsLabels = marked(defaultMfaSettingsLabels);
const confirm = () => screen.getByRole('button', { name: '«submit»' });

describe('security labels', () => {
  it('MfaSetup and its password prompt: every step and error', async () => {
    const user = setupUser();
    const view = renderWithAuth(<MfaSetup issuer="Acme" labels={setupLabels} presenceLabels={presenceLabels} onCancel={() => {}} onDone={() => {}} />);
    await act(() => view.client().authenticate({ email: demo.email, password: demo.password }));
    const password = await screen.findByLabelText('«password»');
    await user.click(confirm());
    await screen.findByText('«passwordRequired»');
    expectNoEnglish(defaultConfirmPresenceLabels, defaultMfaSetupLabels);
    await user.type(password, 'not-my-password');
    await user.click(confirm());
    await screen.findByText('«wrongPassword»');
    expectNoEnglish(defaultConfirmPresenceLabels, defaultMfaSetupLabels);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the 211 rule
    await user.type(screen.getByLabelText('«password»'), demo.password);
    await user.click(confirm());

    await screen.findByRole('list', { name: '«codesList»' });
    await user.click(screen.getByRole('button', { name: '«copyCodes»' }));
    await user.click(screen.getByRole('button', { name: '«next»' }));
    await screen.findByText('«savedRequired»');
    expectNoEnglish(defaultMfaSetupLabels);
    await user.click(screen.getByRole('checkbox', { name: '«savedCheck»' }));
    await user.click(screen.getByRole('button', { name: '«next»' }));

    await screen.findByRole('img', { name: '«qrCode»' });
    await user.click(screen.getByRole('button', { name: '«verify»' }));
    await screen.findByText('«codeInvalid»');
    await user.type(screen.getByLabelText('«code»'), '000000');
    await user.click(screen.getByRole('button', { name: '«verify»' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/«(wrongCode|reattemptDelay)»/));
    expectNoEnglish(defaultMfaSetupLabels);

    const secret = service.db.totpSecrets().find((s) => s.email === demo.email)!.secret;
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the MFA back-off's first wait
    await user.type(screen.getByLabelText('«code»'), await totp(secret));
    await user.click(screen.getByRole('button', { name: '«verify»' }));
    await screen.findByText('«doneText»');
    expectNoEnglish(defaultMfaSetupLabels);
  });

  it('MfaSettings: the list, the dialog, new codes, 133 and turning off', async () => {
    const user = setupUser();
    const view = renderWithAuth(<MfaSettings issuer="Acme" labels={settingsLabels} presenceLabels={presenceLabels} />);
    await act(async () => {
      const client = view.client();
      await client.authenticate({ email: mfaUser.email, password: mfaUser.password }).catch(() => undefined);
      const challenge = client.getState().mfa!;
      const method = challenge.methods.find((m) => m.type === 'totp')!;
      await client.confirmMfa({ methodId: method.id, code: await totp(mfaUser.mfa!.totpSecret), token: challenge.token });
    });
    await screen.findByText('«statusOn»');
    // The method names are the user's data (the mock's "Authenticator app" and "Recovery codes"), not labels.
    expect(screen.getAllByText('«verified»')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: '«regenerate»' }));
    await screen.findByRole('dialog', { name: '«title»' });
    expectNoEnglish(defaultConfirmPresenceLabels);
    await user.type(screen.getByLabelText('«password»'), mfaUser.password);
    await user.click(confirm());
    await screen.findByRole('list', { name: '«codesList»' });
    await user.click(screen.getByRole('checkbox', { name: '«savedCheck»' }));
    await user.click(screen.getByRole('button', { name: '«codesDone»' }));

    for (const remove of screen.getAllByRole('button', { name: '«removeMethod»' })) await user.click(remove);
    await screen.findByText('«notEnoughMethods»');
    await user.click(screen.getByRole('button', { name: '«turnOff»' }));
    await screen.findByText('«turnedOff»');
    expect(screen.getByText('«offIntro»')).toBeTruthy();
    const { typeTotp: _app, typeRecoveryCodes: _codes, codesList: _list, ...notNames } = defaultMfaSettingsLabels;
    expectNoEnglish(notNames);
  });
});
