/** Completes 8 digits with the Luhn key that makes a valid SIREN (for demo and test data). */
export function sirenWithKey(first8: string): string {
  for (let key = 0; key <= 9; key++) {
    const candidate = `${first8}${key}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let d = Number(candidate[8 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}
