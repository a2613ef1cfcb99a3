/**
 * Masking of parties' personal data for everyone who does not handle the case (DESIGN.md): names keep
 * the surname and the last character (张*明), phones the first 3 and last 4 digits (138****5678), ID
 * numbers only the last 4. Pure.
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
