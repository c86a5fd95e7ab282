/**
 * Entities named by constructions the head-noun grammar does not read alone, and the relations an
 * entity's own name states (relate/names.ts). Sentences written for these tests.
 */
import { extractDocument } from '../../../src/extract/pipeline';

const run = (text: string) => extractDocument(text, 'test.txt');
const mentionsOf = (text: string, id: string) => run(text).entities.find((e) => e.id === id)?.mentions.map((m) => m.text) ?? [];
const rel = (text: string, type: string) =>
  run(text)
    .relations.filter((r) => r.type === type)
    .map((r) => `${r.from} -> ${r.to}`);

describe('a dual head distributed over coordinated names', () => {
  const text = 'وانضمت الأردن إلى بروتوكولي منع الاتجار بالأشخاص وتهريب المهاجرين المكملين للاتفاقية.';

  it('gives one instrument per conjunct, each found in the lexicon', () => {
    expect(mentionsOf(text, 'instrument:trafficking-protocol')).toEqual(['بروتوكولي منع الاتجار بالأشخاص']);
    // The adjective agreeing with the dual ("المكملين") belongs to both, not to the second name.
    expect(mentionsOf(text, 'instrument:smuggling-protocol')).toEqual(['تهريب المهاجرين']);
  });

  it('reads a conjunct written with a separate "و" and a lexicon name that goes on past a preposition', () => {
    const t = 'وقعت الحكومة بروتوكولي مكافحة الاتجار بالأشخاص و مكافحة تهريب المهاجرين عن طريق البر والبحر والجو في العام الماضي.';
    expect(mentionsOf(t, 'instrument:trafficking-protocol')).toEqual(['بروتوكولي مكافحة الاتجار بالأشخاص']);
    expect(mentionsOf(t, 'instrument:smuggling-protocol')).toEqual(['مكافحة تهريب المهاجرين عن طريق البر والبحر والجو']);
  });

  it('names nothing for a dual standing alone', () => {
    const ents = run('وصدقت الحكومة على البروتوكولين الملحقين بالاتفاقية.').entities.filter((e) => e.type === 'Instrument');
    expect(ents).toEqual([]);
  });
});

describe('relations from an office name', () => {
  it('makes a regional office named with its parent body a member of it, skipping "الإقليمي"', () => {
    const t = 'قدم مكتب الأمم المتحدة الإقليمي المعني بالمخدرات والجريمة للشرق الأوسط وشمال أفريقيا الدعم، ورحب مكتب الأمم المتحدة المعني بالمخدرات والجريمة بذلك.';
    expect(rel(t, 'MEMBER_OF')).toEqual(['agency:unodc-romena -> agency:unodc']);
  });

  it('makes a mission of a named body a member of it, but never of the United Nations as a whole', () => {
    const t = 'وزارت بعثة الاتحاد الأوروبي لدعم الحدود في ليبيا مقر الاتحاد الأوروبي، وزار مكتب الأمم المتحدة للتنسيق الإنساني مقر الأمم المتحدة.';
    const got = rel(t, 'MEMBER_OF');
    expect(got.some((r) => r.endsWith('-> agency:eu'))).toBe(true);
    expect(got.some((r) => r.endsWith('-> agency:un'))).toBe(false);
  });

  it('does not make the office of a person a member of the body in that person\'s title', () => {
    const t = 'وأصدر مكتب الممثل الخاص للأمين العام المعني بالعنف ضد الأطفال تقريرا، وعلق الأمين العام عليه.';
    expect(rel(t, 'MEMBER_OF').filter((r) => r.endsWith('-> agency:secretary-general'))).toEqual([]);
  });
});

describe('an instrument named by a relative clause and a date', () => {
  const text =
    'عُدلت الاتفاقية الدولية لعام 1921 بموجب البروتوكول الذي اعتمدته الجمعية العامة في 12 نوفمبر 1950، ثم بموجب البروتوكول الذي أقرته الجمعية العامة في 5 يناير 1952. ويسري البروتوكول المذكور أعلاه منذ ذلك الحين.';

  it('tells two protocols apart by their dates and names each with its clause', () => {
    const prot = run(text).entities.filter((e) => e.category === 'PROTOCOL');
    expect(prot.map((e) => e.nameAr)).toEqual(['البروتوكول الذي اعتمدته الجمعية العامة في 12 نوفمبر 1950', 'البروتوكول الذي أقرته الجمعية العامة في 5 يناير 1952']);
    expect(new Set(prot.map((e) => e.id)).size).toBe(2);
  });

  it('takes "البروتوكول المذكور أعلاه" back to the latest one', () => {
    const latest = run(text).entities.find((e) => e.nameAr?.includes('1952'));
    expect(latest?.mentions.length).toBe(2);
  });

  it('names nothing without a date in the clause', () => {
    expect(run('وأشار إلى البروتوكول الذي اعتمدته الجمعية العامة.').entities.filter((e) => e.type === 'Instrument')).toEqual([]);
  });
});

describe('offices, projects and name extents', () => {
  it('names an office of a body by the country it is in, and "المكتب" after it refers back to it', () => {
    const t = 'افتتحت منظمة العمل الدولية مكتبا جديدا لمنظمة الأمم المتحدة للطفولة (يونيسف) في دولة الكويت. وسيعمل المكتب مع الحكومة.';
    const office = run(t).entities.find((e) => e.type === 'Agency' && e.id.endsWith('-kw'));
    expect(office?.mentions.map((m) => m.text)).toEqual(['مكتبا جديدا لمنظمة الأمم المتحدة للطفولة', 'المكتب']);
    expect(rel(t, 'MEMBER_OF')).toContain(`${office?.id} -> agency:unicef`);
  });

  it('names a project by a possessive head and a quoted title', () => {
    const t = 'وأطلقت المنظمة مشروعها الأول في الأردن من أجل "حماية العمال المهاجرين من الاستغلال". ويستمر المشروع عامين.';
    const proj = run(t).entities.filter((e) => e.type === 'Programme');
    expect(proj.length).toBe(1);
    expect(proj[0].mentions.length).toBe(2);
  });

  it('ends a ministry\'s name before a coordinated title of a person', () => {
    const t = 'وحضر ممثلون عن وزارة العمل والمنسق المقيم للأمم المتحدة لبحث الخطة.';
    expect(run(t).entities.filter((e) => e.type === 'Agency').map((e) => e.mentions[0].text)).toContain('وزارة العمل');
  });
});

describe('bodies named inside an office name', () => {
  const t = 'ونظم مكتب الأمم المتحدة المعني بالمخدرات والجريمة في منطقة دول مجلس التعاون الخليجي دورة تدريبية.';

  it('are mentions of their own, besides the office', () => {
    const got = run(t).entities.map((e) => e.id);
    expect(got).toEqual(expect.arrayContaining(['agency:unodc-gcc-office', 'agency:unodc']));
    expect(got.some((id) => id === 'agency:un')).toBe(false); // the umbrella inside UNODC's name is not
  });

  it('make the office a member of the parent whose name it starts with', () => {
    expect(rel(t, 'MEMBER_OF')).toEqual(['agency:unodc-gcc-office -> agency:unodc']);
  });
});

describe('a training as an event', () => {
  it('is one event when news names it in its headline and again in its body, with its place', () => {
    const t = 'وزارة العدل ومنظمة العمل الدولية تعقدان أول تدريب لمفتشي العمل في الأردن\n\nعمّان - في الفترة من 3 إلى 5 مايو 2022، عقدت منظمة العمل الدولية تدريبًا لـ 20 مفتشا حول رصد العمل الجبري.';
    const ev = run(t).entities.filter((e) => e.type === 'Meeting');
    expect(ev.length).toBe(1);
    expect(ev[0].mentions.length).toBe(2);
    expect(ev[0].properties.place).toBe('Jordan');
  });

  it('is no event as an activity without a date or place, a purpose or a topic', () => {
    const t = 'ويواصل المكتب تدريب القضاة. وأعد المكتب دليلا لتدريب المدربين في جميع المناطق، ونظم حلقة عمل عن تدريب المحققين.';
    expect(run(t).entities.filter((e) => e.type === 'Meeting')).toEqual([]);
  });
});

describe('a resolution named with its body\'s head alone', () => {
  const t = 'وإذ تشير إلى قرار المجلس الاقتصادي والاجتماعي 2004/12، وإذ تضع في اعتبارها قرار المجلس 2006/27 المؤرخ 27 تموز/يوليه 2006،';

  it('numbered year/number, is the resolution of the body named before, not the Assembly\'s', () => {
    const ids = run(t).entities.map((e) => e.id);
    expect(ids).toContain('instrument:ecosoc-res-2006-27');
    expect(ids).not.toContain('instrument:ga-res-2006-27');
  });

  it('was adopted by that body', () => {
    expect(rel(t, 'ADOPTED')).toContain('agency:ecosoc -> instrument:ecosoc-res-2006-27');
  });
});

describe('a resolution whose number heads its own text', () => {
  const t = '63/194 تحسين التنسيق في مجال مكافحة الاتجار بالأشخاص\n\nإن الجمعية العامة،\n\nإذ تشير إلى قرارها 61/144،\n';

  it('is that resolution, adopted by the body of the enacting formula', () => {
    expect(run(t).entities.map((e) => e.id)).toContain('instrument:ga-res-63-194');
    expect(rel(t, 'ADOPTED')).toContain('agency:ga -> instrument:ga-res-63-194');
  });

  it('cites the resolutions it recalls and the instruments its title names', () => {
    const t2 = '63/194 تحسين تنفيذ بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص\n\nإن الجمعية العامة،\n\nإذ تشير إلى قرارها 61/144 وإلى قرار المجلس الاقتصادي والاجتماعي 2004/45،\n';
    const cites = rel(t2, 'CITES');
    expect(cites).toEqual(expect.arrayContaining(['instrument:ga-res-63-194 -> instrument:ga-res-61-144', 'instrument:ga-res-63-194 -> instrument:ecosoc-res-2004-45', 'instrument:ga-res-63-194 -> instrument:trafficking-protocol']));
  });

  it('is not read from a number inside a sentence', () => {
    expect(run('ورد في الفقرة 63/194 ذلك.').entities.map((e) => e.id)).not.toContain('instrument:ga-res-63-194');
  });
});

describe('a headline naming its event by the head alone', () => {
  it('is the first event the body names', () => {
    const t = 'المنظمة والحكومة تنظمان تدريباً عن مكافحة العمل الجبري في لبنان\n\nبيروت - عقدت المنظمة حلقة عمل وطنية حول مكافحة العمل الجبري في لبنان في 10 أيار/مايو 2021.';
    const ev = run(t).entities.filter((e) => e.type === 'Meeting');
    expect(ev.length).toBe(1);
    expect(ev[0].mentions.map((m) => m.text)).toEqual(['تدريباً', 'حلقة عمل وطنية حول مكافحة العمل الجبري']);
  });
});

describe('a treaty heading its own text', () => {
  it('cites the instruments its preamble lists, but not the resolution that approved it', () => {
    const t = 'اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية\nاعتمدت بموجب قرار الجمعية العامة 55/25\nإن الدول الأطراف في هذه الاتفاقية، إذ تشير إلى اتفاقية الأمم المتحدة لمكافحة الاتجار غير المشروع في المخدرات والمؤثرات العقلية لسنة 1988،\n';
    const got = run(t).relations.filter((r) => r.type === 'CITES' && r.from === 'instrument:untoc');
    expect(got.map((r) => r.to)).not.toContain('instrument:ga-res-55-25');
    expect(got.length).toBe(1);
  });
});

describe('a news headline that starts with an instrument\'s name', () => {
  it('makes the instrument cite nothing', () => {
    const t = 'اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية تدخل حيز النفاذ في العراق\nوأشار المتحدث إلى بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص.';
    expect(run(t).relations.filter((r) => r.type === 'CITES' && r.from === 'instrument:untoc')).toEqual([]);
  });
});

describe('an agreement signed by named parties', () => {
  it('is an instrument both parties adopted', () => {
    const t = 'وفي عام 2019، وقّعت منظمة العمل الدولية والمنظمة الدولية للهجرة اتفاقا لتعزيز التعاون في حماية العمال المهاجرين.';
    const agr = run(t).entities.filter((e) => e.type === 'Instrument');
    expect(agr.length).toBe(1);
    expect(rel(t, 'ADOPTED').sort()).toEqual([`agency:ilo -> ${agr[0].id}`, `agency:iom -> ${agr[0].id}`]);
  });
});

describe('a minister of a named State', () => {
  it('stands for the ministry, and the State closes the name', () => {
    const t = 'وحضر وزير داخلية بيلاروس الاجتماع، ثم زار وفد من وزارة داخلية بيلاروس المنظمة. وقال وزير الخارجية إن الحكومة ملتزمة.';
    const ags = run(t).entities.filter((e) => e.type === 'Agency');
    expect(ags.map((e) => e.mentions.map((m) => m.text))).toEqual([['وزير داخلية بيلاروس', 'وزارة داخلية بيلاروس']]);
  });
});

describe('a news text opening with a resolution\'s name', () => {
  it('does not make that resolution cite the others', () => {
    const t = 'قرار مجلس الأمن 2388 (2017) يدين الاتجار بالأشخاص في مناطق النزاع\nوذكر القرار بالقرار 2331 (2016).';
    expect(run(t).relations.filter((r) => r.type === 'CITES' && r.from.startsWith('instrument:'))).toEqual([]);
  });
});
