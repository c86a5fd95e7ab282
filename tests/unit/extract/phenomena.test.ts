/**
 * One test per phenomenon of Arabic text as people publish it, on sentences written for these
 * tests (not taken from any gold text): what becomes an entity, with which id, and what does not.
 */
import { extractDocument } from '../../../src/extract/pipeline';
import type { ExtractedEntity } from '../../../src/extract/types';

const run = (text: string) => extractDocument(text, 'test.txt').entities;
const ids = (text: string) => run(text).map((e) => e.id);
const byId = (text: string, id: string): ExtractedEntity | undefined => run(text).find((e) => e.id === id);
const mentionsOf = (text: string, id: string) => byId(text, id)?.mentions.map((m) => m.text) ?? [];

describe('text as people publish it', () => {
  it('reads two words glued by a lost space before an article', () => {
    expect(ids('وقد رحبت الاممالمتحدة بالخطة الجديدة.')).toContain('agency:un');
  });

  it('ignores tatweel and tashkeel inside a name and keeps the exact original text', () => {
    const text = 'يدعم مكتب الأمـــم المتّحدة المعني بالمخدرات والجريمة الحكومات.';
    expect(mentionsOf(text, 'agency:unodc')).toEqual(['مكتب الأمـــم المتّحدة المعني بالمخدرات والجريمة']);
  });

  it('tolerates a one-letter slip or two swapped letters in a long lexicon name, not in a short one', () => {
    expect(ids('قدم مكتب الأمم المتحدة المعني بالمخدرات والجرمية الدعم للحكومة.')).toContain('agency:unodc');
    expect(ids('وشاركت منظمة الأمم المتحدت للطفولة في الاجتماع.')).toContain('agency:unicef');
    expect(ids('وصلت بعثة الأمم المتحدت إلى البلد.')).not.toContain('agency:un'); // two words: too short to guess
  });

  it('makes no body of an office named only by its organisation', () => {
    expect(run('وأشار مكتب الأمم المتحدة إلى ذلك.').filter((e) => e.type === 'Agency').map((e) => e.id)).toEqual(['agency:un']);
    expect(ids('وافتتح مكتب مجلس أوروبا بتونس أبوابه.')).toContain('agency:mktb-mjls-awrwba-twns');
  });

  it('reads an ambiguous country form written with a shadda as the other word (عمّان is Amman, not Oman)', () => {
    expect(ids('عقد الاجتماع في عمّان.')).not.toContain('country:om');
    expect(ids('زار الوفد سلطنة عُمان.')).toContain('country:om');
  });

  it('resolves a pattern name one letter or one word away from a lexicon name to that entry', () => {
    // "المنظمة" left out of the Convention's name.
    expect(ids('انضمت الدولة إلى اتفاقية الأمم المتحدة لمكافحة الجريمة عبر الوطنية في العام الماضي.')).toContain('instrument:untoc');
  });
});

describe('numbers in one logical order', () => {
  it.each([
    ['أشارت الجمعية العامة إلى القرار ١٤٤/٦١ بشأن الاتجار بالنساء.', 'instrument:ga-res-61-144'],
    ['أشارت الجمعية العامة إلى القرار 61/144 بشأن الاتجار بالنساء.', 'instrument:ga-res-61-144'],
    ['وأشار مجلس الأمن في قراره ٢٠١٥ (٢٢٤٠) إلى تهريب المهاجرين.', 'instrument:security-council-res-2240'],
    ['وأشار مجلس الأمن في قراره ٢٢٤٠ (٢٠١٥) إلى تهريب المهاجرين.', 'instrument:security-council-res-2240'],
  ])('%s -> %s', (text, id) => {
    expect(ids(text)).toContain(id);
  });

  it('reads a year/number resolution of a council in that order', () => {
    const e = run('وإذ تذكر بقرار المجلس الاقتصادي والاجتماعي 2004 / 45 المؤرخ في تموز/يوليه.').find((x) => x.type === 'Instrument');
    expect(e?.properties.number).toBe('2004/45');
  });
});

describe('names beyond the lexicon', () => {
  it('reads a national law by its number and year, and its short mention as the same law', () => {
    const text = 'صدر القانون رقم (15) لسنة 2019 بشأن مكافحة الاتجار بالبشر. وينص القانون رقم 15 على حماية الضحايا.';
    const laws = run(text).filter((e) => e.type === 'Instrument');
    expect(laws).toHaveLength(1);
    expect(laws[0].properties).toMatchObject({ number: '15', year: 2019 });
    expect(laws[0].mentions).toHaveLength(2);
  });

  it('reads an older convention named with its date and purpose', () => {
    const e = run('صدقت الدولة على الاتفاقية الدولية المؤرخة 12 آب/أغسطس 1926 لقمع تجارة الرقيق.').find((x) => x.type === 'Instrument');
    expect(e?.mentions[0].text).toBe('الاتفاقية الدولية المؤرخة 12 آب/أغسطس 1926 لقمع تجارة الرقيق');
  });

  it('ends a name at a second purpose clause', () => {
    const e = run('أنشأت الحكومة اللجنة الوطنية لمكافحة الاتجار بالبشر لتنسيق الجهود الوطنية.').find((x) => x.type === 'Agency');
    expect(e?.mentions[0].text).toBe('اللجنة الوطنية لمكافحة الاتجار بالبشر');
  });

  it('takes a quoted title right after a programme head as its name', () => {
    const e = run('أطلقت المنظمة مشروع "حماية الأطفال المهاجرين من الاستغلال في المنطقة" في العام الماضي.').find((x) => x.type === 'Programme');
    expect(e?.mentions[0].text).toContain('حماية الأطفال المهاجرين');
  });

  it('reads feminine titles and a title split by its body as the same mandate', () => {
    const a = run('قدمت المقررة الخاصة المعنية بالاتجار بالأشخاص، ولا سيما النساء والأطفال، تقريرها.').filter((e) => e.type === 'Rapporteur');
    const b = run('زار مقرر الأمم المتحدة الخاص المعني بالاتجار بالأشخاص البلد.');
    expect(a).toHaveLength(1);
    expect(b.filter((e) => e.type === 'Rapporteur').map((e) => e.id)).toEqual([a[0].id]);
    expect(b.map((e) => e.id)).not.toContain('agency:un'); // the body inside the title is not a mention of its own
  });
});

describe('meetings and bodies', () => {
  it('resolves an ordinal meeting of a body to its numbered meeting, and "its meeting" to the body named before', () => {
    const text = 'عقد الفريق العامل المعني بالاتجار بالأشخاص اجتماعه السادس في فيينا. ثم ناقش الاجتماع السابع للفريق العامل المعني بالاتجار بالأشخاص التوصيات.';
    const got = ids(text);
    expect(got).toContain('meeting:cop-untoc-wg-tip-6');
    expect(got).toContain('meeting:cop-untoc-wg-tip-7');
  });

  it('keeps two unnamed workshops of different places and years apart', () => {
    const text = 'نظم المكتب حلقة عمل في عمّان في 3 آذار/مارس 2015. ونظم المكتب حلقة عمل في تونس في 5 أيار/مايو 2017.';
    const meetings = run(text).filter((e) => e.type === 'Meeting');
    expect(meetings).toHaveLength(2);
    expect(new Set(meetings.map((m) => m.id)).size).toBe(2);
  });

  it('keeps two editions of one named conference apart by their years', () => {
    const text = 'عقد المؤتمر الدولي لمكافحة الاتجار بالبشر في 3 آذار/مارس 2015. وعقد المؤتمر الدولي لمكافحة الاتجار بالبشر مرة أخرى في 5 أيار/مايو 2017.';
    const meetings = run(text).filter((e) => e.type === 'Meeting');
    expect(meetings.map((m) => m.properties.startDate).sort()).toEqual(['2015-03-03', '2017-05-05']);
    expect(meetings[0].id).not.toBe(meetings[1].id);
  });

  it('makes no meeting of a description, a count or a press conference', () => {
    const text = 'وعقد المكتب ٢٣ حلقة عمل خلال السنة. ونظمت الوزارة مؤتمرا صحفيا. وسيعقد مؤتمر إقليمي قريبا.';
    expect(run(text).filter((e) => e.type === 'Meeting')).toEqual([]);
  });
});

describe('words that are never mentions', () => {
  it('does not read set phrases as bodies, laws or rapporteurs', () => {
    const text = 'دربت المنظمة الدولية للهجرة موظفي إنفاذ القانون لمكافحة الاتجار بالأشخاص والجريمة المنظمة. ومن المقرر أن يستمر التدريب.';
    const got = run(text);
    expect(got.filter((e) => e.type === 'Instrument' || e.type === 'Rapporteur')).toEqual([]);
    expect(mentionsOf(text, 'agency:iom')).toEqual(['المنظمة الدولية للهجرة']);
  });

  it('does not count a body named as the owner of a group or of an instrument', () => {
    expect(ids('تعمل وكالات الأمم المتحدة معا في هذا المجال.')).not.toContain('agency:un');
    expect(ids('صدقت الدولة على اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية.')).not.toContain('agency:un');
  });
});

describe('a name several entries share', () => {
  const committee = 'اللجنة الوطنية لمكافحة الاتجار بالبشر';
  it('names the entry of the country the document names', () => {
    const text = `عقدت ${committee} اجتماعها الدوري في المنامة، وأكدت مملكة البحرين التزامها بحماية الضحايا.`;
    const found = ids(text);
    expect(found).toContain('agency:bh-ncctip');
    expect(found).not.toContain('agency:ae-nccht');
    const other = `أعلنت ${committee} عن خطة جديدة، ورحبت دولة الكويت بالخطة.`;
    expect(ids(other)).toContain('agency:kw-npc-tip-som');
  });

  it('names none of them when the document names no country, or two of theirs', () => {
    const national = (text: string) => ids(text).filter((id) => /^agency:[a-z]{2}-/.test(id));
    expect(national(`أصدرت ${committee} تقريرها السنوي عن أنشطتها.`)).toEqual([]);
    expect(national(`ناقش وفدا دولة قطر والمملكة العربية السعودية مع ${committee} سبل التعاون.`)).toEqual([]);
  });
});
