/**
 * How a theme is named in charts and the report: its 1-based number and label ("2. policy entropy · exploration"),
 * unique even when two themes share a label.
 */
export function themeDisplayLabel(themeId: number, label: string): string {
  if (themeId < 0) return 'no theme';
  return `${themeId + 1}. ${label === '' ? 'unlabelled' : label}`;
}
