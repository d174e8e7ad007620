// Phone numbers as the account, the way the sign-up form collects them.
export function toE164(raw, defaultCountryCode = '49') {
  const digits = String(raw).replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return `+${defaultCountryCode}${digits.replace(/^0/, '')}`;
}

export function maskPhone(e164) {
  return `${e164.slice(0, 4)} ••• ${e164.slice(-2)}`;
}
