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
