import { documentId, documentIdFromFile, rapporteurId, resolutionId, sessionId, slug, symbolId } from '../../../src/extract/ids';
import { documentIdFor } from '../../../src/graph/rows';

describe('id rules (one module for extraction and ingestion)', () => {
  test('a document is its symbol, else its file name', () => {
    expect(symbolId('A/HRC/32/41')).toBe('document:a-hrc-32-41');
    expect(symbolId('E/CN.6/2007/2')).toBe('document:e-cn-6-2007-2');
    expect(documentIdFromFile('/x/y/001_ABC def.txt')).toBe('document:001-abc-def');
    expect(documentId(null, 'seeds/002_e1.txt')).toBe('document:002-e1');
    expect(documentId('S/2016/361', 'seeds/002_e1.txt')).toBe('document:s-2016-361');
  });

  test('ingestion gives a document the id extraction gives it', () => {
    const meta = { symbol: 'CTOC/COP/2012/2', date: null, title: null, body: null, language: 'ar', originalLanguage: null, session: null, agendaItem: null, subjects: [] };
    expect(documentIdFor({ file: 'a.txt', document: meta })).toBe(documentId('CTOC/COP/2012/2', 'a.txt'));
    expect(documentIdFor({ file: 'dir/b c.txt', document: { ...meta, symbol: null } })).toBe(documentId(null, 'dir/b c.txt'));
  });

  test('sessions, resolutions and mandates', () => {
    expect(sessionId('agency:hrc', 10)).toBe('meeting:hrc-10');
    expect(resolutionId('agency:ga', false, '61/144')).toBe('instrument:ga-res-61-144');
    expect(resolutionId(null, true, '5/2')).toBe('instrument:dec-5-2');
    expect(rapporteurId('INDEPENDENT_EXPERT', ['عنف', 'اطفال'])).toBe('rapporteur:ie-enf-atfal');
    expect(slug('الاتجار بالأشخاص')).toBe('atjar-ashkhas');
  });
});
