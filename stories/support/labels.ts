import type { LoginFormLabels, MfaLabels } from '../../src/components';

/** 75 → "1 min 15 s" */
const minutesAndSecondsFr = (seconds: number) => `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
const secondes = (n: number) => `${n} seconde${n > 1 ? 's' : ''}`;

/** Every string of LoginForm in French: what an app passes as `labels`. */
export const frenchLoginLabels: LoginFormLabels = {
  formName: 'Connexion',
  subtitle: (appName) => `pour continuer vers ${appName}`,
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  showPassword: 'Afficher le mot de passe',
  submit: 'Se connecter',
  submitting: 'Connexion…',
  emailRequired: 'Saisissez votre adresse e-mail.',
  emailInvalid: 'Saisissez une adresse comme nom@exemple.fr.',
  passwordRequired: 'Saisissez votre mot de passe.',
  wrongCredentials: 'L’adresse e-mail ou le mot de passe est incorrect.',
  tooFast: 'Tentative trop rapide après la précédente. Patientez une seconde puis réessayez.',
  frozen: (seconds) => `Trop de tentatives échouées. Réessayez dans ${secondes(seconds)}.`,
  frozenOver: 'Vous pouvez de nouveau essayer de vous connecter.',
  locked: 'Ce compte est bloqué après trop de tentatives échouées. Contactez un administrateur.',
  networkError: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  signatureRefused: 'La requête n’a pas pu être vérifiée. Vérifiez la date et l’heure de votre appareil.',
  unknownError: (errorName) => `Un problème est survenu lors de la connexion. Réessayez plus tard. (Erreur : ${errorName})`,
  mfaExpired: 'Votre vérification a expiré — reconnectez-vous.',
  signedOutElsewhere: 'Vous avez été déconnecté : la session a été fermée ailleurs. Reconnectez-vous.',
  forgotPassword: 'Mot de passe oublié ?',
  createAccount: 'Créer un compte',
};

/** Every string of the MFA step in French: what an app passes as `mfaLabels` (LoginForm) or `labels` (MfaMethodPicker). */
export const frenchMfaLabels: MfaLabels = {
  formName: 'Vérification en deux étapes',
  account: (email) => `Connexion en tant que ${email}`,
  chooseMethod: 'Vérifier avec',
  useTotp: 'Utiliser plutôt l’application d’authentification',
  useRecoveryCode: 'Utiliser plutôt un code de récupération',
  useMethod: (name) => `Utiliser plutôt ${name}`,
  totpCode: 'Code de l’application d’authentification',
  recoveryCode: 'Code de récupération',
  otherCode: 'Code de vérification',
  submit: 'Vérifier',
  submitting: 'Vérification…',
  back: 'Retour',
  totpCodeInvalid: 'Saisissez les 6 chiffres de votre application d’authentification.',
  recoveryCodeRequired: 'Saisissez l’un de vos codes de récupération.',
  expiresIn: (seconds) => `Temps restant pour cette étape : ${minutesAndSecondsFr(seconds)}`,
  wrongCode: 'Ce code est incorrect. Réessayez.',
  reattemptDelay: (seconds) => `Trop de tentatives. Patientez ${secondes(seconds)} avant la suivante.`,
  networkError: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  signatureRefused: 'La requête n’a pas pu être vérifiée. Vérifiez la date et l’heure de votre appareil.',
  unknownError: (errorName) => `Un problème est survenu lors de la vérification. Réessayez plus tard. (Erreur : ${errorName})`,
};
