/**
 * Stable concept ids: a slug of the canonical label ("Entropy Collapse" → "entropy-collapse", "Qwen2.5" →
 * "qwen2.5"). Ids are only ever used as Map keys and strings, so words like `__proto__` are safe.
 */

export function slugify(label: string): string {
  const slug = label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.+]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/-{2,}/g, '-');
  return slug === '' ? 'concept' : slug;
}

/** A slug of `label` not yet in `taken` (suffixes -2, -3, … on collision); records it in `taken`. */
export function uniqueSlug(label: string, taken: Set<string>): string {
  const base = slugify(label);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
