/**
 * The clause engine, one construction per test, on sentences written for these tests.
 * Each test also says what must NOT come out (the proximity errors the engine replaces).
 */
import { extractDocument } from '../../../src/extract/pipeline';
import { loadFrames } from '../../../src/extract/relate/frames';
import framesFile from '../../../model/relation-frames.json';

function rels(text: string) {
  const d = extractDocument(text, 't.txt');
  return { d, r: d.relations.filter((x) => x.type !== 'CITES').map((x) => `${x.type} ${x.from} ${x.to}`) };
}
const conf = (d: ReturnType<typeof extractDocument>, key: string) => d.relations.find((x) => `${x.type} ${x.from} ${x.to}` === key)?.confidence;

describe('relate: arguments from the clause', () => {
  it('VSO verb: subject after the verb, object after the subject', () => {
    const { d, r } = rels('ونظمت اليونيسيف حلقة عمل إقليمية بشأن حماية الأطفال في عمّان.');
    const key = r.find((x) => x.startsWith('ORGANIZED agency:unicef meeting:'));
    expect(key).toBeDefined();
    expect(conf(d, key!)).toBeGreaterThanOrEqual(0.8);
  });

  it('SVO verb: the subject named before the verb', () => {
    const { r } = rels('اليونيسيف تنظم حلقة عمل إقليمية بشأن حماية الأطفال.');
    expect(r.some((x) => x.startsWith('ORGANIZED agency:unicef meeting:'))).toBe(true);
  });

  it('relative clause with a pronoun on the verb: the antecedent is the object ("الذي يترأسه")', () => {
    const { r } = rels('ويعمل فريق التنسيق المشترك بين الوكالات لمكافحة الاتجار بالأشخاص، الذي يترأسه مكتب الأمم المتحدة المعني بالمخدرات والجريمة، على تحسين التنسيق.');
    expect(r).toContain('CHAIRS agency:unodc agency:icat');
    expect(r.filter((x) => x.includes('agency:icat agency:unodc'))).toEqual([]);
  });

  it('relative clause without a pronoun: the antecedent is the subject ("الذي يضم")', () => {
    const { r } = rels('وأنشئ فريق التنسيق المشترك بين الوكالات لمكافحة الاتجار بالأشخاص الذي يضم اليونيسيف والمنظمة الدولية للهجرة.');
    expect(r).toEqual(expect.arrayContaining(['MEMBER_OF agency:unicef agency:icat', 'MEMBER_OF agency:iom agency:icat']));
  });

  it('passive with من جانب: the agent is after the marker', () => {
    const { r } = rels('واعتُمد بروتوكول الاتجار بالأشخاص من جانب الجمعية العامة في عام 2000.');
    expect(r).toContain('ADOPTED agency:ga instrument:trafficking-protocol');
  });

  it('verbal noun with its genitive agent and ل-object ("اعتماد الجمعية العامة للبروتوكول")', () => {
    const { r } = rels('ورحب المجلس باعتماد الجمعية العامة لبروتوكول الاتجار بالأشخاص.');
    expect(r).toContain('ADOPTED agency:ga instrument:trafficking-protocol');
  });

  it('"قام X بـ<verbal noun> Y": the subject of قام is the agent, with less confidence than a verb', () => {
    const { d, r } = rels('وقامت اليونيسيف بتنظيم مؤتمر إقليمي بشأن الأطفال المهاجرين.');
    const key = r.find((x) => x.startsWith('ORGANIZED agency:unicef meeting:'));
    expect(key).toBeDefined();
    expect(conf(d, key!)).toBeLessThan(0.8);
  });

  it('attributive phrase "التابعة لـ": the unit is a member of the body after it', () => {
    const { r } = rels('وتعمل شعبة النهوض بالمرأة التابعة لإدارة الشؤون الاقتصادية والاجتماعية على جمع البيانات.');
    expect(r).toContain('MEMBER_OF agency:daw agency:undesa');
  });

  it('"بموجب قراره": the resolution mandates what the clause creates, and the body adopted it', () => {
    const { r } = rels('وأنشأ مجلس حقوق الإنسان، بموجب قراره 8/12، ولاية المقرر الخاص المعني بالاتجار بالأشخاص.');
    expect(r).toEqual(
      expect.arrayContaining([
        'ESTABLISHED agency:hrc rapporteur:sr-trafficking',
        'MANDATED_BY rapporteur:sr-trafficking instrument:hrc-res-8-12',
        'ADOPTED agency:hrc instrument:hrc-res-8-12',
      ]),
    );
    expect(r).not.toContain('MANDATED_BY agency:hrc instrument:hrc-res-8-12');
  });

  it('a unit named with the body it belongs to is part of it ("شعبة ... في إدارة ...")', () => {
    const { d, r } = rels('وتتولى شعبة النهوض بالمرأة في إدارة الشؤون الاقتصادية والاجتماعية جمع البيانات.');
    expect(r).toContain('MEMBER_OF agency:daw agency:undesa');
    expect(conf(d, 'MEMBER_OF agency:daw agency:undesa')).toBeLessThan(0.8);
  });

  it('"بمشاركة ممثلين لـX": the body of the representatives took part', () => {
    const { r } = rels('وعُقدت حلقة عمل إقليمية بشأن حماية الأطفال في فيينا، بمشاركة ممثلين للمنظمة الدولية للهجرة.');
    expect(r.some((x) => /^PARTICIPATED_IN agency:iom meeting:/.test(x))).toBe(true);
  });

  it('with no actor named, a partner of the act shares it ("تنظيم X في الشراكة مع Y")', () => {
    const { d, r } = rels('وسبق المؤتمر تنظيم حلقة عمل إقليمية بشأن حماية الأطفال في الشراكة مع المنظمة الدولية للهجرة.');
    const key = r.find((x) => x.startsWith('ORGANIZED agency:iom meeting:'));
    expect(key).toBeDefined();
    expect(conf(d, key!)).toBeLessThan(0.8);
  });

  it('a circumstance ("في إطار") is never the object', () => {
    const { r } = rels('وأنشأ المكتب، في إطار البرنامج العالمي لمكافحة الاتجار بالبشر، مبادرة تدريبية جديدة.');
    expect(r.filter((x) => x.includes('programme:gpat'))).toEqual([]);
  });

  it('"بالتعاون مع": a partner of the subject (and co-organiser), not the object', () => {
    const { r } = rels('ونظمت اليونيسيف، بالتعاون مع المنظمة الدولية للهجرة، حلقة عمل إقليمية بشأن حماية الأطفال.');
    expect(r).toContain('PARTNERS_WITH agency:unicef agency:iom');
    expect(r.some((x) => x.startsWith('ORGANIZED agency:iom meeting:'))).toBe(true);
    expect(r.some((x) => x.startsWith('ORGANIZED agency:unicef meeting:'))).toBe(true);
  });
});

describe('relate: lists and umbrella entities', () => {
  it('a list of subjects gives one relation per member, none between the members', () => {
    const { r } = rels('وصدقت الأردن ولبنان والمغرب على بروتوكول الاتجار بالأشخاص في عام 2010.');
    for (const c of ['jo', 'lb', 'ma']) expect(r).toContain(`RATIFIED country:${c} instrument:trafficking-protocol`);
    expect(r.filter((x) => /country:\w+ country:/.test(x))).toEqual([]);
  });

  it('a parenthesised aside does not break a list', () => {
    const { r } = rels('وصدّقت ميكرونيزيا (ولايات-المتحدة) واليونان على بروتوكول الاتجار بالأشخاص.');
    expect(r).toEqual(expect.arrayContaining(['RATIFIED country:fm instrument:trafficking-protocol', 'RATIFIED country:gr instrument:trafficking-protocol']));
  });

  it('"وكالات الأمم المتحدة" does not make the United Nations an actor', () => {
    const { r } = rels('وشاركت وكالات الأمم المتحدة في المنتدى العالمي لمكافحة الاتجار بالبشر.');
    expect(r.filter((x) => x.includes('agency:un '))).toEqual([]);
  });

  it('a pronoun object stands for the instrument named just before ("وصدقت عليه")', () => {
    const { r } = rels('وبدأ نفاذ بروتوكول الاتجار بالأشخاص في عام 2003. وصدقت عليه تونس في عام 2003.');
    expect(r).toContain('RATIFIED country:tn instrument:trafficking-protocol');
  });

  it('a State signing is SIGNED, not RATIFIED', () => {
    const { r } = rels('ووقعت الأردن على بروتوكول الاتجار بالأشخاص في عام 2009.');
    expect(r).toContain('SIGNED country:jo instrument:trafficking-protocol');
    expect(r).not.toContain('RATIFIED country:jo instrument:trafficking-protocol');
  });
});

describe('relate: document-level facts', () => {
  it('"تقرير X (SYMBOL)" gives the cited document ISSUED_BY X', () => {
    const { r } = rels('ويستعرض تقرير الأمين العام عن الاتجار بالنساء والفتيات (A/64/123) التطورات الأخيرة.');
    expect(r).toContain('ISSUED_BY document:a-64-123 agency:secretary-general');
  });

  it('the header gives ISSUED_BY, SUBMITTED_TO and the issuer REPORTED_TO the session', () => {
    const text =
      'الأمم المتحدة A/HRC/13/5\nالجمعية العامة Distr.: General\n10 January 2010\n\nمجلس حقوق الإنسان\nالدورة الثالثة عشرة\nالبند 3 من جدول الأعمال\n' +
      'تقرير الأمين العام عن حماية ضحايا الاتجار بالأشخاص\n\n1- يقدم هذا التقرير عملا بقرار مجلس حقوق الإنسان 11/3.\n2- ويعرض التقرير الأنشطة.\n';
    const d = extractDocument(text, 'h.txt');
    const r = d.relations.map((x) => `${x.type} ${x.from} ${x.to}`);
    expect(d.document.id).toBe('document:a-hrc-13-5');
    expect(r).toContain('ISSUED_BY document:a-hrc-13-5 agency:secretary-general');
    expect(r.some((x) => /^SUBMITTED_TO document:a-hrc-13-5 meeting:hrc-13/.test(x))).toBe(true);
    expect(r.some((x) => /^REPORTED_TO agency:secretary-general meeting:hrc-13/.test(x))).toBe(true);
  });

  it('a resolution\'s own text ("إن مجلس حقوق الإنسان،") is not a report: its header gives no ISSUED_BY or SUBMITTED_TO', () => {
    const text =
      'الأمم المتحدة A/HRC/RES/44/9\nالجمعية العامة Distr.: General\n\nمجلس حقوق الإنسان\nالدورة الرابعة والأربعون\nالبند 3 من جدول الأعمال\n' +
      'قرار اعتمده مجلس حقوق الإنسان بشأن حماية ضحايا الاتجار بالأشخاص\n\nإن مجلس حقوق الإنسان،\nإذ يشير إلى قراره 11/3،\n\n1- يطلب إلى الأمين العام أن يواصل دعم الدول.\n2- يقرر مواصلة النظر في المسألة.\n';
    const d = extractDocument(text, 'res.txt');
    const r = d.relations.map((x) => `${x.type} ${x.from} ${x.to}`);
    expect(d.document.id).toBe('document:a-hrc-res-44-9');
    expect(r.filter((x) => /^(ISSUED_BY|SUBMITTED_TO) document:/.test(x))).toEqual([]);
    expect(r.some((x) => /^CITES document:a-hrc-res-44-9 instrument:/.test(x))).toBe(true);
  });
});

describe('relate: voice', () => {
  it('an actor right after the verb is its subject: a passive agent in a later clause is not', () => {
    const { r } = rels('وتعمل اليونيسيف بشكل وثيق مع حكومة لبنان لتوثيق حالات تجنيد الأطفال على يد تنظيم الدولة الإسلامية.');
    expect(r.filter((x) => x.includes('agency:isil'))).toEqual([]);
  });
  it('a passive verb takes its agent from من قبل', () => {
    const { r } = rels('واعتُمدت اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية من قبل الجمعية العامة في عام 2000.');
    expect(r).toContain('ADOPTED agency:ga instrument:untoc');
  });
});

describe('relate: possessive resolutions', () => {
  it('"وفي قرارها ...، طلبت الجمعية العامة": the pronoun points ahead to its clause\'s subject, not to the body named before', () => {
    const { r } = rels('١ - وأعدت الأمانة العامة مذكرة عن حماية الضحايا.\n٢ - وفي قرارها ٦٨/١٩٢، دعت الجمعية العامة الدول إلى تعزيز التعاون.\n');
    expect(r).toContain('ADOPTED agency:ga instrument:ga-res-68-192');
    expect(r).not.toContain('ADOPTED agency:secretariat instrument:ga-res-68-192');
  });
});

describe('relate: frames are data', () => {
  it('refuses a frame for a relation type the model does not define, saying what to do', () => {
    const bad = { ...framesFile, frames: [{ type: 'INVENTED', pattern: 'verb', triggers: ['نظم'] }] } as unknown as typeof framesFile;
    expect(() => loadFrames(bad)).toThrow(/unknown relation type INVENTED.*model\/relations.json/);
  });

  it('refuses an unknown pattern', () => {
    const bad = { ...framesFile, frames: [{ type: 'ORGANIZED', pattern: 'guess', triggers: ['نظم'] }] } as unknown as typeof framesFile;
    expect(() => loadFrames(bad)).toThrow(/unknown pattern "guess"/);
  });
});
