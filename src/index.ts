export * from './core/index.js';
export * from './react/index.js';
export * from './components/index.js';

// Two exports share the name: the component (a value) and the settings it shows (core's type). Named here,
// so that `import { MfaSettings }` gives the component in JSX and the settings' shape in a type.
import { MfaSettings as MfaSettingsComponent } from './components/index.js';
import type { MfaSettings as MfaSettingsData } from './core/index.js';
export const MfaSettings = MfaSettingsComponent;
export type MfaSettings = MfaSettingsData;
