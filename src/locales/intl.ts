/** The number-bearing words of a locale, by the language's own rules (Intl), so no translation hard-codes a plural. */

/** A plural's forms by CLDR category; `#` is replaced by the number. `other` is the fallback (e.g. Spanish "many"). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Formats {
  /** The number in the language's digits and grouping: 1.000 (nl), 1 000 (fr). */
  number(n: number): string;
  /** The form for `n` (Intl.PluralRules): plural(3, { one: '# poging', other: '# pogingen' }) → "3 pogingen". */
  plural(n: number, forms: PluralForms): string;
  /** A duration in seconds, in words: "1 seconde", "45 Sekunden" (Intl.NumberFormat's unit style). */
  seconds(n: number): string;
  /** A countdown's time left: 75 → "1:15". */
  clock(seconds: number): string;
}

export function formats(lang: string): Formats {
  const numbers = new Intl.NumberFormat(lang);
  const rules = new Intl.PluralRules(lang);
  const secondsFormat = new Intl.NumberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'long' });
  const twoDigits = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2 });
  const number = (n: number) => numbers.format(n);
  return {
    number,
    plural: (n, forms) => (forms[rules.select(n)] ?? forms.other).replace('#', number(n)),
    seconds: (n) => secondsFormat.format(n),
    clock: (seconds) => `${number(Math.floor(seconds / 60))}:${twoDigits.format(seconds % 60)}`,
  };
}
