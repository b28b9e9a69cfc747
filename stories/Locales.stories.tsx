import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { LocaleProvider, LoginForm, type Locale } from '../src/components';
import { de } from '../src/locales/de';
import { es } from '../src/locales/es';
import { fr } from '../src/locales/fr';
import { nl } from '../src/locales/nl';
import { freshMock, withAuth } from './support/auth';
import { demoUser } from './support/storyMock';

/**
 * `exh-auth-react/locales/*` under a LocaleProvider: the sign-in form in each language, answering a wrong
 * password in it. Every other component reads the same locale (see the README's "Locales").
 */
const meta = {
  title: 'Locales',
  tags: ['!autodocs'],
  loaders: [freshMock],
  decorators: [withAuth],
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

function story(locale: Locale): Story {
  const text = locale.loginForm;
  return {
    render: () => (
      <LocaleProvider locale={locale}>
        <LoginForm onForgotPassword={() => {}} onCreateAccount={() => {}} />
      </LocaleProvider>
    ),
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await userEvent.type(canvas.getByLabelText(text.email), demoUser.email);
      await userEvent.type(canvas.getByLabelText(text.password), 'wrong-password');
      await userEvent.click(within(canvas.getByRole('form', { name: text.formName })).getByRole('button', { name: text.submit }));
      await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(text.wrongCredentials));
    },
  };
}

export const Dutch = story(nl);
export const French = story(fr);
export const German = story(de);
export const Spanish = story(es);
