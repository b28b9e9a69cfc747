import type { Meta, StoryObj } from '@storybook/react-vite';
import { DemoApp } from './demo/DemoApp';

const meta = {
  title: 'Full app',
  component: DemoApp,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof DemoApp>;
export default meta;

/** AuthProvider around an app root: the drop-in LoginForm, a page on the hooks, and the mock's demo users. */
export const FullApp: StoryObj<typeof meta> = { name: 'Full app' };
