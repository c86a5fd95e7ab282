import { extractDocument } from '../../../src/extract/pipeline';
import { classifyMandate } from '../../../src/extract/resolve';
import { slug } from '../../../src/extract/ids';
import { defaultIndex } from '../../../src/extract/lexicon-index';
import { bare, normaliseKey } from '../../../src/extract/arabic';

const ids = (text: string) => extractDocument(text, 't.txt').entities.map((e) => e.id);
const entity = (text: string, id: string) => extractDocument(text, 't.txt').entities.find((e) => e.id === id);

describe('resolution', () => {
  it('maps full names, short names, spelling variants and acronyms to one canonical entity', () => {
    const text =
      'أعد مكتب الأمم المتحدة المعني بالمخدرات والجريمة تقريراً. وقدم مكتب الأمم المتحدة المعني بالجريمة والمخدرات (UNODC) الدعم. ' +
      'وصدّقت الهند على بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال، وعلى بروتوكول الاتجار بالأشخاص.';
    const d = extractDocument(text, 't.txt');
    const unodc = d.entities.filter((e) => e.type === 'Agency' && e.acronym === 'UNODC');
    expect(unodc).toHaveLength(1);
    expect(unodc[0]).toMatchObject({ id: 'agency:unodc', nameEn: 'United Nations Office on Drugs and Crime' });
    expect(unodc[0].mentions).toHaveLength(3);
    const protocols = d.entities.filter((e) => e.type === 'Instrument');
    expect(protocols.map((e) => e.id)).toEqual(['instrument:trafficking-protocol']);
    expect(protocols[0].mentions).toHaveLength(2);
  });

  it('resolves an anaphor to the entity named before it, and never before', () => {
    const before = entity('ويواصل المكتب عمله.', 'agency:unodc');
    expect(before).toBeUndefined();
    const after = entity('أنشأ مكتب الأمم المتحدة المعني بالمخدرات والجريمة شبكة. ويواصل المكتب عمله.', 'agency:unodc')!;
    expect(after.mentions.map((m) => m.text)).toEqual(['مكتب الأمم المتحدة المعني بالمخدرات والجريمة', 'المكتب']);
    expect(after.aliases).toEqual(['مكتب الأمم المتحدة المعني بالمخدرات والجريمة']); // anaphors are not aliases
  });

  it('gives sessions the same stable id in every document, from the body named or the header', () => {
    expect(ids('اعتمد مجلس حقوق الإنسان في دورته السابعة القرار 7/29.')).toEqual(expect.arrayContaining(['meeting:hrc-7', 'instrument:hrc-res-7-29']));
    expect(ids('الدورة العاشرة لمجلس حقوق الإنسان')).toContain('meeting:hrc-10');
    const header = 'Distr. GENERAL 6 February 2009 ARABIC Original: ENGLISH مجلس حقوق الإنسان الدورة العاشرة البند 2 من جدول الأعمال تقرير';
    const d = extractDocument(header, 'h.txt');
    expect(d.entities.find((e) => e.id === 'meeting:hrc-10')).toMatchObject({ nameEn: 'Human Rights Council, tenth session', properties: { sessionNumber: 10 } });
    expect(d.document).toMatchObject({ body: 'Human Rights Council', session: 'Human Rights Council, tenth session', date: '2009-02-06', originalLanguage: 'en', agendaItem: '2' });
  });

  it('infers the General Assembly for resolutions numbered session/number beyond the Council range', () => {
    expect(ids('ففي كانون الأول/ديسمبر 2008، اتخذت الهيئة القرار 63/156.')).toContain('instrument:ga-res-63-156');
    expect(entity('القرار ١٤٤/٦١', 'instrument:ga-res-61-144')).toMatchObject({ category: 'RESOLUTION', properties: { number: '61/144' } });
  });

  it('maps male, female and older wordings of a mandate to one rapporteur', () => {
    const index = defaultIndex();
    const words = (s: string) => normaliseKey(s).split(' ').map(bare);
    expect(classifyMandate(index, words('بالاتجار بالأشخاص، وبخاصة النساء والأطفال'))).toBe('rapporteur:sr-trafficking');
    const d = extractDocument('عينت المقررة الخاصة المعنية بالاتجار بالأشخاص. وقدم المقرر الخاص المعني بالاتجار بالأشخاص، لا سيما النساء والأطفال تقريره.', 't');
    expect(d.entities.filter((e) => e.type === 'Rapporteur').map((e) => e.id)).toEqual(['rapporteur:sr-trafficking']);
  });

  it('reads the mandate holder named after a rapporteur', () => {
    const e = entity('وقالت المقررة الخاصة المعنية بالاتجار بالأشخاص، السيدة ماريا غراتسيا جاماريناروا، إن البروتوكول مهم.', 'rapporteur:sr-trafficking')!;
    expect(e.properties.holder).toBe('ماريا غراتسيا جاماريناروا');
  });

  it('gives pattern entities readable ids that are the same across documents', () => {
    const a = ids('وعقدت حلقة عمل إقليمية بشأن التشريعات في الرأس الأخضر.');
    const b = ids('شارك المكتب في حلقة عمل إقليمية بشأن التشريعات.');
    const m = a.find((x) => x.startsWith('meeting:'))!;
    expect(m).toMatch(/^meeting:[a-z0-9-]+$/);
    expect(b).toContain(m);
    expect(slug('الاتجار بالأشخاص')).toBe('atjar-ashkhas');
  });

  it('attaches dates and place written after a meeting', () => {
    const e = entity('الدورة السادسة لمؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية\n\nفيينا، ١٥-١٩ تشرين الأول/أكتوبر ٢٠١٢', 'meeting:cop-untoc-6')!;
    expect(e.properties).toMatchObject({ sessionNumber: 6, startDate: '2012-10-15', endDate: '2012-10-19', place: 'Vienna' });
  });
});
