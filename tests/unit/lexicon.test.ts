/**
 * The lexicon data owned here: countries and organisations (model/lexicon/countries.json,
 * organisations-un-system.json, organisations-other.json). These files are what lets the
 * extractor resolve names in documents it has never seen, so the tests check that they are
 * well formed against the model, unambiguous where they claim to be, and broad enough.
 */
import * as fs from 'fs';
import { goldTest, SHARED_DIR } from '../helpers/shared';
import * as path from 'path';
import { KIND_NAMES, kindSpec, LexiconEntry, loadLexicon, packageRoot } from '../../src/model';

const DIR = path.join(packageRoot(), 'model', 'lexicon');
const FILES = ['countries.json', 'organisations-un-system.json', 'organisations-other.json'];
const EXPECTED_TYPE: Record<string, string> = {
  'countries.json': 'Country',
  'organisations-un-system.json': 'Agency',
  'organisations-other.json': 'Agency',
};

function readFile(f: string): LexiconEntry[] {
  return JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as LexiconEntry[];
}
const byFile = new Map(FILES.map((f) => [f, readFile(f)] as const));
const own: LexiconEntry[] = FILES.flatMap((f) => byFile.get(f)!);
const ownById = new Map(own.map((e) => [e.id, e]));

/** Folding as the scorer and matcher do: diacritics, tatweel, alef/hamza forms, ya, ta marbuta, punctuation, case. */
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s/]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function surfaces(e: LexiconEntry): string[] {
  return [e.nameAr, e.nameEn, ...(e.acronym ? [e.acronym] : []), ...(e.variants ?? [])];
}

function ambiguousForms(e: LexiconEntry): Set<string> {
  const v = e.ambiguousVariants;
  return new Set(Array.isArray(v) ? v.map(fold) : []);
}

/** Folded surface form -> ids of the entities (in the given entries) that carry it. */
function surfaceIndex(entries: LexiconEntry[]): Map<string, string[]> {
  const idx = new Map<string, string[]>();
  for (const e of entries) {
    for (const s of new Set(surfaces(e).map(fold))) {
      if (!s) continue;
      const ids = idx.get(s) ?? [];
      ids.push(e.id);
      idx.set(s, ids);
    }
  }
  return idx;
}
const index = surfaceIndex(own);

/** Resolves a surface as a reader would: whole form, then without clitics (و ب ل لل) or "حكومة". */
function resolve(surface: string): string[] {
  const n = fold(surface);
  const tries = [n];
  if (n.startsWith('لل')) tries.push('ال' + n.slice(2));
  for (const p of ['و', 'ب', 'ل', 'حكومه ']) if (n.startsWith(p)) tries.push(n.slice(p.length));
  for (const t of tries) {
    const ids = index.get(t);
    if (ids) return ids;
  }
  return [];
}

// The 193 Member States of the United Nations (ISO 3166-1 alpha-2).
const MEMBER_STATES = (
  'AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN CO KM CG ' +
  'CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID ' +
  'IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA ' +
  'NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB ' +
  'SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM ZW'
).split(' ');

describe('lexicon files (countries and organisations)', () => {
  test('load through loadLexicon with every owned entry present once', () => {
    const all = loadLexicon();
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of own) expect(ids).toContain(e.id);
  });

  test.each(FILES)('%s: ids unique, sorted, typed and named as the model says', (f) => {
    const entries = byFile.get(f)!;
    expect(entries.length).toBeGreaterThan(50);
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    for (const e of entries) {
      expect(KIND_NAMES).toContain(e.type);
      expect(e.type).toBe(EXPECTED_TYPE[f]);
      const spec = kindSpec(e.type)!;
      expect(e.id.startsWith(spec.idPrefix + ':')).toBe(true);
      expect(e.id).toMatch(/^[a-z]+:[a-z0-9][a-z0-9-]*$/);
      expect(e.nameEn.trim().length).toBeGreaterThan(1);
      expect(e.nameAr).toMatch(/[\u0621-\u064a]/);
      if (spec.categories.length === 0) expect(e.category ?? null).toBeNull();
      else expect(spec.categories).toContain(e.category);
      for (const v of e.variants ?? []) expect(v.trim()).toBe(v);
    }
  });

  test('countries: iso2/iso3 well formed, unique and consistent with the id', () => {
    const countries = byFile.get('countries.json')!;
    const iso2 = countries.map((e) => e.properties?.iso2);
    const iso3 = countries.map((e) => e.properties?.iso3);
    for (const e of countries) {
      expect(e.properties?.iso2).toMatch(/^[A-Z]{2}$/);
      expect(e.properties?.iso3).toMatch(/^[A-Z]{3}$/);
      expect(e.id).toBe('country:' + String(e.properties?.iso2).toLowerCase());
    }
    expect(new Set(iso2).size).toBe(iso2.length);
    expect(new Set(iso3).size).toBe(iso3.length);
  });

  test('all 193 Member States, both observer States and the main territories are present', () => {
    expect(MEMBER_STATES).toHaveLength(193);
    expect(new Set(MEMBER_STATES).size).toBe(193);
    const missing = [...MEMBER_STATES, 'VA', 'PS', 'XK', 'TW', 'HK', 'MO', 'EH', 'PR'].filter((c) => !ownById.has('country:' + c.toLowerCase()));
    expect(missing).toEqual([]);
  });

  test('no surface form names two entities unless every one of them declares it ambiguous', () => {
    const clashes: string[] = [];
    for (const [form, ids] of index) {
      if (ids.length < 2) continue;
      if (!ids.every((id) => ambiguousForms(ownById.get(id)!).has(form))) clashes.push(`${form}: ${ids.join(', ')}`);
    }
    expect(clashes).toEqual([]);
  });

  test('declared ambiguous forms are real surface forms of their entity', () => {
    for (const e of own) {
      const amb = ambiguousForms(e);
      if (amb.size === 0) continue;
      const forms = new Set(surfaces(e).map(fold));
      for (const a of amb) expect(forms).toContain(a);
    }
    // Short names that are also common words or other places must ask the matcher for context.
    for (const [id, form] of [['country:om', 'عمان'], ['country:ge', 'جورجيا'], ['country:ml', 'مالي'], ['country:qa', 'قطر']]) {
      expect(ambiguousForms(ownById.get(id)!).has(fold(form))).toBe(true);
    }
  });

  test('known Arabic forms resolve to the expected entity (longest forms are separate entries)', () => {
    const cases: [string, string][] = [
      ['المغرب', 'country:ma'],
      ['المملكة المغربية', 'country:ma'],
      ['الجمهورية العربية السورية', 'country:sy'],
      ['جمهورية كوريا', 'country:kr'],
      ['جمهورية كوريا الشعبية الديمقراطية', 'country:kp'],
      ['جمهورية الكونغو', 'country:cg'],
      ['جمهورية الكونغو الديمقراطية', 'country:cd'],
      ['الولايات المتحدة', 'country:us'],
      ['الولايات المتحدة الأمريكية', 'country:us'],
      ['الولايات المتحدة المكسيكية', 'country:mx'],
      ['المملكة المتحدة', 'country:gb'],
      ['المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية', 'country:gb'],
      ['جمهورية مولدوفا', 'country:md'],
      ['ساحل العاج', 'country:ci'],
      ['كوت ديفوار', 'country:ci'],
      ['بورما', 'country:mm'],
      ['بيلاروسيا', 'country:by'],
      ['فيت نام', 'country:vn'],
      ['فييت نام', 'country:vn'],
      ['تيمور - ليشتي', 'country:tl'],
      ['دولة فلسطين', 'country:ps'],
      ['الكرسي الرسولي', 'country:va'],
      ['مقاطعة تايوان الصينية', 'country:tw'],
      ['صربيا', 'country:rs'],
      ['الجبل الأسود', 'country:me'],
      ['مكتب الأمم المتحدة المعني بالمخدرات والجريمة', 'agency:unodc'],
      ['مكتب الأمم المتحدة المعنى بالمخدرات والجريمة', 'agency:unodc'],
      ['مكتب الأمم المتحدة لمكافحة المخدرات والجريمة', 'agency:unodc'],
      ['UNODC', 'agency:unodc'],
      ['مفوضية الأمم المتحدة السامية لحقوق الإنسان', 'agency:ohchr'],
      ['المفوضية السامية لحقوق الإنسان', 'agency:ohchr'],
      ['مفوضية الأمم المتحدة السامية لشؤون اللاجئين', 'agency:unhcr'],
      ['اليونيسيف', 'agency:unicef'],
      ['منظمة الأمم المتحدة للطفولة', 'agency:unicef'],
      ['اليونسكو', 'agency:unesco'],
      ['الفاو', 'agency:fao'],
      ['فريق التنسيق المشترك بين الوكالات لمكافحة الاتجار بالأشخاص', 'agency:icat'],
      ['لجنة القضاء على التمييز ضد المرأة', 'agency:cedaw-committee'],
      ['اللجنة المعنية بالقضاء على التمييز ضد المرأة', 'agency:cedaw-committee'],
      ['لجنة حقوق الطفل', 'agency:crc-committee'],
      ['لجنة حقوق الإنسان', 'agency:chr'],
      ['اللجنة المعنية بحقوق الإنسان', 'agency:hr-committee'],
      ['مجلس حقوق الإنسان', 'agency:hrc'],
      ['لجنة منع الجريمة والعدالة الجنائية', 'agency:ccpcj'],
      ['مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية', 'agency:cop-untoc'],
      ['هيئة الأمم المتحدة للمساواة بين الجنسين وتمكين المرأة', 'agency:unwomen'],
      ['صندوق الأمم المتحدة الإنمائي للمرأة', 'agency:unifem'],
      ['المنظمة الدولية للهجرة', 'agency:iom'],
      ['منظمة العمل الدولية', 'agency:ilo'],
      ['الجمعية العامة', 'agency:ga'],
      ['المجلس الاقتصادي والاجتماعي', 'agency:ecosoc'],
      ['منظمة الأمن والتعاون في أوروبا', 'agency:osce'],
      ['مجلس أوروبا', 'agency:coe'],
      ['الاتحاد الأوروبي', 'agency:eu'],
      ['الإنتربول', 'agency:interpol'],
      ['جامعة الدول العربية', 'agency:las'],
      ['رابطة أمم جنوب شرق آسيا', 'agency:asean'],
      ['التحالف العالمي لمكافحة الاتجار بالنساء', 'agency:gaatw'],
    ];
    const wrong = cases.filter(([s, id]) => JSON.stringify(resolve(s)) !== JSON.stringify([id])).map(([s, id]) => `${s} -> ${resolve(s).join(',') || 'nothing'} (want ${id})`);
    expect(wrong).toEqual([]);
  });

  test('the ids other parts of the system rely on exist', () => {
    const required = [
      'agency:unodc', 'agency:ohchr', 'agency:ilo', 'agency:iom', 'agency:unicef', 'agency:unhcr', 'agency:undp', 'agency:unfpa',
      'agency:unwomen', 'agency:unifem', 'agency:ga', 'agency:hrc', 'agency:ecosoc', 'agency:security-council', 'agency:csw',
      'agency:ccpcj', 'agency:cop-untoc', 'agency:icat', 'agency:cedaw-committee', 'agency:crc-committee', 'agency:secretariat',
      'country:ma', 'country:us', 'country:gb',
    ];
    expect(required.filter((id) => !ownById.has(id))).toEqual([]);
  });

  const GOLD = path.join(SHARED_DIR, 'gold', 'dev');
  goldTest('every country named in the dev gold resolves to the right country', () => {
    const unresolved: string[] = [];
    for (const f of fs.readdirSync(GOLD).filter((n) => n.endsWith('.json'))) {
      const gold = JSON.parse(fs.readFileSync(path.join(GOLD, f), 'utf8')) as {
        entities: { type: string; name_en: string; surface_ar: string[] }[];
      };
      for (const g of gold.entities.filter((x) => x.type === 'Country')) {
        const want = own.find((e) => e.type === 'Country' && fold(e.nameEn) === fold(g.name_en));
        for (const s of g.surface_ar) {
          const got = resolve(s);
          if (!want || got.length !== 1 || got[0] !== want.id) unresolved.push(`${f}: ${s} (${g.name_en}) -> ${got.join(',') || 'nothing'}`);
        }
      }
    }
    expect(unresolved).toEqual([]);
  });
});

/**
 * The whole lexicon (every file, merged as the extractor loads it): complete by category, so that
 * documents nobody has seen yet resolve the instruments, processes, mandates and national bodies
 * a specialist would name.
 */
describe('whole lexicon (all files, merged)', () => {
  const ALL_FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
  const merged = loadLexicon();
  const mergedById = new Map(merged.map((e) => [e.id, e]));
  const mergedIndex = surfaceIndex(merged);
  const lookup = (s: string): string[] => {
    const n = fold(s);
    return mergedIndex.get(n) ?? (n.startsWith('ال') ? [] : mergedIndex.get(fold('ال' + n)) ?? []);
  };

  test.each(ALL_FILES)('%s: sorted unique ids, kinds and categories from the model', (f) => {
    const entries = readFile(f);
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    for (const e of entries) {
      const spec = kindSpec(e.type);
      expect(spec).toBeDefined();
      expect(e.id.startsWith(spec!.idPrefix + ':')).toBe(true);
      expect(e.id).toMatch(/^[a-z]+:[a-z0-9][a-z0-9-]*$/);
      expect(e.nameAr).toMatch(/[\u0621-\u064a]/);
      if (spec!.categories.length > 0) expect(spec!.categories).toContain(e.category);
      for (const v of e.variants ?? []) expect(v.trim()).toBe(v);
    }
  });

  test('an id repeated in another file extends the same entity (same kind and names)', () => {
    const first = new Map<string, LexiconEntry>();
    const differ: string[] = [];
    for (const f of ALL_FILES) {
      for (const e of readFile(f)) {
        const p = first.get(e.id);
        if (!p) first.set(e.id, e);
        else if (p.type !== e.type || p.nameAr !== e.nameAr || p.nameEn !== e.nameEn) differ.push(`${f}: ${e.id}`);
      }
    }
    expect(differ).toEqual([]);
  });

  test('no surface form names two entities unless every one of them declares it ambiguous', () => {
    const clashes: string[] = [];
    for (const [form, ids] of mergedIndex) {
      if (ids.length < 2) continue;
      if (!ids.every((id) => ambiguousForms(mergedById.get(id)!).has(form))) clashes.push(`${form}: ${ids.join(', ')}`);
    }
    expect(clashes).toEqual([]);
  });

  test('complete by category: core treaties and protocols, ILO, slavery and trafficking conventions, regional instruments', () => {
    const required = [
      // UN core human-rights treaties and their optional protocols
      'cerd', 'iccpr', 'iccpr-op1', 'iccpr-op2', 'icescr', 'icescr-op', 'cedaw', 'cedaw-op', 'cat', 'opcat', 'crc', 'opsc', 'opac', 'crc-opic',
      'icmw', 'crpd', 'crpd-op', 'cped', 'refugee-convention', 'refugee-protocol', 'statelessness-1954', 'statelessness-1961', 'rome-statute',
      // ILO forced labour, child labour, domestic and migrant workers
      'ilo-c029', 'ilo-p029', 'ilo-r203', 'ilo-c105', 'ilo-c138', 'ilo-c182', 'ilo-r190', 'ilo-c189', 'ilo-r201', 'ilo-c097', 'ilo-c143', 'ilo-c181',
      // slavery and trafficking, 1904 to 2003
      'white-slave-agreement-1904', 'white-slave-convention-1910', 'traffic-women-children-1921', 'traffic-women-full-age-1933', 'slavery-convention',
      'protocol-1947', 'protocol-1949-white-slave', 'convention-1949', 'slavery-protocol-1953', 'supplementary-slavery-convention', 'untoc',
      'trafficking-protocol', 'smuggling-protocol', 'firearms-protocol', 'uncac',
      // regional organisations
      'arab-charter-human-rights', 'arab-convention-toc', 'arab-strategy-trafficking', 'arab-trafficking-law', 'coe-trafficking-convention',
      'lanzarote-convention', 'eu-directive-2011-36', 'asean-trafficking-convention', 'saarc-trafficking-convention', 'ouagadougou-action-plan',
      'african-charter-child', 'kampala-convention', 'maputo-protocol', 'belem-do-para', 'iacon-traffic-minors', 'osce-action-plan-thb',
    ].map((s) => 'instrument:' + s);
    expect(required.filter((id) => !mergedById.has(id))).toEqual([]);
  });

  test('complete by category: processes, mandates, programmes and bodies of the field', () => {
    const required = [
      'agency:icat', 'agency:bali-process', 'agency:khartoum-process', 'agency:rabat-process', 'agency:budapest-process', 'agency:colombo-process',
      'agency:abu-dhabi-dialogue', 'agency:puebla-process', 'agency:almaty-process', 'agency:prague-process', 'agency:gmg', 'agency:un-network-migration',
      'agency:gfmd', 'agency:alliance-87', 'agency:cop-untoc', 'agency:cop-untoc-wg-tip', 'agency:cop-untoc-wg-som', 'agency:ccpcj',
      'agency:cedaw-committee', 'agency:crc-committee', 'agency:cmw-committee', 'agency:ced-committee', 'agency:greta', 'agency:las-council',
      'agency:arab-justice-ministers', 'agency:arab-interior-ministers', 'agency:arab-parliament', 'agency:league-of-nations',
      'rapporteur:sr-trafficking', 'rapporteur:sr-slavery', 'rapporteur:sr-sale-of-children', 'rapporteur:sr-migrants', 'rapporteur:sr-vaw',
      'rapporteur:sr-idps', 'rapporteur:srsg-vac', 'rapporteur:srsg-svc', 'rapporteur:srsg-caac',
      'programme:un-trust-fund-victims', 'programme:blue-heart', 'programme:glo-act', 'programme:gpat', 'programme:global-report-tip',
      'instrument:global-plan-of-action', 'instrument:global-compact-migration', 'instrument:global-compact-refugees',
    ];
    expect(required.filter((id) => !mergedById.has(id))).toEqual([]);
  });

  test('national anti-trafficking bodies and laws belong to League of Arab States members', () => {
    const LAS = 'dz bh km dj eg iq jo kw lb ly mr ma om ps qa sa so sd sy tn ae ye'.split(' ');
    const national = [...readFile('national-bodies-arab-states.json'), ...readFile('instruments-national-arab-states.json')];
    expect(national.length).toBeGreaterThan(20);
    for (const e of national) {
      const iso = e.id.split(':')[1].split('-')[0];
      expect(LAS).toContain(iso);
      expect(mergedById.has('country:' + iso)).toBe(true);
      if (e.type === 'Agency') expect(e.category).toBe('NATIONAL_BODY');
    }
  });

  test('official names and the variants people write resolve to the expected entity', () => {
    const cases: [string, string][] = [
      ['العهد الدولي الخاص بالحقوق المدنية والسياسية', 'instrument:iccpr'],
      ['العهد الدولي للحقوق الاقتصادية والاجتماعية والثقافية', 'instrument:icescr'],
      ['الاتفاقية الدولية لحماية جميع الأشخاص من الاختفاء القسري', 'instrument:cped'],
      ['البروتوكول الاختياري لاتفاقية مناهضة التعذيب', 'instrument:opcat'],
      ['البروتوكول الاختياري الثاني الملحق بالعهد الدولي الخاص بالحقوق المدنية والسياسية', 'instrument:iccpr-op2'],
      ['البروتوكول الاختياري لاتفاقية حقوق الطفل بشأن بيع الأطفال وبغاء الأطفال واستغلال الأطفال في المواد الإباحية', 'instrument:opsc'],
      ['اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الحدود الوطنية', 'instrument:untoc'],
      ['بروتوكول مكافحة تهريب المهاجرين برا وبحرا وجوا', 'instrument:smuggling-protocol'],
      ['اتفاقية حظر الاتجار بالأشخاص واستغلال بغاء الغير', 'instrument:convention-1949'],
      ['الاتفاقية الدولية لقمع الاتجار بالنساء البالغات', 'instrument:traffic-women-full-age-1933'],
      ['الاتفاق الدولي لقمع الاتجار بالرقيق الأبيض', 'instrument:white-slave-agreement-1904'],
      ['الاتفاقية الدولية لقمع الاتجار بالرقيق الأبيض', 'instrument:white-slave-convention-1910'],
      ['اتفاقية منظمة العمل الدولية رقم 182', 'instrument:ilo-c182'],
      ['بروتوكول عام 2014 لاتفاقية العمل الجبري', 'instrument:ilo-p029'],
      ['الميثاق العربي لحقوق الإنسان', 'instrument:arab-charter-human-rights'],
      ['الميثاق الأفريقي لحقوق الطفل ورفاهه', 'instrument:african-charter-child'],
      ['اتفاقية كمبالا', 'instrument:kampala-convention'],
      ['اتفاقية بيليم دو بارا', 'instrument:belem-do-para'],
      ['الميثاق العالمي للهجرة الآمنة والمنظمة والنظامية', 'instrument:global-compact-migration'],
      ['عملية الرباط', 'agency:rabat-process'],
      ['حوار أبو ظبي', 'agency:abu-dhabi-dialogue'],
      ['المنتدى العالمي المعني بالهجرة والتنمية', 'agency:gfmd'],
      ['مجلس وزراء الداخلية العرب', 'agency:arab-interior-ministers'],
      ['المقررة الخاصة المعنية بأشكال الرق المعاصرة', 'rapporteur:sr-slavery'],
      ['مقررة الأمم المتحدة الخاصة المعنية بالاتجار بالبشر', 'rapporteur:sr-trafficking'],
      ['الممثلة الخاصة للأمين العام المعنية بالعنف ضد الأطفال', 'rapporteur:srsg-vac'],
      ['صندوق الأمم المتحدة الطوعي لضحايا الاتجار بالأشخاص', 'programme:un-trust-fund-victims'],
      ['الهيئة الوطنية لمكافحة الاتجار بالأشخاص', 'agency:tn-inltp'],
      ['اللجنة الوطنية لمكافحة الاتجار بالبشر في دولة قطر', 'agency:qa-nccht'],
      ['اللجنة الوطنية البحرينية لمكافحة الاتجار بالأشخاص', 'agency:bh-ncctip'],
      ['اللجنة الوطنية لمنع الاتجار بالبشر', 'agency:jo-ncpht'],
      ['اللجنة الوطنية التنسيقية لمكافحة ومنع الهجرة غير الشرعية والاتجار بالبشر', 'agency:eg-nccpim-tip'],
      ['القانون الاتحادي رقم 51 لسنة 2006', 'instrument:ae-federal-law-51-2006'],
    ];
    const wrong = cases.filter(([s, id]) => JSON.stringify(lookup(s)) !== JSON.stringify([id])).map(([s, id]) => `${s} -> ${lookup(s).join(',') || 'nothing'} (want ${id})`);
    expect(wrong).toEqual([]);
  });

  test('a generic national committee name is ambiguous between States, never silently one of them', () => {
    const ids = lookup('اللجنة الوطنية لمكافحة الاتجار بالبشر');
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) expect(ambiguousForms(mergedById.get(id)!).has(fold('اللجنة الوطنية لمكافحة الاتجار بالبشر'))).toBe(true);
  });
});
