import type { LexiconEntry } from '../../../src/model';
import { buildIndex } from '../../../src/extract/lexicon-index';
import { Candidate, match } from '../../../src/extract/match';
import { tokeniseDocument } from '../../../src/extract/tokens';

const LEX: LexiconEntry[] = [
  { id: 'agency:un', type: 'Agency', category: 'IGO', nameEn: 'United Nations', nameAr: 'الأمم المتحدة' },
  { id: 'agency:unodc', type: 'Agency', category: 'UN_ENTITY', nameEn: 'United Nations Office on Drugs and Crime', nameAr: 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة', acronym: 'UNODC', variants: ['مكتب الأمم المتحدة المعني بالجريمة والمخدرات'], anaphora: ['المكتب'] },
  { id: 'agency:iom', type: 'Agency', category: 'IGO', nameEn: 'International Organization for Migration', nameAr: 'المنظمة الدولية للهجرة', acronym: 'IOM' },
  { id: 'agency:csw', type: 'Agency', category: 'INTERGOVERNMENTAL_BODY', nameEn: 'Commission on the Status of Women', nameAr: 'لجنة وضع المرأة' },
  { id: 'agency:hrc', type: 'Agency', category: 'INTERGOVERNMENTAL_BODY', nameEn: 'Human Rights Council', nameAr: 'مجلس حقوق الإنسان', acronym: 'HRC' },
  { id: 'instrument:untoc', type: 'Instrument', category: 'CONVENTION', nameEn: 'United Nations Convention against Transnational Organized Crime', nameAr: 'اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية' },
  { id: 'agency:cop-untoc', type: 'Agency', category: 'INTERGOVERNMENTAL_BODY', nameEn: 'Conference of the Parties to UNTOC', nameAr: 'مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية' },
  { id: 'agency:security-council', type: 'Agency', category: 'UN_ORGAN', nameEn: 'Security Council', nameAr: 'مجلس الأمن' },
  { id: 'country:ma', type: 'Country', nameEn: 'Morocco', nameAr: 'المغرب', properties: { iso2: 'MA' } },
];
const index = buildIndex(LEX);

function run(text: string): (Candidate & { text: string })[] {
  return match(tokeniseDocument(text), index).map((c) => ({ ...c, text: text.slice(c.start, c.end) }));
}
const lexical = (text: string) => run(text).filter((c) => c.source === 'lexicon').map((c) => [c.entryId, c.text]);

describe('lexicon matching', () => {
  it('matches names through proclitics and keeps the exact original text', () => {
    expect(lexical('وللأمم المتحدة دور')).toEqual([['agency:un', 'للأمم المتحدة']]);
    expect(lexical('والمنظمة الدولية للهجرة')).toEqual([['agency:iom', 'المنظمة الدولية للهجرة']]);
    expect(lexical('الدورة الثالثة والخمسين للجنة وضع المرأة')).toEqual([['agency:csw', 'لجنة وضع المرأة']]);
    expect(lexical('وصدّق المغربُ')).toEqual([['country:ma', 'المغربُ']]);
  });

  it('matches spelling variants, tashkeel, tatweel and line breaks inside names', () => {
    expect(lexical('مكتب الأمم المتحدة المعني بالجريمة\nوالمخدرات')[0][0]).toBe('agency:unodc');
    expect(lexical('مكتب الأمـم المتحـدة المعنى بالمخدرات والجريمة')[0][0]).toBe('agency:unodc');
  });

  it('prefers the longest name, drops names nested in a name of the same kind, keeps other kinds', () => {
    const c = lexical('مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية');
    expect(c.map((x) => x[0])).toEqual(['agency:cop-untoc', 'instrument:untoc']);
  });

  it('matches Latin acronyms only in capitals and never inside document symbols', () => {
    expect(lexical('المكتب (UNODC)')).toEqual([['agency:unodc', 'UNODC']]);
    expect(lexical('unodc')).toEqual([]);
    const all = run('انظر A/HRC/32/41 و Add.1');
    expect(all.map((c) => [c.kind, c.text])).toEqual([['Document', 'A/HRC/32/41']]);
  });
});

describe('patterns', () => {
  const pat = (text: string) => run(text).filter((c) => c.source === 'pattern');

  it('reads numbered sessions with their body, possessive and dual forms', () => {
    const c = pat('الدورة العاشرة لمجلس حقوق الإنسان');
    expect(c[0]).toMatchObject({ kind: 'Meeting', text: 'الدورة العاشرة لمجلس حقوق الإنسان', pattern: { type: 'session', ordinal: 10, bodyId: 'agency:hrc' } });
    expect(pat('في دورته السابعة')[0].pattern).toEqual({ type: 'session', ordinal: 7, bodyId: null });
    expect(pat('الدورة الـ٢٧ لمجلس حقوق الإنسان')[0].pattern).toEqual({ type: 'session', ordinal: 27, bodyId: 'agency:hrc' });
    expect(pat('الدورتين الحادية والستين والثانية والستين').map((x) => (x.pattern as { ordinal: number }).ordinal)).toEqual([61, 62]);
  });

  it('reads resolutions with body and number, in both digit systems, flipped numbers and lists', () => {
    expect(pat('قرار مجلس حقوق الإنسان 8/12')[0]).toMatchObject({ kind: 'Instrument', text: 'قرار مجلس حقوق الإنسان 8/12', pattern: { number: '8/12', bodyId: 'agency:hrc' } });
    expect(pat('القرار ١٤٤/٦١')[0].pattern).toMatchObject({ number: '61/144' });
    expect(pat('القرارين 63/156 و63/194').map((x) => [x.text, (x.pattern as { number: string }).number])).toEqual([
      ['القرارين 63/156', '63/156'],
      ['63/194', '63/194'],
    ]);
    expect(pat('قرار مجلس الأمن 2331 (2016)')[0].pattern).toMatchObject({ number: '2331 (2016)' });
    expect(pat('قرار مجلس الأمن رقم ٢٣٨٨ بشأن الاتجار')[0]).toMatchObject({ text: 'قرار مجلس الأمن رقم ٢٣٨٨', pattern: { number: '2388', bodyId: 'agency:security-council' } });
  });

  it('reads special procedures with their mandate, and leaves a bare title as an anaphor', () => {
    const c = pat('وتناولت المقررة الخاصة المعنية بمسألة العنف ضد المرأة وأسبابه وعواقبه هذه المسألة');
    expect(c[0]).toMatchObject({ kind: 'Rapporteur', text: 'المقررة الخاصة المعنية بمسألة العنف ضد المرأة وأسبابه وعواقبه' });
    const bare = run('وأشارت المقررة الخاصة إلى ذلك').filter((x) => x.source === 'anaphor');
    expect(bare[0]).toMatchObject({ text: 'المقررة الخاصة', anaphorKinds: ['Rapporteur'] });
  });

  it('reads named meetings and programmes up to a clause boundary', () => {
    expect(pat('نظمت المؤتمر الدولي المعني بالاتجار بالنساء والفتيات كوثيقة رسمية')[0]).toMatchObject({ kind: 'Meeting', text: 'المؤتمر الدولي المعني بالاتجار بالنساء والفتيات' });
    expect(pat('وعقدت حلقة عمل إقليمية، في آذار/مارس')[0]).toMatchObject({ kind: 'Meeting', text: 'حلقة عمل إقليمية' });
    expect(pat('يدير صندوق دعم ضحايا الاتجار بالبشر')[0]).toMatchObject({ kind: 'Programme', text: 'صندوق دعم ضحايا الاتجار بالبشر' });
    // A definite head followed by an indefinite word starts a clause, not a name.
    expect(pat('وأكد المؤتمر ضيوف الشرف')).toEqual([]);
    // A programme needs a topic: "برنامج عمل" in general is not one.
    expect(pat('اعتمد برنامج عمل للسنوات المقبلة')).toEqual([]);
  });

  it('takes a quoted title as the name of an event, and needs it for general heads', () => {
    const c = pat('استضاف المكتب حدثا للدول الأعضاء عنوانه "بناء تدابير أفضل للتصدي: الاتجار بالبشر في سياق السياحة" في نيسان');
    expect(c[0]).toMatchObject({ kind: 'Meeting', text: 'حدثا للدول الأعضاء عنوانه "بناء تدابير أفضل للتصدي: الاتجار بالبشر في سياق السياحة' });
    expect(pat('وكان الحدث مهما وعقد اجتماع للجنة')).toEqual([]);
  });

  it('marks definite heads standing alone as anaphors', () => {
    const a = run('مكتب الأمم المتحدة المعني بالمخدرات والجريمة. ويواصل المكتب عمله').filter((x) => x.source === 'anaphor');
    expect(a.map((x) => x.text)).toEqual(['المكتب']);
  });
});
