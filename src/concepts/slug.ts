/**
 * Stable concept ids: a slug of the canonical label ("Entropy Collapse" → "entropy-collapse", "Qwen2.5" →
 * "qwen2.5"). Our code keys ids in Maps, but graphology keeps a node's neighbours in plain objects, so a node
 * named `constructor` or `__proto__` corrupts its edge lookups; a slug that names a property of every object
 * gets the suffix `-term` ("constructor" → "constructor-term").
 */

export function slugify(label: string): string {
  const slug = label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.+]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/-{2,}/g, '-');
  if (slug === '') return 'concept';
  return slug in Object.prototype || slug === '__proto__' ? `${slug}-term` : slug;
}

/** A slug of `label` not yet in `taken` (suffixes -2, -3, … on collision); records it in `taken`. */
export function uniqueSlug(label: string, taken: Set<string>): string {
  const base = slugify(label);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
