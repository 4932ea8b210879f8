// Dates of birth as officers record them: full (YYYY-MM-DD) or partial (YYYY, YYYY-MM), with
// the mistakes that happen — day and month swapped, a year off by one.

export type DateAgreement = 'same' | 'compatible' | 'swapped' | 'near' | 'conflict';

export function compareBirthDates(a: string, b: string): DateAgreement {
  const pa = a.split('-');
  const pb = b.split('-');
  const n = Math.min(pa.length, pb.length);
  let agree = true;
  for (let i = 0; i < n; i++) if (pa[i] !== pb[i]) agree = false;
  if (agree) return pa.length === pb.length ? 'same' : 'compatible';
  if (pa.length === 3 && pb.length === 3 && pa[0] === pb[0] && pa[1] === pb[2] && pa[2] === pb[1])
    return 'swapped';
  if (Math.abs(Number(pa[0]) - Number(pb[0])) <= 1 && (n === 1 || pa.slice(1).join() === pb.slice(1).join()))
    return 'near';
  return 'conflict';
}
