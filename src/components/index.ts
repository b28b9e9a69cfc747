export { LoginForm, type LoginFormProps } from './LoginForm';
export { MfaMethodPicker, type MfaMethodPickerProps } from './MfaMethodPicker';
export { defaultLoginFormLabels, defaultMfaLabels, type LoginFormLabels, type MfaLabels } from './labels';
