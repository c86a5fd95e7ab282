import { arabicRatio, bare, definiteBase, forms, isDefinite, nearKeys, nearWord, normalise, normaliseKey, originalSpan, stripConjunction, tokenise, visualOrder, withoutArticle, withoutProclitics } from '../../../src/extract/arabic';

describe('normalise', () => {
  it('folds hamza/alef forms, alef maqsura, ta marbuta, tashkeel and tatweel', () => {
    expect(normalise('الأُمَم المتّحدة').text).toBe('الامم المتحده');
    expect(normalise('إعلان آذار ٱلمعنى').text).toBe('اعلان اذار المعني');
    expect(normalise('الاتجـــار بالأشخـاص').text).toBe('الاتجار بالاشخاص');
    expect(normalise('مؤتمر هيئة').text).toBe('موتمر هييه');
  });

  it('maps Arabic-Indic and Eastern digits to Western ones', () => {
    expect(normalise('القرار ٦١/١٤٤ و۴۵').text).toBe('القرار 61/144 و45');
  });

  it('drops bidi controls, zero-width and private-use characters and collapses whitespace', () => {
    expect(normalise('\u200fمصر\u202c \n\t  \uE001الهند\u200b').text).toBe('مصر الهند');
    expect(normalise('   بيلاروس  ').text).toBe('بيلاروس');
  });

  it('lowercases Latin and expands presentation forms (PDF text)', () => {
    expect(normalise('UNODC').text).toBe('unodc');
    expect(normalise('\uFEFB').text).toBe('لا'); // lam-alef ligature
  });

  it('maps every normalised range back to the exact original text', () => {
    const src = 'وصدّق   المغربُ على البروتوكول';
    const n = normalise(src);
    for (const t of tokenise(n.text)) {
      const [a, b] = originalSpan(n, t.start, t.end);
      expect(normaliseKey(src.slice(a, b))).toBe(t.text);
    }
    const tok = tokenise(n.text)[1];
    const [a, b] = originalSpan(n, tok.start, tok.end);
    expect(src.slice(a, b)).toBe('المغربُ'); // the trailing damma stays with its letter
  });

  it('keeps UTF-16 offsets right after astral characters', () => {
    const src = '😀 الهند';
    const n = normalise(src);
    const t = tokenise(n.text).find((x) => x.text === 'الهند')!;
    const [a, b] = originalSpan(n, t.start, t.end);
    expect(src.slice(a, b)).toBe('الهند');
  });

  it('tokenises letters and digits apart (PDF text glues them)', () => {
    expect(tokenise(normalise('٢٠١٢أكتوبر').text).map((t) => t.text)).toEqual(['2012', 'اكتوبر']);
  });

  it('measures the share of Arabic letters', () => {
    expect(arabicRatio('مكتب الأمم المتحدة')).toBeGreaterThan(0.9);
    expect(arabicRatio('The United Nations Office on Drugs and Crime')).toBe(0);
  });
});

describe('withoutProclitics (search keys)', () => {
  test('takes و ف ب ك ل off words before the article, leaves other words alone', () => {
    expect(withoutProclitics(normaliseKey('مكتب الأمم المتحدة المعني بالمخدرات والجريمة'))).toBe(normaliseKey('مكتب الأمم المتحدة المعني المخدرات الجريمة'));
    expect(withoutProclitics(normaliseKey('منظمة الأمم المتحدة للطفولة'))).toBe(normaliseKey('منظمة الأمم المتحدة الطفولة'));
    expect(withoutProclitics(normaliseKey('وبالتعاون'))).toBe(normaliseKey('التعاون'));
    // short words and Latin text are untouched
    expect(withoutProclitics('بال UNODC وال')).toBe('بال UNODC وال');
  });
});

describe('proclitics: one set of rules for every stage', () => {
  test('readings of a glued word for lexicon look-up keep how much of it the mention leaves out', () => {
    expect(forms('والمنظمه')).toEqual(expect.arrayContaining([{ form: 'المنظمه', skip: 1 }]));
    expect(forms('للامم')).toEqual(expect.arrayContaining([{ form: 'الامم', skip: 0 }])); // ل + الأمم, article fused
    expect(forms('بمنظمه')).toEqual(expect.arrayContaining([{ form: 'منظمه', skip: 1 }]));
  });

  test('bare word, definite base, conjunction and article', () => {
    expect(bare('بالاتجار')).toBe('اتجار');
    expect(bare('وللطفوله')).toBe('طفوله');
    expect(definiteBase('وبالمخدرات')).toBe('المخدرات');
    expect(definiteBase('منظمه')).toBeNull();
    expect(stripConjunction('والستون')).toBe('الستون');
    expect(stripConjunction('وطن')).toBe('وطن'); // too short to carry one
    expect(withoutArticle('الاتجار')).toBe('اتجار');
    expect(isDefinite('وبالمخدرات')).toBe(true);
    expect(isDefinite('منظمه')).toBe(false);
  });

  test('tells text in visual (PDF, broken right-to-left) order by its reversed parentheses', () => {
    expect(visualOrder('انظر ).CTOC/COP/2012/2(\nالوطني ).A/69/1(\nالتقرير ).E/2/3(')).toBe(true);
    expect(visualOrder('انظر (CTOC/COP/2012/2)\nالوطني (A/69/1)\nالتقرير (E/2/3)')).toBe(false);
  });
});

describe('fast paths agree with the rules they shortcut', () => {
  // normaliseKey and tokenise scan code units; these are the words the regex /\p{L}+|\p{N}+/u finds in normalise()'s text.
  const byRegex = (s: string) => [...normalise(s).text.matchAll(/\p{L}+|\p{N}+/gu)].map((m) => m[0]);
  const samples = [
    'وصدّق   المغربُ على البروتوكول المكمِّل (٢٠٠٠)',
    'الاتجـــار بالأشخاص، وبخاصة النساء والأطفال؛ A/RES/55/25 و E/CN.15/2012/L.3',
    '٢٠١٢أكتوبر ﷺ \uFEFB\uFEF7 ﻣﻜﺘﺐ', // digits glued to a word, presentation forms and a ligature that expands to words
    '\u200fمصر\u202c \uE001الهند\u200b\u00ad',
    '😀 الهند 𝐀𝐁c ١٢٣abc', // astral letters: left to the regex
    'Ünïcödé ΑΒΓ кириллица ½ ², ',
    '',
    ' \n\t ',
  ];
  test('normaliseKey is normalise + tokenise, words joined by one space', () => {
    for (const s of samples) expect(normaliseKey(s)).toBe(byRegex(s).join(' '));
  });
  test('tokenise finds the regex words at their offsets', () => {
    for (const s of samples) {
      const text = normalise(s).text;
      expect(tokenise(text)).toEqual([...text.matchAll(/\p{L}+|\p{N}+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index! + m[0].length })));
    }
  });
  test('two near words (nearWord) always share a key (nearKeys), so an index of the keys finds them', () => {
    const words = ['الجريمه', 'الجرمية', 'الجريمة', 'الجريم', 'الجريمهه', 'اجريمه', 'المخدرات', 'المخدارت', 'منظمه', 'منظمة', 'مكتب', 'مكتبة'];
    for (const a of words) {
      for (const b of words) {
        if (!nearWord(a, b)) continue;
        const ka = new Set(nearKeys(a));
        expect(nearKeys(b).some((k) => ka.has(k))).toBe(true);
      }
    }
  });
});
