import { join } from 'node:path';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { quote, toCsvTables } from '../../src/export/to-csv-tables.ts';
import { fixturePaperConceptGraph } from '../fixtures/graph/build-fixture-graphs.ts';
import { python, withTempFiles } from '../helpers/real-readers.ts';

const PYTHON_CSV = `
import csv, json, sys
out = {}
for name in sys.argv[1:]:
    with open(name, newline='', encoding='utf-8') as handle:
        out[name.rsplit('/', 1)[-1]] = list(csv.DictReader(handle))
print(json.dumps(out, ensure_ascii=False))
`;

describe('toCsvTables', () => {
  const graph = fixturePaperConceptGraph();
  const tables = toCsvTables(graph);

  it('writes Gephi spreadsheet headers', () => {
    expect(tables.nodes.split('\r\n')[0]).toMatch(/^Id,Label,kind,conceptType,/);
    expect(tables.edges.split('\r\n')[0]).toBe('Source,Target,Type,Id,Weight,count,firstMonth');
  });

  it("is read back by Python's csv module with every row, label and weight intact", () => {
    type Rows = Record<string, Record<string, string>[]>;
    const read = withTempFiles({ 'nodes.csv': tables.nodes, 'edges.csv': tables.edges }, (dir) =>
      python(PYTHON_CSV, [join(dir, 'nodes.csv'), join(dir, 'edges.csv')])) as Rows;
    const nodes = read['nodes.csv'] ?? [];
    const edges = read['edges.csv'] ?? [];
    expect(nodes.map((row) => row['Id'])).toEqual(graph.nodes());
    expect(edges).toHaveLength(graph.size);
    const first = nodes.find((row) => row['Id'] === 'paper:2508.00001');
    expect(first?.['Label']).toBe('Entropy & <Collapse> in "RL" — it\'s real');
    expect(nodes.find((row) => row['Id'] === 'concept:alpha-entropy')?.['Label']).toBe('$\\alpha$-entropy & <tricks> "quoted" \'single\' 🚀');
    expect(nodes.find((row) => row['Id'] === 'concept:bell')?.['Label']).toBe('bellconcept');
    expect(Number(edges[0]?.['Weight'])).toBeCloseTo(0.9);
    expect(edges[0]?.['Type']).toBe('Undirected');
    expect(nodes.find((row) => row['Id'] === 'concept:grpo')?.['papers']).toBe('3');
  });

  it('quotes per RFC 4180 and guards text that would run as a formula', () => {
    expect(quote('a,b')).toBe('"a,b"');
    expect(quote('say "hi"')).toBe('"say ""hi"""');
    expect(quote('line\nbreak')).toBe('"line\nbreak"');
    const hostile = new Graph({ type: 'undirected' });
    hostile.addNode('x', { kind: 'concept', label: '=HYPERLINK("http://evil")', theme: -1 });
    const csv = toCsvTables(hostile).nodes;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(',-1,');
    expect(toCsvTables(hostile, { guardFormulas: false }).nodes).toContain('"=HYPERLINK(""http://evil"")"');
  });

  it('reports removed control characters', () => {
    expect(tables.issues.map((found) => found.code)).toContain('control-characters');
  });
});
