/**
 * Every month from the earliest to the latest of the given `YYYY-MM` months, gaps filled, so that time axes show
 * quiet months as zero instead of hiding them.
 */
const MONTH = /^(\d{4})-(\d{2})$/;

export function monthRange(months: Iterable<string>): string[] {
  const valid = [...new Set(months)].filter((month) => MONTH.test(month)).sort();
  const first = valid[0];
  const last = valid[valid.length - 1];
  if (first === undefined || last === undefined) return [];
  const range: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let current = first; current <= last; ) {
    range.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  }
  return range;
}
