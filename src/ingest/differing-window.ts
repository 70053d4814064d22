/**
 * Where two readings of a repaired span differ, with a few characters of context on each side — so a message
 * about a 200-character note paragraph shows `…推理与设备…` against `…推理中设备…` instead of both paragraphs.
 */
export function differingWindow(a: string, b: string, context = 6): [string, string] {
  const left = [...a];
  const right = [...b];
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  let endLeft = left.length;
  let endRight = right.length;
  while (endLeft > start && endRight > start && left[endLeft - 1] === right[endRight - 1]) { endLeft--; endRight--; }
  const from = Math.max(0, start - context);
  const cut = (chars: string[], end: number): string =>
    `${from > 0 ? '…' : ''}${chars.slice(from, end + context).join('')}${end + context < chars.length ? '…' : ''}`;
  return [cut(left, endLeft), cut(right, endRight)];
}
