/**
 * Document-level facts (src/extract/relate/cites.ts): the instrument a resolution's or a treaty's
 * text is, what it cites, who adopted it; CITES between instruments. Sentences written for these
 * tests.
 */
import { extractDocument } from '../../../src/extract/pipeline';

function rels(text: string, file = 't.txt') {
  const d = extractDocument(text, file);
  return { d, r: d.relations.map((x) => `${x.type} ${x.from} ${x.to}`) };
}

describe('relate: a resolution\'s own text', () => {
  const text =
    '66 / 201 حماية ضحايا الاتجار بالأشخاص وتنفيذ اتفاقية حقوق الطفل\n\n' +
    'إن الجمعية العامة،\n\n' +
    'إذ تشير إلى قرارها 61/144 المؤرخ 19 كانون الأول/ديسمبر 2006،\n' +
    'وإذ تضع في اعتبارها الإعلان العالمي لحقوق الإنسان،\n' +
    '1 - تطلب إلى الأمين العام أن يقدم إليها تقريرا في دورتها المقبلة.\n';

  it('is that resolution: the heading gives it, the body of its enacting formula adopted it', () => {
    const { d, r } = rels(text);
    const own = d.entities.find((e) => e.id === 'instrument:ga-res-66-201');
    expect(own).toBeDefined();
    expect(own!.nameEn).toBe('General Assembly resolution 66/201');
    expect(own!.mentions[0].text).toBe('66 / 201');
    expect(r).toContain('ADOPTED agency:ga instrument:ga-res-66-201');
  });

  it('cites what its title and its preamble name, with the clause as evidence', () => {
    const { d, r } = rels(text);
    expect(r).toEqual(
      expect.arrayContaining([
        'CITES instrument:ga-res-66-201 instrument:crc',
        'CITES instrument:ga-res-66-201 instrument:ga-res-61-144',
        'CITES instrument:ga-res-66-201 instrument:udhr',
      ]),
    );
    const udhr = d.relations.find((x) => x.type === 'CITES' && x.to === 'instrument:udhr')!;
    expect(udhr.evidence).toBe('وإذ تضع في اعتبارها الإعلان العالمي لحقوق الإنسان،');
    expect(udhr.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('is not a report: no ISSUED_BY or SUBMITTED_TO from its header', () => {
    const { r } = rels(text);
    expect(r.filter((x) => /^(ISSUED_BY|SUBMITTED_TO) /.test(x))).toEqual([]);
  });

  it('reads a Security Council resolution\'s heading "القرار 2222 (2016)"', () => {
    const { d, r } = rels('القرار 2222 (2016)\nالذي اتخذه مجلس الأمن في جلسته 7777\n\nإن مجلس الأمن،\n\nإذ يشير إلى قراره 1325 (2000)،\n1 - يقرر أن يبقي المسألة قيد نظره.\n');
    expect(r).toContain('ADOPTED agency:security-council instrument:security-council-res-2222');
    expect(r).toContain('CITES instrument:security-council-res-2222 instrument:security-council-res-1325');
    expect(r).not.toContain(`CITES ${d.document.id} instrument:security-council-res-2222`);
  });

  it('takes its number from its own symbol when the heading has none', () => {
    const { r } = rels('A/RES/66/201\nحماية ضحايا الاتجار بالأشخاص\n\nإن الجمعية العامة،\n\nإذ تشير إلى قرارها 61/144،\n1 - تقرر مواصلة النظر في المسألة.\n');
    expect(r).toContain('ADOPTED agency:ga instrument:ga-res-66-201');
    expect(r).toContain('CITES instrument:ga-res-66-201 instrument:ga-res-61-144');
  });
});

describe('relate: a treaty\'s own text', () => {
  const text =
    'اتفاقية حقوق الطفل\n' +
    'اعتمدتها الجمعية العامة بموجب قرارها 44/25 المؤرخ 20 تشرين الثاني/نوفمبر 1989\n' +
    'الديباجة\n' +
    'إن الدول الأطراف في هذه الاتفاقية،\n' +
    'إذ تضع في اعتبارها أن الأمم المتحدة قد أعلنت في الإعلان العالمي لحقوق الإنسان أن للطفولة الحق في رعاية خاصة،\n' +
    'قد اتفقت على ما يلي:\n';

  it('cites the instruments its preamble names, not the resolution that adopted it', () => {
    const { r } = rels(text);
    expect(r).toContain('CITES instrument:crc instrument:udhr');
    expect(r.filter((x) => x.startsWith('CITES instrument:crc instrument:ga-res'))).toEqual([]);
  });

  it('was adopted by the body its status line names', () => {
    const { r } = rels(text);
    expect(r).toContain('ADOPTED agency:ga instrument:crc');
  });

  it('cites what its articles name too, below the recommended confidence (0.8) unless a cue word says it recalls it', () => {
    const { d } = rels(text + 'المادة 1\nلا يخل أي حكم في هذه الاتفاقية بالعهد الدولي الخاص بالحقوق المدنية والسياسية.\n');
    const iccpr = d.relations.find((x) => x.type === 'CITES' && x.from === 'instrument:crc' && x.to === 'instrument:iccpr');
    expect(iccpr?.confidence).toBeLessThan(0.8);
  });

  it('needs a preamble: a news item opening with a treaty\'s name is not that treaty', () => {
    const { r } = rels('اتفاقية حقوق الطفل\nإن الاتفاقية أهم صكوك حقوق الإنسان. صدّقت الأردن على اتفاقية حقوق الطفل. وتشير الحكومة إلى الإعلان العالمي لحقوق الإنسان.\n');
    expect(r.filter((x) => x.startsWith('CITES instrument:'))).toEqual([]);
  });
});

describe('relate: CITES between instruments', () => {
  it('a resolution cites the instrument its title names', () => {
    const { r } = rels('١- وأشار التقرير إلى قرار مجلس حقوق الإنسان 8/12 المعنون "تعزيز تنفيذ اتفاقية حقوق الطفل" وإلى أعمال اللجنة.');
    expect(r).toContain('CITES instrument:hrc-res-8-12 instrument:crc');
  });

  it('a citing verb: the instrument cited, and those it is cited in (not a genitive: "أحكام الاتفاقية")', () => {
    const { r } = rels(
      '١- ويُستشهد بالمبادئ والمبادئ التوجيهية الموصى بها المتعلقة بحقوق الإنسان والاتجار بالبشر في عدة نصوص، ولا سيما الأدلة التشريعية لتنفيذ اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية والبروتوكولات الملحقة بها، وفي شروح أحكام اتفاقية حقوق الطفل.',
    );
    expect(r).toContain('CITES instrument:legislative-guides-untoc instrument:recommended-principles');
    expect(r).not.toContain('CITES instrument:crc instrument:recommended-principles');
  });

  it('a guide cites the instrument its name holds (named short); a protocol does not cite the convention it supplements', () => {
    const { r } = rels(
      '١- ويشرح الدليل التشريعي لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة والبروتوكولات الملحقة بها ما تطلبه اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية من الدول. ' +
        'وتنفذ الدول بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال، المكمل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية.',
    );
    expect(r).toContain('CITES instrument:legislative-guides-untoc instrument:untoc');
    expect(r).toContain('SUPPLEMENTS instrument:trafficking-protocol instrument:untoc');
    expect(r).not.toContain('CITES instrument:trafficking-protocol instrument:untoc');
  });
});

describe('relate: who adopted a resolution', () => {
  it('"قرار المجلس 2005/27": the body last named with that head noun (here inside another resolution\'s name)', () => {
    const { d, r } = rels('وإذ تشير إلى قرار المجلس الاقتصادي والاجتماعي 2004/11، وإلى قرار المجلس 2005/27 بشأن منع الجريمة،');
    const second = d.entities.find((e) => e.mentions.some((m) => m.text.includes('2005')))!;
    expect(r).toContain(`ADOPTED agency:ecosoc ${second.id}`);
  });

  it('a resolution that is the means of an adopting verb was adopted by that verb\'s subject', () => {
    const { r } = rels('وانضمت تونس إلى الاتفاقية التي وافقت عليها الجمعية العامة للأمم المتحدة بالقرار 54/263 في عام 2000.');
    expect(r).toContain('ADOPTED agency:ga instrument:ga-res-54-263');
  });
});

describe('relate: what a document says "in it"', () => {
  it('a report followed by فيه cites the instruments named after the pronoun, up to the next document', () => {
    const { r } = rels(
      '٣- وأما تقرير الأمين العام (A/70/123) الذي صدر في أيار/مايو فيستعرض فيه تنفيذ بروتوكول مكافحة تهريب المهاجرين عن طريق البر والبحر والجو، وتناولت الوثيقة (A/70/456) اتفاقية حقوق الطفل.',
    );
    expect(r).toContain('CITES document:a-70-123 instrument:smuggling-protocol');
    expect(r).not.toContain('CITES document:a-70-123 instrument:crc');
  });
});

describe('relate: the header of a report', () => {
  it('the agenda item\'s footnote mark does not end the header: "تقرير من الأمانة" still names the issuer', () => {
    const text =
      'Distr.: General\n\nمؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية\n\nالدورة السابعة\n\n' +
      'البند ٣ من جدول الأعمال المؤقت*\n\nالمساعدة التقنية في مكافحة الاتجار بالأشخاص\n\nتقرير من الأمانة\n\n' +
      '١ - يعرض هذا التقرير أنشطة المساعدة التقنية.\n\n* CTOC/COP/2014/1.\n';
    const { d, r } = rels(text, 'cop7.txt');
    expect(r).toContain(`ISSUED_BY ${d.document.id} agency:secretariat`);
    expect(r).toContain(`SUBMITTED_TO ${d.document.id} agency:cop-untoc`);
  });
});

describe('relate: a treaty citing an instrument "as amended by" another', () => {
  it('cites the amended instrument surely and the amending one below the 0.8 line', () => {
    const text =
      'اتفاقية حقوق الطفل\n' +
      'الديباجة\n' +
      'إن الدول الأطراف في هذه الاتفاقية، إذ تشير إلى اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية، بصيغتها المعدلة بموجب بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص،\n' +
      'اتفقت على ما يلي:\n';
    const { d } = rels(text);
    const cites = d.relations.filter((x) => x.type === 'CITES' && x.from === 'instrument:crc');
    const conf = (to: string) => cites.find((x) => x.to === to)?.confidence;
    expect(conf('instrument:untoc')).toBeGreaterThanOrEqual(0.8);
    expect(conf('instrument:trafficking-protocol')).toBeLessThan(0.8);
  });
});
