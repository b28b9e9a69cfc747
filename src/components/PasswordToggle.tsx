/**
 * The show-password button inside a password field (LoginForm, the account forms, ConfirmPresence).
 * Its name stays "Show password" and aria-pressed says whether the password is shown: WAI-ARIA's toggle
 * button keeps one name, since a name that flips with the state is read as "Hide password, pressed".
 * The stylesheet draws an eye, struck through while pressed; without it, the words are the button.
 */
export function PasswordToggle({ label, shown, controls, onToggle }: { label: string; shown: boolean; controls: string; onToggle: () => void }) {
  return (
    <button type="button" className="exh-auth__eye" aria-pressed={shown} aria-controls={controls} onClick={onToggle}>
      {label}
    </button>
  );
}
