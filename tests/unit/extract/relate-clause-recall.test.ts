/**
 * Clause constructions added for recall (issue 15), one per test, on sentences written for these
 * tests. Each also says what must not come out.
 */
import { extractDocument } from '../../../src/extract/pipeline';

function rels(text: string) {
  const d = extractDocument(text, 't.txt');
  return { d, r: d.relations.filter((x) => x.type !== 'CITES').map((x) => `${x.type} ${x.from} ${x.to}`) };
}
const conf = (d: ReturnType<typeof extractDocument>, key: string) => d.relations.find((x) => `${x.type} ${x.from} ${x.to}` === key)?.confidence;

describe('relate: markers are not triggers', () => {
  it('"بالمشاركة مع X" names a co-organiser, not someone who took part', () => {
    const { r } = rels('ونظمت اليونيسيف، بالمشاركة مع المنظمة الدولية للهجرة، حلقة عمل إقليمية بشأن حماية الأطفال المهاجرين.');
    expect(r.some((x) => x.startsWith('ORGANIZED agency:unicef meeting:'))).toBe(true);
    expect(r.filter((x) => x.startsWith('PARTICIPATED_IN'))).toEqual([]);
  });
});

describe('relate: lists', () => {
  it('"بما في ذلك" adds the next name to the list before it', () => {
    const { r } = rels('وشاركت المنظمة الدولية للهجرة في منتدى فيينا، بما في ذلك حلقة العمل المعنية بالوقاية.');
    expect(r).toContain('PARTICIPATED_IN agency:iom meeting:vienna-forum-2008');
    expect(r.filter((x) => x.startsWith('PARTICIPATED_IN agency:iom meeting:')).length).toBe(2);
  });
});

describe('relate: where a meeting was held', () => {
  it('a State with في/بـ in the clause that organises the meeting', () => {
    const { d, r } = rels('وفي أيار/مايو 2019، نظمت اليونيسيف، في عمّان، بالأردن، حلقة عمل إقليمية بشأن حماية الأطفال.');
    const key = r.find((x) => x.startsWith('HELD_IN meeting:') && x.endsWith('country:jo'));
    expect(key).toBeDefined();
    expect(conf(d, key!)).toBeLessThan(0.8);
  });

  it('a State named as the topic of the actor, before the verb, is not the place', () => {
    const { r } = rels('ودعما للأردن، نظمت اليونيسيف حلقة عمل إقليمية بشأن حماية الأطفال.');
    expect(r.filter((x) => x.startsWith('HELD_IN'))).toEqual([]);
  });
});

describe('relate: resolutions in the clause', () => {
  it('a resolution named with its body, as subject, stands for the body ("وافق عليها قرار الجمعية العامة")', () => {
    const { r } = rels('بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص\nوافق عليه قرار الجمعية العامة 55/25 المؤرخ 15 تشرين الثاني/نوفمبر 2000');
    expect(r).toContain('ADOPTED agency:ga instrument:trafficking-protocol');
    expect(r.filter((x) => x.startsWith('ADOPTED instrument:'))).toEqual([]);
  });

  it('a resolution after بـ in an adopting clause was adopted by its actor', () => {
    const { r } = rels('وصدقت مصر على اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية التي اعتمدتها الجمعية العامة بالقرار 55/25 في عام 2000 بالقانون رقم 5 لسنة 2004.');
    expect(r).toEqual(expect.arrayContaining(['ADOPTED agency:ga instrument:untoc', 'ADOPTED agency:ga instrument:ga-res-55-25']));
    expect(r.filter((x) => x.startsWith('ADOPTED agency:ga') && x.includes('qanwn'))).toEqual([]);
  });
});

describe('relate: attributes and carried actors', () => {
  it('"المدار من قبل X": X administers the name before', () => {
    const { r } = rels('ويقدم صندوق الأمم المتحدة الاستئماني للتبرعات لضحايا الاتجار بالأشخاص المدار من قبل مكتب الأمم المتحدة المعني بالمخدرات والجريمة منحا صغيرة.');
    expect(r).toContain('ADMINISTERS agency:unodc programme:un-trust-fund-victims');
  });

  it('a verb with no actor in a later clause ("حيث أقيمت") takes the sentence subject, at low confidence', () => {
    const { d, r } = rels('وتواصل المنظمة الدولية للهجرة دعم الحكومات في المنطقة، حيث أقيمت حلقة عمل إقليمية بشأن حماية الأطفال في شهر أيار.');
    const key = r.find((x) => x.startsWith('ORGANIZED agency:iom meeting:'));
    expect(key).toBeDefined();
    expect(conf(d, key!)).toBeLessThan(0.8);
  });

  it('"وذلك بحضور X" qualifies the meeting the sentence named, however far back', () => {
    const { r } = rels('وعقدت اليونيسيف حلقة عمل إقليمية بشأن حماية الأطفال في شهر أيار، وذلك بحضور ممثلين عن المنظمة الدولية للهجرة.');
    expect(r.some((x) => x.startsWith('PARTICIPATED_IN agency:iom meeting:'))).toBe(true);
    expect(r.filter((x) => x.startsWith('ORGANIZED agency:iom'))).toEqual([]);
  });

  it('a verb trigger with a glued preposition ("لعقد") is a noun: at most the loose verbal-noun reading, never a verb\'s', () => {
    const { d } = rels('ويقدم مكتب الأمم المتحدة المعني بالمخدرات والجريمة الدعم للدول الأعضاء توطئة لعقد المؤتمر العالمي لمكافحة الاتجار بالأشخاص.');
    for (const x of d.relations.filter((y) => y.type === 'ORGANIZED')) expect(x.confidence).toBeLessThan(0.8);
  });

  it('"قام X بالعمل مع Y": partners', () => {
    const { r } = rels('وقامت اليونيسيف بالعمل مع المنظمة الدولية للهجرة على حماية الأطفال.');
    expect(r).toContain('PARTNERS_WITH agency:unicef agency:iom');
  });
});

describe('relate: a resolution naming its body by a noun', () => {
  it('"قرار المجلس 2005/5" after the Economic and Social Council was named: the Council adopted it, not the Assembly speaking', () => {
    const { r } = rels('إن الجمعية العامة،\nوإذ تشير إلى قرار المجلس الاقتصادي والاجتماعي 2004/10 المؤرخ 20 تموز/يوليه 2004، وإذ تضع قرار المجلس 2005/5 المؤرخ 22 تموز/يوليه 2005 في حسبانها،');
    const res = r.find((x) => x.startsWith('ADOPTED agency:ecosoc') && x.includes('2005-5'));
    expect(res).toBeDefined();
    expect(r.filter((x) => x.startsWith('ADOPTED agency:ga') && x.includes('2005-5'))).toEqual([]);
  });
});

describe('relate: relative clauses without a named antecedent', () => {
  it('after an indefinite noun, a verb with an object pronoun opens a relative clause ("حلقة عمل، نظمتها X")', () => {
    const { r } = rels('وقد جمعت حلقة عمل إقليمية بشأن حماية الأطفال، نظمتها اليونيسيف في عمّان، عددا من الخبراء.');
    expect(r.some((x) => x.startsWith('ORGANIZED agency:unicef meeting:'))).toBe(true);
  });

  it('"هذا المؤتمر، الذي نُظِّم بالاشتراك مع X": the word refers to the conference named before; X co-organised it', () => {
    const { r } = rels('واستضافت الأردن المؤتمر الإقليمي لمكافحة الاتجار بالأطفال. وحضر هذا المؤتمر، الذي نظم بالاشتراك مع منظمة الأمم المتحدة للطفولة، أكثر من مائة مشارك.');
    expect(r.some((x) => x.startsWith('ORGANIZED agency:unicef meeting:'))).toBe(true);
  });

});

describe('relate: lists around a relative clause', () => {
  const s =
    'وصادقت مصر على اتفاقية مجلس أوروبا لمكافحة الاتجار بالبشر التي اعتمدتها لجنة الوزراء في عام 2005 بالقانون رقم (3) لسنة 2010، واتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية بالقانون رقم (20) لسنة 2004 والتي اعتمدت من قبل الجمعية العامة بقرارها (55/25).';

  it('a name coordinated with "، و" after the relative clause of the object is an object too', () => {
    const { d, r } = rels(s);
    expect(r).toEqual(expect.arrayContaining(['RATIFIED country:eg instrument:untoc']));
    expect(conf(d, 'RATIFIED country:eg instrument:untoc')).toBeLessThan(0.8);
  });

  it('"والتي" describes the head of the list, not the law named last with بـ', () => {
    const { r } = rels(s);
    expect(r).toContain('ADOPTED agency:ga instrument:untoc');
    expect(r.filter((x) => x.startsWith('ADOPTED agency:ga instrument:qanwn'))).toEqual([]);
  });
});

describe('relate: "بقرارها ...، الذي وافقت بموجبه على X"', () => {
  it('the resolution is the means; the body that owns it adopted X', () => {
    const { d, r } = rels('إن الجمعية العامة،\nإذ تشير إلى قرارها 55/25 المؤرخ 15 تشرين الثاني/نوفمبر 2000، الذي اعتمدت بموجبه اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية،\n');
    expect(r).toContain('ADOPTED agency:ga instrument:untoc');
    expect(conf(d, 'ADOPTED agency:ga instrument:untoc')).toBeLessThan(0.8);
    expect(r.filter((x) => x.startsWith('ADOPTED instrument:'))).toEqual([]);
  });
});

describe('relate: a date between a verb and its subject', () => {
  it('"مذكرة تفاهم وقعها في أيار/مايو 2015 A وB": both signed (ADOPTED) the memorandum', () => {
    const { r } = rels('ويشير التقرير إلى مذكرة تفاهم وقعها في أيار/مايو 2015 مكتب الأمم المتحدة المعني بالمخدرات والجريمة واليونيسيف.');
    expect(r.filter((x) => x.startsWith('ADOPTED agency:unodc instrument:')).length).toBe(1);
    expect(r.filter((x) => x.startsWith('ADOPTED agency:unicef instrument:')).length).toBe(1);
  });
});

describe('relate: a verb form in construct after a noun is a verbal noun', () => {
  it('"مواصلة دعم الجهود": the main clause\'s actor is not read as the subject of دعم', () => {
    const { r } = rels('وبغية مواصلة دعم الجهود الوطنية، عقدت اليونيسيف حلقة عمل إقليمية بشأن حماية الأطفال في الأردن.');
    expect(r.some((x) => x.startsWith('ORGANIZED agency:unicef meeting:'))).toBe(true);
    expect(r.filter((x) => x.startsWith('ASSISTS'))).toEqual([]);
  });
});

describe('relate: organisers of news and invitations', () => {
  it('a dual subject before a dual verb ("A وB تعقدان"): both organise', () => {
    const { r } = rels('اليونيسيف والمنظمة الدولية للهجرة تعقدان حلقة عمل إقليمية بشأن حماية الأطفال');
    expect(r.filter((x) => x.startsWith('ORGANIZED agency:unicef meeting:') || x.startsWith('ORGANIZED agency:iom meeting:')).length).toBe(2);
    expect(r.filter((x) => x.startsWith('PARTICIPATED_IN'))).toEqual([]);
  });

  it('"تتشرف X بدعوتكم لحضور <meeting> يوم ... بـ<State>": X organises it, held there (a date between)', () => {
    const { r } = rels('تتشرف المنظمة الدولية للهجرة بدعوتكم لحضور المؤتمر الإقليمي لمكافحة الاتجار بالأطفال يوم الأربعاء 15 ديسمبر 2021 بالأردن.');
    expect(r.some((x) => x.startsWith('ORGANIZED agency:iom meeting:'))).toBe(true);
    expect(r.some((x) => x.startsWith('HELD_IN meeting:') && x.endsWith('country:jo'))).toBe(true);
    expect(r.filter((x) => x.startsWith('PARTICIPATED_IN'))).toEqual([]);
  });
});

describe('relate: titles with a preposition', () => {
  it('"دورات تدريبية لممثلي X": X took part, it did not organise', () => {
    const { r } = rels('كما نظمت في كانون الأول/ديسمبر 2006 حلقة عمل إقليمية بشأن حماية الأطفال لممثلي المنظمة الدولية للهجرة.');
    expect(r.some((x) => x.startsWith('PARTICIPATED_IN agency:iom meeting:'))).toBe(true);
    expect(r.filter((x) => x.startsWith('ORGANIZED agency:iom'))).toEqual([]);
  });

  it('"عهدت X إلى المدير التنفيذي لـY بتنسيق Z": Y coordinates Z, not X', () => {
    const { r } = rels('وقد عهدت الجمعية العامة للمدير التنفيذي لمكتب الأمم المتحدة المعني بالمخدرات والجريمة بتنسيق أنشطة فريق التنسيق المشترك بين الوكالات لمكافحة الاتجار بالأشخاص.');
    expect(r).toContain('COORDINATES agency:unodc agency:icat');
    expect(r.filter((x) => x.startsWith('COORDINATES agency:ga'))).toEqual([]);
  });
});

describe('relate: a meeting introduced by a plain word', () => {
  it('"بدعوتكم لحضور مؤتمر إقليمي ..." then "هذا المؤتمر الإقليمي ...": the invitation is for the conference named later', () => {
    const { d, r } = rels('تتشرف المنظمة الدولية للهجرة بدعوتكم لحضور مؤتمر إقليمي لتبادل الخبرات يوم الأربعاء.\n\nويحضر المؤتمر الإقليمي لمكافحة الاتجار بالأطفال ممثلون عن الحكومات.');
    const key = r.find((x) => x.startsWith('ORGANIZED agency:iom meeting:'));
    expect(key).toBeDefined();
    expect(conf(d, key!)).toBeLessThan(0.8);
  });
});

describe('relate: partners introduced by plain nouns', () => {
  it('"مع مؤسسات أخرى كـX": X is a partner', () => {
    const { r } = rels('وتتعاون اليونيسيف، في سياق عملها، مع مؤسسات أخرى كالمنظمة الدولية للهجرة في حماية الأطفال.');
    expect(r).toContain('PARTNERS_WITH agency:unicef agency:iom');
  });

  it('"بالتعاون مع أعضاء X": X is a partner', () => {
    const { r } = rels('وعملت اليونيسيف بالتعاون مع أعضاء فريق التنسيق المشترك بين الوكالات لمكافحة الاتجار بالأشخاص على حماية الأطفال.');
    expect(r).toContain('PARTNERS_WITH agency:unicef agency:icat');
  });
});

describe('relate: one span naming two bodies', () => {
  it('"البعثتان الدائمتان لمصر والأردن" as subject: both missions organise', () => {
    const { r } = rels('نظمت البعثتان الدائمتان لمصر والأردن لدى الأمم المتحدة حلقة عمل إقليمية بشأن حماية الأطفال.');
    const d = extractDocument('نظمت البعثتان الدائمتان لمصر والأردن لدى الأمم المتحدة حلقة عمل إقليمية بشأن حماية الأطفال.', 't.txt');
    const missions = d.entities.filter((e) => e.type === 'Agency' && e.id !== 'agency:un').map((e) => e.id);
    expect(missions.length).toBe(2);
    for (const id of missions) expect(r.some((x) => x.startsWith(`ORGANIZED ${id} meeting:`))).toBe(true);
    expect(r.filter((x) => x.includes(`${missions[0]} ${missions[1]}`) || x.includes(`${missions[1]} ${missions[0]}`))).toEqual([]);
  });
});

describe('relate: a preposition repeated with و after a date', () => {
  it('"انضمت مصر إلى A في آذار/مارس 2004 وإلى B في شباط/فبراير 2005": both', () => {
    const { r } = rels('وانضمت مصر إلى اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية في آذار/مارس 2004 وإلى بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص في شباط/فبراير 2005.');
    expect(r).toEqual(expect.arrayContaining(['RATIFIED country:eg instrument:untoc', 'RATIFIED country:eg instrument:trafficking-protocol']));
  });
});

describe('relate: the event formula "وذلك يوم ... بـ<place>"', () => {
  it('the place named after the date, behind a place noun, is where the meeting was held', () => {
    const { d, r } = rels('تنظم المنظمة الدولية للهجرة حلقة عمل إقليمية بشأن حماية الأطفال لفائدة المختصين من المنطقة، وذلك يوم الاثنين 7 مارس 2022 بمدينة الكويت.');
    const key = r.find((x) => x.startsWith('HELD_IN meeting:') && x.endsWith('country:kw'));
    expect(key).toBeDefined();
    expect(conf(d, key!)).toBeLessThan(0.8);
  });
});
