export { LoginForm, type LoginFormProps } from './LoginForm.js';
export { MfaMethodPicker, type MfaMethodPickerProps } from './MfaMethodPicker.js';
export { defaultLoginFormLabels, defaultMfaLabels, type LoginFormLabels, type MfaLabels } from './labels.js';
