import { relationSpec } from '../../../src/model';
import { extractDocument } from '../../../src/extract/pipeline';

function rels(text: string) {
  const d = extractDocument(text, 't.txt');
  return { d, r: d.relations.map((x) => `${x.type} ${x.from} ${x.to}`) };
}

describe('relations', () => {
  it('reads ratification by a country of an instrument', () => {
    const { d, r } = rels('١- وصدّق المغرب على بروتوكول الاتجار بالأشخاص في عام ٢٠١١.');
    expect(r).toContain('RATIFIED country:ma instrument:trafficking-protocol');
    const rel = d.relations.find((x) => x.type === 'RATIFIED')!;
    expect(rel.evidence).toBe('١- وصدّق المغرب على بروتوكول الاتجار بالأشخاص في عام ٢٠١١.');
    expect(rel.paragraph).toBe('1');
    expect(rel.confidence).toBeGreaterThan(0.5);
  });

  it('reads a protocol supplementing a convention', () => {
    const { r } = rels('تنفيذ بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال، المكمل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية.');
    expect(r).toContain('SUPPLEMENTS instrument:trafficking-protocol instrument:untoc');
  });

  it('reads who organised a meeting', () => {
    const { r } = rels('ونظم مكتب الأمم المتحدة المعني بالمخدرات والجريمة حلقة عمل إقليمية بشأن التشريعات.');
    expect(r.some((x) => x.startsWith('ORGANIZED agency:unodc meeting:'))).toBe(true);
  });

  it('only emits relations whose ends have the kinds model/relations.json allows', () => {
    const { d } = rels(
      'وأنشأ مجلس حقوق الإنسان، بموجب قراره 6/14، ولاية المقرر الخاص المعني بأشكال الرق المعاصرة. ونظمت المفوضية بالتعاون مع اليونيسيف حلقة عمل في البرازيل. ' +
        'وصدقت الهند على الاتفاقية. وقدمت المقررة الخاصة تقريرها إلى مجلس حقوق الإنسان.',
    );
    expect(d.relations.length).toBeGreaterThan(0);
    const kind = new Map<string, string>(d.entities.map((e) => [e.id, e.type]));
    kind.set(d.document.id!, 'Document'); // the document itself, source of CITES
    for (const rel of d.relations) {
      const spec = relationSpec(rel.type)!;
      expect(spec).toBeDefined();
      expect(spec.from).toContain(kind.get(rel.from));
      expect(spec.to).toContain(kind.get(rel.to));
      expect(rel.from).not.toBe(rel.to);
    }
  });

  it('uses lines as paragraphs for co-occurrence in text without numbered paragraphs (news)', () => {
    const { d } = rels('تعمل اليونيسيف في الهند.\nوتعمل المنظمة الدولية للهجرة في مصر.');
    const pairs = d.cooccurrences.map((c) => `${c.paragraph} ${c.a} ${c.b}`);
    expect(pairs).toContain('null agency:unicef country:in');
    expect(pairs.some((p) => p.includes('country:in') && p.includes('country:eg'))).toBe(false);
  });

  it('lets the document cite the symbols and resolutions it names', () => {
    const { d, r } = rels('١- أُعد هذا التقرير عملاً بقرار مجلس حقوق الإنسان 8/12 (انظر A/HRC/32/41).');
    expect(d.document.id).toBe('document:t');
    expect(r).toEqual(expect.arrayContaining(['CITES document:t instrument:hrc-res-8-12', 'CITES document:t document:a-hrc-32-41']));
  });

  it('keeps paragraph co-occurrences apart from typed relations', () => {
    const { d } = rels('١- تعمل اليونيسيف في الهند ونيبال.\n٢- وتعمل المنظمة الدولية للهجرة في مصر.');
    const pairs = d.cooccurrences.map((c) => `${c.paragraph} ${c.a} ${c.b}`);
    expect(pairs).toContain('1 country:in country:np');
    expect(pairs.some((p) => p.startsWith('1') && p.includes('country:eg'))).toBe(false);
    expect(d.relations.every((x) => x.type !== 'CO_OCCURS')).toBe(true);
  });
});
