/**
 * A stable id for a paper without an arXiv id: `title:` and a slug of its title (letters and digits of any script).
 */
export function titleId(title: string): string {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `title:${slug === '' ? 'untitled' : slug}`;
}
