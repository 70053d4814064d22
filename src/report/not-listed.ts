/** The line under a shortened paper list (build-report-model.ts says when lists are shortened). */
export function notListed(count: number, which: string): string {
  return `… and ${count.toLocaleString('en-US')} ${which} ${count === 1 ? 'paper' : 'papers'}, not listed here`;
}
