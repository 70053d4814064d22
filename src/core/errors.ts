/**
 * Misuse of the library or unusable input throws a PapergraphError whose message starts with the module path
 * (`papergraph/ingest: …`) and says what to do.
 */
export class PapergraphError extends Error {
  readonly module: string;
  constructor(module: string, message: string, options?: { cause?: unknown }) {
    super(`papergraph/${module}: ${message}`, options);
    this.name = 'PapergraphError';
    this.module = module;
  }
}
