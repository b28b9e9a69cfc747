import type { Meta, StoryObj } from '@storybook/react-vite';
import { DemoApp } from './demo/DemoApp';

const meta = {
  title: 'Full app',
  // A page, not a component: no docs page.
  tags: ['!autodocs'],
  component: DemoApp,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof DemoApp>;
export default meta;

/** AuthProvider around an app root: the drop-in AuthFlow (sign-in, sign-up, activation, forgot and reset password), a page on the hooks with ChangePasswordForm, and the mock's demo users and outbox. */
export const FullApp: StoryObj<typeof meta> = { name: 'Full app' };
