import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { AuthFlow } from '../../src/components';
import { freshMock, withAuth } from '../support/auth';
import { demoUser } from '../support/storyMock';

/** Every signed-out view in one drop-in; signed in, its children. */
const meta = {
  title: 'AuthFlow',
  component: AuthFlow,
  loaders: [freshMock],
  decorators: [withAuth],
  args: { onSignedIn: fn(), children: <p>Signed in: the app goes here.</p> },
} satisfies Meta<typeof AuthFlow>;
export default meta;
type Story = StoryObj<typeof meta>;

const headingOf = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('.exh-auth__heading')!;

/** Sign-in, with "Forgot password?" and "Create an account"; signing in shows the children. */
export const SignIn: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(headingOf(canvasElement)).toHaveTextContent('Sign in');
    await userEvent.type(canvas.getByLabelText('Email'), demoUser.email);
    await userEvent.type(canvas.getByLabelText('Password'), demoUser.password);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByText('Signed in: the app goes here.')).toBeVisible();
    await waitFor(() => expect(args.onSignedIn).toHaveBeenCalledTimes(1));
  },
};

/** The sign-up view. */
export const SignUp: Story = {
  args: { initialView: 'signUp' },
  play: async ({ canvasElement }) => {
    await expect(headingOf(canvasElement)).toHaveTextContent('Create an account');
  },
};

/** The forgot-password view, reached from sign-in by keyboard: focus on its heading. */
export const ForgotPassword: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    canvas.getByRole('button', { name: 'Forgot password?' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(headingOf(canvasElement)).toHaveFocus());
    await expect(headingOf(canvasElement)).toHaveTextContent('Forgot your password?');
  },
};

/** The new-password view without a link: e-mail and code. */
export const ResetPassword: Story = {
  args: { initialView: 'resetPassword' },
  play: async ({ canvasElement }) => {
    await expect(headingOf(canvasElement)).toHaveTextContent('Choose a new password');
  },
};

/** The activation view without a link: e-mail and code. */
export const Activate: Story = {
  args: { initialView: 'activate' },
  play: async ({ canvasElement }) => {
    await expect(headingOf(canvasElement)).toHaveTextContent('Activate your account');
  },
};
