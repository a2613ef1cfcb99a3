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

/** Mainland mobile numbers and 18-character ID numbers standing alone in a text (not inside longer digit runs). */
const ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)1\d{10}(?!\d)/g;

/**
 * Free text about a case (情况说明, 回访情况) names its parties as often as not, so masking the parties'
 * fields alone would give them away: each party's ID number, phone and name (two characters or more)
 * in the text become their masked forms, and so does any other mobile or ID number written there.
 * ID numbers go first: an unmasked one contains digit runs that look like a phone number.
 */
export function maskText(text: string, parties: readonly PartyLike[]): string {
  let masked = text;
  const replaceAll = (value: string | undefined, mask: (v: string) => string) => {
    const plain = value?.trim();
    if (plain) masked = masked.split(plain).join(mask(plain));
  };
  for (const party of parties) replaceAll(party.idNumber, maskIdNumber);
  masked = masked.replace(ID_IN_TEXT, maskIdNumber);
  for (const party of parties) replaceAll(party.phone, maskPhone);
  masked = masked.replace(MOBILE_IN_TEXT, maskPhone);
  for (const party of parties) if ([...(party.name ?? '').trim()].length >= 2) replaceAll(party.name, maskName);
  return masked;
}
