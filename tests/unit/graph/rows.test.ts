import { DEFAULT_ROW_LIMITS, DocumentRefusedError, trimPairs, fileNameProblem, documentIdFor, documentBatches, kindProps, mergeCoOccurrences, mergeEntityRows, mergeRelationRows, locateEvidence, evidenceLocator, toRows, batches, type EntityRow } from '../../../src/graph/rows';
import { normaliseKey } from '../../../src/extract/arabic';
import { asciiSlug } from '../../../src/extract/ids';
import { FIXTURE_TEXT, fixtureDocument } from './fixture';

const source = { text: FIXTURE_TEXT, sha256: 'abc' };

describe('toRows', () => {
  const rows = toRows(fixtureDocument(), source, normaliseKey);

  test('document id from the file name when there is no symbol, else from the symbol', () => {
    expect(rows.documentId).toBe('document:fixture');
    const doc = fixtureDocument();
    doc.document.symbol = 'A/HRC/10/64';
    expect(documentIdFor(doc)).toBe('document:a-hrc-10-64');
    expect(asciiSlug(' A/HRC/32/41 ')).toBe('a-hrc-32-41');
  });

  test('one MENTIONS row per entity whose texts are the file text at their offsets', () => {
    const unodc = rows.mentions.find((m) => m.id === 'agency:unodc')!;
    // the full name in the title line (no paragraph) and paragraph 1, "المكتب" in paragraph 2
    expect(unodc.props.count).toBe(unodc.props.texts.length);
    unodc.props.texts.forEach((t, i) => expect(FIXTURE_TEXT.slice(unodc.props.starts[i], unodc.props.ends[i])).toBe(t));
    expect(unodc.props.paragraphs).toEqual(['1', '2']);
    expect(unodc.props.mentionParagraphs).toContain('');
    expect(unodc.props.surfaces).toEqual(expect.arrayContaining(['المكتب', 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة']));
  });

  test('a mention whose text does not match the file at its offsets is dropped with a warning', () => {
    const doc = fixtureDocument();
    doc.entities[2].mentions.push({ text: 'المغرب', start: 0, end: 6, paragraph: null });
    const r = toRows(doc, source, normaliseKey);
    expect(r.mentions.find((m) => m.id === 'country:ma')!.props.count).toBe(1);
    expect(r.warnings.join('\n')).toMatch(/does not match the text/);
  });

  test('relations: only allow-listed types between allowed kinds, with document and paragraph', () => {
    expect(rows.relations.map((r) => r.type).sort()).toEqual(['ADMINISTERS', 'PARTICIPATED_IN', 'RATIFIED']);
    expect(rows.relations[0].props.document).toBe('document:fixture');
    const doc = fixtureDocument();
    doc.relations.push({ type: 'DROP_ALL', from: 'agency:unodc', to: 'country:ma', evidence: '', paragraph: null, confidence: 1 });
    doc.relations.push({ type: 'RATIFIED', from: 'agency:unodc', to: 'country:ma', evidence: '', paragraph: null, confidence: 1 });
    doc.relations.push({ type: 'ADMINISTERS', from: 'agency:unodc', to: 'programme:unknown', evidence: '', paragraph: null, confidence: 1 });
    const r = toRows(doc, source, normaliseKey);
    expect(r.relations).toHaveLength(3);
    expect(r.warnings).toHaveLength(3);
  });

  test('the same relation twice in one paragraph is one row, keeping the higher confidence', () => {
    const doc = fixtureDocument();
    doc.relations.push({ ...doc.relations[0], confidence: 0.95, evidence: 'better' });
    doc.relations.push({ ...doc.relations[0], paragraph: '2' });
    const r = toRows(doc, source, normaliseKey).relations.filter((x) => x.type === 'ADMINISTERS');
    expect(r).toHaveLength(2);
    expect(r.find((x) => x.props.paragraph === '1')!.props.evidence).toBe('better');
  });

  test('co-occurrences are undirected pairs from the smaller id, weighted by paragraphs', () => {
    const doc = fixtureDocument();
    doc.cooccurrences.push({ a: 'programme:un-trust-fund-victims', b: 'agency:unodc', paragraph: '3' });
    doc.cooccurrences.push({ a: 'programme:un-trust-fund-victims', b: 'agency:unodc', paragraph: '3' });
    const r = toRows(doc, source, normaliseKey).cooccurrences;
    for (const c of r) expect(c.a < c.b).toBe(true);
    expect(r.find((c) => c.a === 'agency:unodc' && c.b === 'programme:un-trust-fund-victims')!.weight).toBe(2);
    expect(r.find((c) => c.a === 'agency:unodc' && c.b === 'meeting:vienna-conference')!.weight).toBe(1);
  });

  test('entities carry search keys from the extractor normaliser and kind properties of the model only', () => {
    const unodc = rows.entities.find((e) => e.id === 'agency:unodc')!;
    expect(unodc.keys).toContain(normaliseKey('مكتب الأمم المتحدة المعني بالمخدرات والجريمة'));
    expect(unodc.keys).toContain('unodc');
    // every declared property of the kind, null where absent (so a later naming row removes it)
    expect(rows.entities.find((e) => e.id === 'country:ma')!.props).toEqual({ iso2: 'MA', iso3: null });
    expect(rows.entities.find((e) => e.id === 'instrument:trafficking-protocol')!.props).toEqual({ number: null, year: 2000 });
    expect(JSON.parse(rows.mentions.find((m) => m.id === 'country:ma')!.props.eProps)).toEqual({ iso2: 'MA' });
    expect(kindProps('Document', { subjects: 'A', paragraphCount: '3' })).toEqual({ subjects: ['A'], paragraphCount: 3 });
  });

  test('paragraphs hold their text and the document node its header fields', () => {
    expect(rows.paragraphs).toHaveLength(3);
    expect(rows.paragraphs[1].props).toMatchObject({ number: '1', ordinal: 1 });
    expect(rows.paragraphs[1].props.text.startsWith('1- يدير')).toBe(true);
    expect(rows.paragraphs[0].props.number).toBeUndefined();
    expect(rows.document.props).toMatchObject({ sha256: 'abc', file: 'fixture.txt', paragraphCount: 3, date: '2009-02-06', kind: 'Document' });
    expect(rows.entityIds).toEqual([...rows.entities.map((e) => e.id), 'document:fixture'].sort());
  });

  test('batches split rows without losing any', () => {
    const b = batches([...Array(5).keys()], 2);
    expect(b).toEqual([[0, 1], [2, 3], [4]]);
  });

  test('documentBatches keeps every row with its document, in order, at most `size` rows per statement', () => {
    const parts = [
      { documentId: 'a', rows: [1, 2, 3] },
      { documentId: 'b', rows: [] },
      { documentId: 'c', rows: [4, 5, 6, 7, 8] },
    ];
    const b = documentBatches(parts, 4);
    expect(b).toEqual([
      [{ documentId: 'a', rows: [1, 2, 3] }, { documentId: 'c', rows: [4] }],
      [{ documentId: 'c', rows: [5, 6, 7, 8] }],
    ]);
    // flattening gives back every (document, row) pair in order
    const flat = (xs: typeof parts) => xs.flatMap((p) => p.rows.map((r) => `${p.documentId}${r}`));
    expect(b.flatMap((s) => flat(s))).toEqual(flat(parts));
    expect(documentBatches([{ documentId: 'a', rows: [] }])).toEqual([]);
  });
});

describe('merging a batch of documents', () => {
  const row = (over: Partial<EntityRow>): EntityRow => ({
    id: 'agency:unodc', documentId: 'document:x', kind: 'Agency', name: 'المكتب', nameAr: null, nameEn: null, acronym: null, category: null,
    aliases: [], keys: [], props: {}, ...over,
  });

  test('entity rows: one per id, the smallest document id names it whatever the order, aliases and keys unioned', () => {
    const rowsIn = [
      row({ documentId: 'document:b', name: 'مكتب الأمم المتحدة', aliases: ['المكتب'], keys: ['k1'], props: { a: 'x', b: 'y' } }),
      row({ documentId: 'document:b', id: 'country:ma', kind: 'Country', name: 'المغرب' }),
      row({ documentId: 'document:a', name: 'UNODC', nameEn: 'UN Office on Drugs and Crime', acronym: 'UNODC', aliases: ['UNODC', 'المكتب'], keys: ['k2', 'k1'], props: { b: 'z' } }),
      row({ documentId: 'document:c', kind: 'Programme', category: 'UN_ENTITY' }),
    ];
    for (const order of [rowsIn, [...rowsIn].reverse()]) {
      const merged = mergeEntityRows(order).sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(merged.map((m) => m.id)).toEqual(['agency:unodc', 'country:ma']);
      expect(merged[0]).toMatchObject({
        documentId: 'document:a', name: 'UNODC', nameEn: 'UN Office on Drugs and Crime', acronym: 'UNODC', category: null, props: { b: 'z' },
      });
      expect([...merged[0].aliases].sort()).toEqual(['UNODC', 'المكتب']);
      expect([...merged[0].keys].sort()).toEqual(['k1', 'k2']);
      expect([...merged[0].kinds].sort()).toEqual(['Agency', 'Programme']);
      expect(merged[1].kinds).toEqual(['Country']);
    }
  });

  test('co-occurrences: one row per pair, weights summed, documents counted', () => {
    expect(mergeCoOccurrences([
      { a: 'x', b: 'y', weight: 2 },
      { a: 'x', b: 'z', weight: 1 },
      { a: 'x', b: 'y', weight: 3 },
    ])).toEqual([
      { a: 'x', b: 'y', weight: 5, documents: 2 },
      { a: 'x', b: 'z', weight: 1, documents: 1 },
    ]);
  });

  test('a batch states one fact once per (type, from, to), its entries as parallel lists', () => {
    const row = (document: string, to: string, paragraph: string | undefined, confidence: number) => ({
      type: 'RATIFIED', from: 'country:ma', to, props: { document, evidence: `نص ${document}`, confidence, ...(paragraph ? { paragraph, at: Number(paragraph), start: 4, end: 9 } : { at: -1, start: 0, end: 0 }) },
    });
    const merged = mergeRelationRows([row('document:b', 'instrument:x', '3', 0.9), row('document:a', 'instrument:y', undefined, 1), row('document:a', 'instrument:x', '1', 0.8)]);
    expect(merged.map((m) => m.to)).toEqual(['instrument:x', 'instrument:y']);
    expect(merged[0]).toEqual({
      type: 'RATIFIED', from: 'country:ma', to: 'instrument:x',
      evDocument: ['document:b', 'document:a'], evParagraph: ['3', '1'], evAt: [3, 1], evStart: [4, 4], evEnd: [9, 9], evText: ['', ''], evConfidence: [0.9, 0.8], evSentence: ['نص document:b', 'نص document:a'],
    });
    // No paragraph is '' (a list cannot hold null); evidence lying in no paragraph keeps its text.
    expect(merged[1]).toMatchObject({ evParagraph: [''], evAt: [-1], evText: ['نص document:a'] });
  });
});

describe('identity and caps', () => {
  test('unusable file names are refused with a reason; ordinary ones (Arabic included) pass', () => {
    for (const bad of ['', '   ', '../etc/passwd.txt', 'a/b.txt', 'a\\b.txt', '..', '---.txt', 'x\u0000y.txt', `${'a'.repeat(201)}.txt`]) {
      expect(fileNameProblem(bad)).toEqual(expect.any(String));
    }
    expect(fileNameProblem('a/b.txt')).toMatch(/"b.txt"/);
    for (const good of ['report.txt', 'A HRC 32 41.txt', 'تقرير-2020.txt', 'r.pdf']) expect(fileNameProblem(good)).toBeNull();
    expect(() => toRows(fixtureDocument(FIXTURE_TEXT, '؟؟.txt'), source, normaliseKey)).toThrow(DocumentRefusedError);
  });

  test('co-occurrence pairs of a paragraph are made among its first K entities by first mention', () => {
    const doc = fixtureDocument();
    const ids = doc.entities.map((e) => e.id);
    // every pair of every entity in every paragraph that names them
    doc.cooccurrences = [];
    for (const p of ['1', '2']) {
      const inP = doc.entities.filter((e) => e.mentions.some((m) => m.paragraph === p)).map((e) => e.id);
      for (const a of inP) for (const b of inP) if (a < b) doc.cooccurrences.push({ a, b, paragraph: p });
    }
    const all = toRows(doc, source, normaliseKey).cooccurrences;
    const capped = toRows(doc, source, normaliseKey, { ...DEFAULT_ROW_LIMITS, pairEntitiesPerParagraph: 2 });
    expect(all.length).toBeGreaterThan(capped.cooccurrences.length);
    expect(capped.cooccurrences.length).toBeLessThanOrEqual(2); // one pair per paragraph at most
    expect(capped.warnings.join('\n')).toMatch(/co-occurrence pairs kept among the first 2/);
    // the kept pair of paragraph 2 is its two first-named entities
    const firstIn2 = doc.entities
      .map((e) => ({ id: e.id, at: Math.min(...e.mentions.filter((m) => m.paragraph === '2').map((m) => m.start)) }))
      .filter((x) => Number.isFinite(x.at)).sort((x, y) => x.at - y.at).slice(0, 2).map((x) => x.id).sort();
    expect(capped.cooccurrences.some((c) => c.a === firstIn2[0] && c.b === firstIn2[1])).toBe(true);
    expect(ids.length).toBeGreaterThan(2);
  });

  test('trimming pairs before the rows (the ingest worker) gives the same rows', () => {
    const doc = fixtureDocument();
    for (const p of ['1', '2']) {
      const inP = doc.entities.filter((e) => e.mentions.some((m) => m.paragraph === p)).map((e) => e.id);
      for (const a of inP) for (const b of inP) if (a !== b) doc.cooccurrences.push({ a, b, paragraph: p });
    }
    for (const k of [1, 2, 3, 16]) {
      const limits = { ...DEFAULT_ROW_LIMITS, pairEntitiesPerParagraph: k };
      const trimmed = trimPairs(doc, FIXTURE_TEXT, k);
      const { warnings: _a, ...direct } = toRows(doc, source, normaliseKey, limits);
      const { warnings: _b, ...viaWorker } = toRows(trimmed, source, normaliseKey, limits);
      expect(viaWorker).toEqual(direct);
      if (k < 3) expect(trimmed.cooccurrences.length).toBeLessThan(doc.cooccurrences.length);
    }
  });

  test('a document over the mention or pair totals is refused with DOCUMENT_TOO_DENSE', () => {
    const doc = fixtureDocument();
    const tooMany = () => toRows(doc, source, normaliseKey, { ...DEFAULT_ROW_LIMITS, mentionsPerDocument: 2 });
    expect(tooMany).toThrow(/KG_MAX_DOC_MENTIONS/);
    try {
      tooMany();
    } catch (err) {
      expect((err as DocumentRefusedError).code).toBe('DOCUMENT_TOO_DENSE');
    }
    expect(() => toRows(doc, source, normaliseKey, { ...DEFAULT_ROW_LIMITS, pairsPerDocument: 1 })).toThrow(/KG_MAX_DOC_PAIRS/);
  });
});

describe('evidence positions', () => {
  const text = 'رأس الوثيقة\n١- قالت الدولة 😀 إنها صدقت. ثم صدقت.\n٢- صدقت.';
  const paragraphs = [
    { number: '1', start: text.indexOf('١'), end: text.indexOf('\n٢') },
    { number: '2', start: text.indexOf('٢'), end: text.length },
  ];
  const slice = (at: number, start: number, end: number) => {
    const p = paragraphs[at];
    return Array.from(text.slice(p.start, p.end)).slice(start, end).join(''); // code points, as Cypher's substring
  };

  test('a sentence is located in the paragraph numbered as the relation first, by code-point offsets', () => {
    const inTwo = locateEvidence('صدقت.', '2', paragraphs, text);
    expect(inTwo.at).toBe(1);
    expect(slice(inTwo.at, inTwo.start, inTwo.end)).toBe('صدقت.');
    // No number (or another one): the first paragraph containing it, its first occurrence, after an astral character.
    const first = locateEvidence('صدقت.', null, paragraphs, text);
    expect(first.at).toBe(0);
    expect(first.start).toBe(Array.from(text.slice(paragraphs[0].start, text.indexOf('صدقت.'))).length);
    expect(slice(first.at, first.start, first.end)).toBe('صدقت.');
  });

  test('a sentence lying in no paragraph (a header line, or across two) is not located', () => {
    expect(locateEvidence('رأس الوثيقة', null, paragraphs, text)).toEqual({ at: -1, start: 0, end: 0 });
    expect(locateEvidence('ثم صدقت.\n٢- صدقت.', '1', paragraphs, text).at).toBe(-1);
    expect(locateEvidence('', '1', paragraphs, text).at).toBe(-1);
  });

  /** The rule as first written: numbered paragraphs first, then every paragraph sliced in order. */
  function reference(evidence: string, paragraph: string | null, ps: typeof paragraphs, t: string) {
    if (evidence) {
      const order = ps.map((p, i) => ({ p, i }));
      const numbered = paragraph && paragraph.trim() ? order.filter(({ p }) => p.number === paragraph) : [];
      for (const { p, i } of [...numbered, ...order]) {
        const body = t.slice(p.start, p.end);
        const k = body.indexOf(evidence);
        if (k >= 0) {
          const start = Array.from(body.slice(0, k)).length;
          return { at: i, start, end: start + Array.from(evidence).length };
        }
      }
    }
    return { at: -1, start: 0, end: 0 };
  }

  test('the per-document locator gives the answers of the first-written rule, ordered paragraphs or not', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n); // Park-Miller: exact in doubles
    const letters = ['ص', 'د', 'ق', ' ', '.', '\n', '😀'];
    for (let round = 0; round < 150; round++) {
      const t = Array.from({ length: 20 + rnd(60) }, () => letters[rnd(letters.length)]).join('');
      const cuts = [...new Set(Array.from({ length: 2 + rnd(8) }, () => rnd(t.length + 1)))].sort((a, b) => a - b);
      // Disjoint, ordered paragraphs with gaps (header lines) and repeated numbers; every third round shuffled.
      let ps = [] as { number: string | null; start: number; end: number }[];
      for (let i = 0; i + 1 < cuts.length; i += 1 + rnd(2)) ps.push({ number: rnd(3) ? String(1 + rnd(3)) : null, start: cuts[i], end: cuts[i + 1] });
      if (round % 3 === 0) ps = ps.reverse();
      const locate = evidenceLocator(ps, t);
      for (let q = 0; q < 20; q++) {
        const from = rnd(t.length);
        const evidence = t.slice(from, from + 1 + rnd(6)).replace(/^[\udc00-\udfff]|[\ud800-\udbff]$/g, '');
        const paragraph = rnd(4) ? String(1 + rnd(3)) : null;
        expect(locate(evidence, paragraph)).toEqual(reference(evidence, paragraph, ps, t));
      }
    }
  });
});
