export { LoginForm, type LoginFormProps } from './sign-in/LoginForm.js';
export { MfaMethodPicker, type MfaMethodPickerProps } from './sign-in/MfaMethodPicker.js';
export { defaultLoginFormLabels, defaultMfaLabels, type LoginFormLabels, type MfaLabels } from './labels.js';
export { PasswordChecklist, type PasswordChecklistProps } from './account/PasswordChecklist.js';
export { defaultPasswordChecklistLabels, type PasswordChecklistLabels } from './labels.js';
