/** What the account stories share: a registered account waiting for activation, canned account errors. */
import { accountApi, type ActivationMode } from '../../src/core';
import type { MockResponse } from '../../src/msw';
import { storyClient, storyMock } from '../support/storyMock';

export const ACTIVATION_PATH = '/users/v1/activation';
export const NEW_PASSWORD = 'Secret123';

/** Registers `email` (not activated); its activation mail is then in the mock's outbox. */
export async function registerStoryUser(email: string, activationMode: ActivationMode = 'hash') {
  await accountApi(storyClient()).register({
    email,
    password: NEW_PASSWORD,
    firstName: 'Ada',
    lastName: 'Lovelace',
    phoneNumber: '+32 470 12 34 56',
    language: 'EN',
    activationMode,
  });
  return storyMock.db.lastMail(email, 'activation')!;
}

export const cannedAccountErrors = {
  alreadyActivated: { status: 400, body: { code: 206, name: 'ALREADY_ACTIVATED_EXCEPTION', message: 'The account is activated already' } },
  activationLimit: { status: 403, body: { code: 222, name: 'ACTIVATION_REQUEST_LIMIT_EXCEPTION', message: 'Too many activation requests' } },
} satisfies Record<string, MockResponse>;

/** The address bar as the activation mail's link leaves it (the component removes the parameter). */
export function openLink(query: string) {
  const url = new URL(window.location.href);
  for (const [name, value] of new URLSearchParams(query)) url.searchParams.set(name, value);
  window.history.replaceState(window.history.state, '', url);
}

/** The component's status line (the decorator's session line is a status too). */
export const statusOf = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('.exh-auth [role="status"]')!;
