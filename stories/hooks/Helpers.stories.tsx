import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { Protect, RequireAuth, useLogin, useMe } from '../../src/react';
import { freshMock, withAuth } from '../support/auth';
import { demoUser } from '../support/storyMock';

/** The clinic of the demo users (see demoUsers in exh-auth-react/msw): the demo user is its staff. */
const CLINIC_GROUP_ID = '64b7f0c2a1d3e4f5a6b7c9a1';

function SignInButton() {
  const login = useLogin();
  return (
    <button type="button" onClick={() => login.mutate({ email: demoUser.email, password: demoUser.password })} disabled={login.isPending}>
      Sign in as the demo user
    </button>
  );
}

function Greeting() {
  const me = useMe();
  return <p>{me.data ? `Hello, ${me.data.firstName}` : 'Loading your profile…'}</p>;
}

const meta = {
  title: 'Hooks/Helpers',
  // The page is Helpers.mdx.
  tags: ['!autodocs'],
  // A small example: a short frame on the page.
  parameters: { docs: { story: { height: '16rem' } } },
  loaders: [freshMock],
  decorators: [withAuth],
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** RequireAuth shows its fallback until the user is signed in; Protect shows its children only with the permission. */
export const RequireAuthAndProtect: Story = {
  name: 'RequireAuth and Protect',
  render: () => (
    <RequireAuth fallback={<SignInButton />} loading={<p>Loading your session…</p>}>
      <Greeting />
      <Protect permission="VIEW_PATIENTS" groupId={CLINIC_GROUP_ID} loading={<p>Checking your roles…</p>} fallback={<p>Only the clinic's staff see its patients.</p>}>
        <p>The clinic's patients would be listed here.</p>
      </Protect>
    </RequireAuth>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign in as the demo user' }));
    await expect(await canvas.findByText(`Hello, ${demoUser.firstName}`)).toBeInTheDocument();
    await expect(await canvas.findByText("The clinic's patients would be listed here.")).toBeInTheDocument();
  },
};
