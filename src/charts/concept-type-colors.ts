/**
 * Colours of concept types, from Paul Tol's colour-blind-safe "muted" scheme (Tol, 2021, "Colour Schemes",
 * SRON/EPS/TN/09-002) — a different family from the theme palette, so a type is never mistaken for a theme.
 */
import { CONCEPT_TYPES, type ConceptType } from '../core/types.ts';

export const CONCEPT_TYPE_COLORS: Readonly<Record<ConceptType, string>> = Object.freeze({
  method: '#332288',
  phenomenon: '#CC6677',
  paradigm: '#117733',
  model: '#88CCEE',
  benchmark: '#DDCC77',
  task: '#AA4499',
  'own-method': '#44AA99',
  other: '#999933',
});

/** A colour scale listing only the types present (in the fixed type order), each with its fixed colour. */
export function conceptTypeScale(present: Iterable<ConceptType>): { domain: ConceptType[]; range: string[] } {
  const seen = new Set(present);
  const domain = CONCEPT_TYPES.filter((type) => seen.has(type));
  return { domain, range: domain.map((type) => CONCEPT_TYPE_COLORS[type]) };
}
