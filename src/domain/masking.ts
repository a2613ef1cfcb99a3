/**
 * Masking of parties' personal data for everyone who does not handle the case (DESIGN.md): names keep
 * the surname and the last character (张*明), phones the first 3 and last 4 digits (138****5678), ID
 * numbers only the last 4 — in the parties' own fields and wherever free text about the case repeats
 * them. Pure.
 */

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('') ? '*' : '';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

export function maskIdNumber(id: string): string {
  const text = id.trim();
  return text.length <= 4 ? '*'.repeat(text.length) : `${'*'.repeat(text.length - 4)}${text.slice(-4)}`;
}

export interface PartyLike {
  name: string;
  phone?: string;
  idNumber?: string;
}

export function maskParty<P extends PartyLike>(party: P): P {
  return {
    ...party,
    name: maskName(party.name),
    ...(party.phone ? { phone: maskPhone(party.phone) } : {}),
    ...(party.idNumber ? { idNumber: maskIdNumber(party.idNumber) } : {}),
  };
}

/**
 * What people put between the characters of a number or a name: spaces of every width, dashes of
 * every length, invisible joiners. Masking looks through them, so 138 1234 5678, 138-1234-5678 and
 * 张 建 明 are found as 13812345678 and 张建明 are.
 */
const SEPARATOR = '[\\s\\u200b-\\u200d\\u2060\\ufeff\\-\\u2010-\\u2015\\u2212\\ufe58\\ufe63\\uff0d]';
const GAP = `${SEPARATOR}*`;
const SEPARATORS = new RegExp(SEPARATOR, 'g');

/** The text without separators. */
export const squeeze = (text: string): string => text.replace(SEPARATORS, '');

const escapeRegExp = (char: string) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern of `value` that allows separators between its characters. */
function spelled(value: string): RegExp {
  return new RegExp([...squeeze(value)].map(escapeRegExp).join(GAP), 'g');
}

/**
 * Numbers standing alone in a text (not inside longer digit runs), separators allowed inside:
 * 18-character ID numbers, 15-digit ID numbers (issued before 1999), mainland mobile numbers.
 */
const digitsWithGaps = (count: number) => `\\d(?:${GAP}\\d){${count - 1}}`;
const ID_IN_TEXT = new RegExp(`(?<![0-9A-Za-z])${digitsWithGaps(17)}${GAP}[\\dXx](?![0-9A-Za-z])`, 'g');
const OLD_ID_IN_TEXT = new RegExp(`(?<![0-9A-Za-z])${digitsWithGaps(15)}(?![0-9A-Za-z])`, 'g');
const MOBILE_IN_TEXT = new RegExp(`(?<!\\d)1(?:${GAP}\\d){10}(?!\\d)`, 'g');

/**
 * Free text about a case (情况说明, 事项类别, 回访情况 …) names its parties as often as not, so masking the
 * parties' fields alone would give them away: each party's ID number, phone and name (two characters
 * or more) in the text become their masked forms, and so does any other mobile or ID number written
 * there — however it is spaced or dashed. ID numbers go first: an unmasked one contains digit runs
 * that look like a phone number.
 */
export function maskText(text: string, parties: readonly PartyLike[]): string {
  let masked = text;
  const replaceAll = (value: string | undefined, mask: (v: string) => string) => {
    const plain = squeeze(value ?? '');
    if (plain) masked = masked.replace(spelled(plain), () => mask(plain));
  };
  for (const party of parties) replaceAll(party.idNumber, maskIdNumber);
  masked = masked.replace(ID_IN_TEXT, (found) => maskIdNumber(squeeze(found)));
  masked = masked.replace(OLD_ID_IN_TEXT, (found) => maskIdNumber(squeeze(found)));
  for (const party of parties) replaceAll(party.phone, maskPhone);
  masked = masked.replace(MOBILE_IN_TEXT, maskPhone);
  for (const party of parties) if ([...squeeze(party.name ?? '')].length >= 2) replaceAll(party.name, maskName);
  return masked;
}

/**
 * Any value of a case as a non-handler sees it: every text in it, however deep (回访 entries …),
 * masked with maskText; numbers, booleans and the rest as they are.
 */
export function maskCaseValue(value: unknown, parties: readonly PartyLike[]): unknown {
  if (typeof value === 'string') return maskText(value, parties);
  if (Array.isArray(value)) return value.map((item) => maskCaseValue(item, parties));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskCaseValue(item, parties)]));
  }
  return value;
}
