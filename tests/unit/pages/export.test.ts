import { ExportGraph, ExportParamError, parseExportQuery, toGEXF, toGraphML } from '../../../src/pages/export';
import { xmlEscape } from '../../../src/pages/xml';
import { parseGEXF, parseGraphML } from './xml-check';

const tricky = 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة <UNODC> & "شركاؤه" \'x\'';
const graph: ExportGraph = {
  truncated: true,
  nodes: [
    { id: 'agency:unodc', label: tricky, kind: 'Agency', category: 'UN_ENTITY' },
    { id: 'programme:glo-act', label: 'GLO.ACT', kind: 'Programme', category: null },
    { id: 'agency:iom', label: 'المنظمة الدولية للهجرة', kind: 'Agency', category: 'IGO' },
  ],
  edges: [
    {
      id: 'r1',
      source: 'agency:unodc',
      target: 'programme:glo-act',
      type: 'ADMINISTERS',
      weight: 4,
      evidence: 'يدير المكتب البرنامج\u0007 العالمي\nسطر ثان',
      document: 'doc:a-hrc-1',
      confidence: 0.9,
    },
    { id: 'r2', source: 'agency:unodc', target: 'agency:iom', type: 'PARTNERS_WITH', evidence: null, document: null },
  ],
};

describe('xmlEscape', () => {
  it('escapes markup characters, keeps Arabic, drops characters XML 1.0 forbids', () => {
    expect(xmlEscape('أ<ب>&"\'\u0001')).toBe('أ&lt;ب&gt;&amp;&quot;&apos;');
  });
});

describe('toGraphML', () => {
  const parsed = parseGraphML(toGraphML(graph));

  it('round-trips nodes with Arabic labels and their kind/category', () => {
    expect(parsed.nodes.map((n) => n.id)).toEqual(['agency:unodc', 'programme:glo-act', 'agency:iom']);
    expect(parsed.nodes[0].label).toBe(tricky);
    expect(parsed.nodes[0].attrs).toMatchObject({ kind: 'Agency', category: 'UN_ENTITY' });
    expect(parsed.nodes[1].attrs.category).toBeUndefined();
  });

  it('carries edge type, weight, best evidence (control character removed, newline kept), document and confidence', () => {
    const e = parsed.edges[0];
    expect(e).toMatchObject({ source: 'agency:unodc', target: 'programme:glo-act' });
    expect(e.attrs).toEqual({
      e_type: 'ADMINISTERS',
      e_weight: '4',
      e_evidence: 'يدير المكتب البرنامج العالمي\nسطر ثان',
      e_document: 'doc:a-hrc-1',
      e_confidence: '0.9',
    });
    expect(e.directed).toBeUndefined();
  });

  it('marks symmetric relations of the model as undirected', () => {
    expect(parsed.edges[1].directed).toBe('false');
  });

  it('records truncation at graph level', () => {
    expect(toGraphML(graph)).toContain('<data key="truncated">true</data>');
  });
});

describe('toGEXF', () => {
  const xml = toGEXF(graph, 'd', new Date('2026-01-02T00:00:00Z'));
  const parsed = parseGEXF(xml);

  it('is GEXF 1.3', () => {
    const root = parsed.raw.gexf as Record<string, string>;
    expect(root['@xmlns']).toBe('http://gexf.net/1.3');
    expect(root['@version']).toBe('1.3');
    expect(xml).toContain('lastmodifieddate="2026-01-02"');
  });

  it('round-trips labels and attribute values, Arabic included', () => {
    expect(parsed.nodes[0]).toEqual({ id: 'agency:unodc', label: tricky, attrs: { kind: 'Agency', category: 'UN_ENTITY' } });
    expect(parsed.edges[0].label).toBe('ADMINISTERS');
    expect(parsed.edges[0].attrs.evidence).toBe('يدير المكتب البرنامج العالمي\nسطر ثان');
    expect(parsed.edges[1].directed).toBe('undirected');
  });

  it("gives an edge's weight as GEXF's own edge weight (what Gephi sizes by) and as an integer attribute", () => {
    expect(parsed.edges[0].attrs.weight).toBe('4');
    expect(xml).toMatch(/<edge [^>]*id="r1"[^>]* weight="4"/);
    expect(xml).toContain('<attribute id="weight" title="weight" type="integer"/>');
    expect(xml).not.toMatch(/<edge [^>]*id="r2"[^>]* weight=/);
  });
});

describe('parseExportQuery', () => {
  it('takes coOccurrence and minConfidence, refusing what is not a boolean or a number from 0 to 1', () => {
    expect(parseExportQuery({ ids: 'a:1', coOccurrence: 'true', minConfidence: '0.8' })).toMatchObject({ coOccurrence: true, minConfidence: 0.8 });
    expect(parseExportQuery({ ids: 'a:1', coOccurrence: '0' })).toMatchObject({ coOccurrence: false });
    expect(() => parseExportQuery({ ids: 'a:1', coOccurrence: 'yes' })).toThrow(/"coOccurrence" must be true or false/);
    expect(() => parseExportQuery({ ids: 'a:1', minConfidence: '1.5' })).toThrow(/"minConfidence" must be a number from 0 to 1/);
    expect(() => parseExportQuery({ ids: 'a:1', minConfidence: 'high' })).toThrow(/minConfidence/);
  });

  it('accepts ids, depth, limit and format with defaults', () => {
    expect(parseExportQuery({ ids: 'agency:unodc, country:ma,agency:unodc' })).toEqual({
      ids: ['agency:unodc', 'country:ma'],
      depth: 1,
      limit: 300,
      format: 'graphml',
      coOccurrence: false,
      minConfidence: 0,
    });
    expect(parseExportQuery({ ids: ['a:1', 'b:2'], depth: '2', limit: '10', format: 'GEXF' })).toEqual({
      ids: ['a:1', 'b:2'],
      depth: 2,
      limit: 10,
      format: 'gexf',
      coOccurrence: false,
      minConfidence: 0,
    });
  });

  it.each([
    [{}, /"ids" is required/],
    [{ ids: ' , ' }, /"ids" is required/],
    [{ ids: 'a:1', depth: '4' }, /"depth" must be between 0 and 3/],
    [{ ids: 'a:1', depth: 'deep' }, /"depth" must be a whole number/],
    [{ ids: 'a:1', limit: '100000' }, /"limit" must be between 1 and 1000/],
    [{ ids: 'a:1', format: 'csv' }, /"format" must be graphml or gexf/],
    [{ ids: 'a:1', id: 'b' }, /unknown parameter\(s\) "id"/],
    [{ ids: 'a:1', format: ['gexf', 'graphml'] }, /given more than once/],
    [{ ids: Array.from({ length: 51 }, (_, i) => `a:${i}`).join(',') }, /at most 50 ids/],
    [{ ids: 'a:1,b:2,c:3', limit: '2' }, /at least the number of ids/],
  ])('rejects %j', (query, message) => {
    expect(() => parseExportQuery(query as Record<string, unknown>)).toThrow(ExportParamError);
    expect(() => parseExportQuery(query as Record<string, unknown>)).toThrow(message);
  });
});
