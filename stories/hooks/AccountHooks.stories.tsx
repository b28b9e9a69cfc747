import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { useEmailAvailable, usePasswordPolicy } from '../../src/react';
import { freshMock, withAuth } from '../support/auth';
import { demoUser } from '../support/storyMock';

/** A sign-up's first field of the app's own: is the address free (debounced, cached), and what must a password have. */
function EmailAndPolicy() {
  const [email, setEmail] = useState('');
  const available = useEmailAvailable(email);
  const policy = usePasswordPolicy();
  return (
    <div style={{ display: 'grid', gap: '0.5rem', maxWidth: '22rem' }}>
      <label>
        Email <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
      </label>
      <p role="status">
        {available.isDebouncing || available.data === undefined ? '' : available.data ? `${available.email} is free` : `${available.email} already has an account`}
      </p>
      {policy.data && (
        <p data-testid="policy">
          Passwords: {policy.data.minimumLength} to {policy.data.maximumLength} characters
          {policy.data.upperCaseRequired && ', an uppercase letter'}
          {policy.data.lowerCaseRequired && ', a lowercase letter'}
          {policy.data.numberRequired && ', a number'}
          {policy.data.symbolRequired && ', a symbol'}.
        </p>
      )}
    </div>
  );
}

const meta = {
  title: 'Hooks/Account hooks',
  // The page is AccountHooks.mdx.
  tags: ['!autodocs'],
  // A small example: a short frame on the page.
  parameters: { docs: { story: { height: '16rem' } } },
  loaders: [freshMock],
  decorators: [withAuth],
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** useEmailAvailable while typing, usePasswordPolicy for the rules. */
export const EmailAvailableAndPolicy: Story = {
  name: 'Email check and password policy',
  render: () => <EmailAndPolicy />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect((await canvas.findByTestId('policy')).textContent).toMatch(/^Passwords: \d+ to \d+ characters/);
    await userEvent.type(canvas.getByLabelText('Email'), demoUser.email);
    await expect(await canvas.findByText(`${demoUser.email} already has an account`, {}, { timeout: 3000 })).toBeInTheDocument();
  },
};
