import { describe, expect, it } from 'vitest';

describe('export and graph modules', () => {
  it.each([
    ['../../src/export/to-gexf.ts', ['GEXF_NAMESPACES', 'GEXF_VERSIONS', 'TO_GEXF_DEFAULTS', 'toGexf', 'toGexfChunks']],
    ['../../src/export/to-graphml.ts', ['TO_GRAPHML_DEFAULTS', 'toGraphml']],
    ['../../src/export/to-vosviewer.ts', ['TO_VOSVIEWER_DEFAULTS', 'mapText', 'toVosviewer']],
    ['../../src/export/to-csv-tables.ts', ['TO_CSV_TABLES_DEFAULTS', 'quote', 'toCsvTables']],
    ['../../src/export/to-graphology-json.ts', ['TO_GRAPHOLOGY_JSON_DEFAULTS', 'toGraphologyJson']],
    ['../../src/export/to-graph-exports.ts', ['EXPORT_FORMATS', 'EXPORT_GRAPHS', 'TO_GRAPH_EXPORTS_DEFAULTS', 'toGraphExports']],
    ['../../src/graph/assign-metrics.ts', ['ASSIGN_METRICS_DEFAULTS', 'assignMetrics', 'edgeLength']],
    ['../../src/graph/assign-layout.ts', ['ASSIGN_LAYOUT_DEFAULTS', 'assignLayout', 'autoIterations']],
    ['../../src/graph/assign-themes.ts', ['GRAPH_THEME_METHODS', 'assignThemes']],
  ])('%s exports exactly its public surface, with frozen defaults', async (path, names) => {
    const module = (await import(path)) as Record<string, unknown>;
    expect(Object.keys(module).sort()).toEqual([...names].sort());
    for (const [name, value] of Object.entries(module)) {
      if (/DEFAULTS$/.test(name)) expect(Object.isFrozen(value), name).toBe(true);
    }
  });
});
