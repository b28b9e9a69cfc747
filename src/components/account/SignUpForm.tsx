import { useEffect, useId, useRef, useState } from 'react';
import { useForm, useFormState, useWatch, type Control } from 'react-hook-form';
import { EmailUsedError, FieldFormatError, MfaRequiredError, type ActivationMode, type ExhUser } from '../../core/index.js';
import { useAuth, useLogin } from '../../react/index.js';
import { useEmailAvailable } from '../../react/account/useEmailAvailable.js';
import { useRegister } from '../../react/account/useRegister.js';
import {
  defaultSignUpFormLabels,
  type ActivateAccountLabels,
  type MfaLabels,
  type PasswordChecklistLabels,
  type SignUpFormLabels,
} from '../labels.js';
import { MfaMethodPicker } from '../sign-in/MfaMethodPicker.js';
import { classNames, commonMessage } from '../util.js';
import { ActivateAccount } from './ActivateAccount.js';
import { PasswordChecklist } from './PasswordChecklist.js';
import { EMAIL_SHAPE, Field, ResendActivation, SubmitButton, useGuardedSubmit } from './parts.js';
import { useLabels } from '../locale.js';

/** The fields besides e-mail and password; the service requires every one of them. */
export type SignUpField = 'firstName' | 'lastName' | 'phoneNumber' | 'language';

export interface SignUpFieldOptions {
  /** Not shown: its `default` is sent. */
  hidden?: boolean;
  /** Shown, may be left empty: its `default` is then sent. */
  optional?: boolean;
  /** The initial value of a shown field; what is sent for a hidden or empty optional one. */
  default?: string;
}

export interface SignUpFormProps {
  /**
   * Per field: hidden, optional or a default. The service refuses a sign-up without any of first name, last
   * name, phone number and language, or with one empty: a hidden or empty optional field is sent as its
   * non-empty `default`, else as `FALLBACK_VALUES` (`'EN'` for the language, `'-'` for the others).
   */
  fields?: Partial<Record<SignUpField, SignUpFieldOptions>>;
  /** The activation mail's kind: a link (default) or an 8-digit pin typed on the next step. */
  activationMode?: ActivationMode;
  /** Signs the user in right after the sign-up, with the same credentials (users with MFA then see its step). */
  signInAfterSignUp?: boolean;
  /** The account was created (not activated yet). */
  onSignedUp?: (user: ExhUser) => void;
  /** Shows "Sign in" when the e-mail address already has an account. */
  onSignIn?: () => void;
  /** The languages offered, code → name. Default: English, Nederlands, Deutsch, Français, Español. */
  languages?: Record<string, string>;
  labels?: Partial<SignUpFormLabels>;
  checklistLabels?: Partial<PasswordChecklistLabels>;
  /** The pin step's strings (`activationMode="pinCode"`). */
  activateLabels?: Partial<ActivateAccountLabels>;
  mfaLabels?: Partial<MfaLabels>;
  className?: string;
}

/** What is sent for a required field that is hidden, or optional and left empty, without a default of its own. */
export const FALLBACK_VALUES: Record<SignUpField, string> = { firstName: '-', lastName: '-', phoneNumber: '-', language: 'EN' };

const LANGUAGES: Record<string, string> = { EN: 'English', NL: 'Nederlands', DE: 'Deutsch', FR: 'Français', ES: 'Español' };

interface SignUpFields extends Record<SignUpField, string> {
  email: string;
  password: string;
}

type Done = { email: string; signedIn: boolean };

/**
 * Creates an account: e-mail (checked while typing), password with the policy's checklist, name, phone and
 * language; then "check your e-mail" with a resend button, or the pin step. Typing re-renders nothing but the
 * checklist and the availability hint.
 */
export function SignUpForm({
  fields = {},
  activationMode = 'hash',
  signInAfterSignUp = false,
  onSignedUp,
  onSignIn,
  languages = LANGUAGES,
  labels,
  checklistLabels,
  activateLabels,
  mfaLabels,
  className,
}: SignUpFormProps) {
  const text = useLabels('signUpForm', defaultSignUpFormLabels, labels);
  const register = useRegister();
  const login = useLogin();
  const status = useAuth((auth) => auth.status);
  const id = useId();
  const option = (name: SignUpField) => fields[name] ?? {};
  const form = useForm<SignUpFields>({
    mode: 'onSubmit',
    defaultValues: {
      email: '',
      password: '',
      firstName: option('firstName').default ?? '',
      lastName: option('lastName').default ?? '',
      phoneNumber: option('phoneNumber').default ?? '',
      language: option('language').default ?? Object.keys(languages)[0] ?? FALLBACK_VALUES.language,
    },
  });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Done | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  const sent = (name: SignUpField, value: string) => {
    const { hidden, default: fallback } = option(name);
    const typed = hidden ? '' : value.trim();
    return typed || fallback?.trim() || FALLBACK_VALUES[name];
  };

  const onSubmit = useGuardedSubmit(
    form.handleSubmit(async (values) => {
      setError(null);
      const email = values.email.trim();
      const { password } = values;
      let user: ExhUser;
      try {
        user = await register.mutateAsync({
          email,
          password,
          firstName: sent('firstName', values.firstName),
          lastName: sent('lastName', values.lastName),
          phoneNumber: sent('phoneNumber', values.phoneNumber),
          language: sent('language', values.language),
          activationMode,
        });
      } catch (caught) {
        if (caught instanceof EmailUsedError) {
          form.setError('email', { type: 'server', message: text.emailTaken });
          form.setFocus('email');
        } else if (caught instanceof FieldFormatError) {
          // The e-mail's shape is checked here, so the service's format error is the password's policy.
          form.setError('password', { type: 'server', message: text.passwordPolicy });
          form.setFocus('password');
        } else setError(caught);
        return;
      }
      form.resetField('password');
      onSignedUp?.(user);
      let signedIn = false;
      if (signInAfterSignUp) {
        try {
          await login.mutateAsync({ email, password });
          signedIn = true;
        } catch (caught) {
          // MFA users get its step below (status 'mfaRequired'); any other failure leaves them to sign in later.
          signedIn = caught instanceof MfaRequiredError;
        }
      }
      setDone({ email, signedIn });
    }),
  );

  if (done && status === 'mfaRequired') return <MfaMethodPicker className={className} labels={mfaLabels} />;
  if (done && activationMode === 'pinCode') {
    return <ActivateAccount hashParam={null} email={done.email} labels={activateLabels} className={className} onSignIn={done.signedIn ? undefined : onSignIn} />;
  }
  if (done) return <CheckEmail email={done.email} signedIn={done.signedIn} text={text} className={className} />;

  const busy = register.isPending || login.isPending;
  const shown = (name: SignUpField) => !option(name).hidden;
  const required = (name: SignUpField, message: string) =>
    option(name).optional ? undefined : { validate: (value: string) => value.trim() !== '' || message };
  const label = (name: SignUpField, words: string) => (option(name).optional ? text.optional(words) : words);
  return (
    <form
      className={classNames('exh-auth', 'exh-auth--sign-up', className)}
      aria-label={text.formName}
      data-state={busy ? 'submitting' : error ? 'error' : 'idle'}
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <Field
        form={form}
        name="email"
        label={text.email}
        type="email"
        autoComplete="email"
        describedBy={`${id}-availability`}
        rules={{
          validate: (value) => {
            const email = value.trim();
            if (!email) return text.emailRequired;
            return EMAIL_SHAPE.test(email) || text.emailInvalid;
          },
        }}
      >
        <EmailAvailability id={`${id}-availability`} control={form.control} text={text} onSignIn={onSignIn} />
      </Field>
      <Field
        form={form}
        name="password"
        label={text.password}
        autoComplete="new-password"
        toggle={text.showPassword}
        describedBy={`${id}-checklist`}
        rules={{ validate: (value) => value !== '' || text.passwordRequired }}
      >
        <PasswordChecklist control={form.control} name="password" id={`${id}-checklist`} labels={checklistLabels} />
      </Field>
      {shown('firstName') && (
        <Field form={form} name="firstName" label={label('firstName', text.firstName)} autoComplete="given-name" rules={required('firstName', text.firstNameRequired)} />
      )}
      {shown('lastName') && (
        <Field form={form} name="lastName" label={label('lastName', text.lastName)} autoComplete="family-name" rules={required('lastName', text.lastNameRequired)} />
      )}
      {shown('phoneNumber') && (
        <Field
          form={form}
          name="phoneNumber"
          label={label('phoneNumber', text.phoneNumber)}
          type="tel"
          autoComplete="tel"
          rules={required('phoneNumber', text.phoneNumberRequired)}
        />
      )}
      {shown('language') && (
        <div className="exh-auth__field">
          <label className="exh-auth__label" htmlFor={`${id}-language`}>
            {text.language}
          </label>
          <select id={`${id}-language`} className="exh-auth__input" autoComplete="language" {...form.register('language')}>
            {Object.entries(languages).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div role="alert" className="exh-auth__alert" tabIndex={-1} ref={alertRef}>
        {error ? commonMessage(error, text) : null}
      </div>
      <SubmitButton busy={busy}>{busy ? text.submitting : text.submit}</SubmitButton>
    </form>
  );
}

/** Whether the typed address has an account already: subscribed to the e-mail field alone. */
function EmailAvailability({ id, control, text, onSignIn }: { id: string; control: Control<SignUpFields>; text: SignUpFormLabels; onSignIn?: () => void }) {
  const email = useWatch({ control, name: 'email' });
  const available = useEmailAvailable(email);
  // A 203 on submit already says so on the field.
  const { errors } = useFormState({ control, name: 'email' });
  const taken = available.data === false && !available.isDebouncing && errors.email?.type !== 'server';
  return (
    <div id={id} className="exh-auth__hint" aria-live="polite">
      {taken && (
        <>
          {text.emailTaken}{' '}
          {onSignIn && (
            <button type="button" className="exh-auth__link" onClick={onSignIn}>
              {text.signInInstead}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function CheckEmail({ email, signedIn, text, className }: { email: string; signedIn: boolean; text: SignUpFormLabels; className?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className={classNames('exh-auth', 'exh-auth--check-email', className)} data-state="done">
      <h2 className="exh-auth__title" tabIndex={-1} ref={heading}>
        {text.checkEmail}
      </h2>
      <p>{text.checkEmailHelp(email)}</p>
      {signedIn && <p>{text.signedIn}</p>}
      <ResendActivation email={() => email} mode="hash" labels={text}>
        {text.resend}
      </ResendActivation>
    </section>
  );
}
