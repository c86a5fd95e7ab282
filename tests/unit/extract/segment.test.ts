import { englishOrdinal, findDates, readOrdinal } from '../../../src/extract/dates';
import { parseHeader } from '../../../src/extract/header';
import { normalise } from '../../../src/extract/arabic';
import { findParagraphs, findSentences, segment, toWesternDigits } from '../../../src/extract/segment';

describe('paragraphs', () => {
  it('finds numbered paragraphs in Arabic-Indic and Western digits', () => {
    const text = 'العنوان\n\n١ - أُعد هذا التقرير.\n\n٢- ومنذ عام ٢٠١٠ زاد العدد.\n\n٣ - يواصل المكتب عمله.';
    const ps = findParagraphs(text);
    expect(ps.map((p) => p.number)).toEqual(['1', '2', '3']);
    expect(text.slice(ps[1].start, ps[1].end)).toMatch(/^٢- ومنذ/);
  });

  it('accepts numbers only in sequence, so section numbers and table-of-contents ranges are skipped', () => {
    const text = 'مقدمة 1 -3 3 1- يقدم هذا التقرير. 2- وعملاً بطلب المجلس. 1- التطورات السياساتية 3- استمرت التطورات. 4- ففي كانون الأول.';
    expect(findParagraphs(text).map((p) => p.number)).toEqual(['1', '2', '3', '4']);
  });

  it('reads the number written after the dash in right-to-left-broken PDF text', () => {
    const text = 'تقرير من الأمانة\n إلى  مؤتمر الأطراف طلب    -١\nنص الفقرة الأولى\n ز الــدول الأطــراف  -٢\nنص الفقرة الثانية';
    const ps = findParagraphs(text);
    expect(ps.map((p) => p.number)).toEqual(['1', '2']);
    expect(text.slice(ps[0].start)).toMatch(/^ إلى/);
  });

  it('splits sentences at Arabic and Latin punctuation and blank lines', () => {
    const text = 'صدّق المغرب على البروتوكول. وهل صدقت الهند؟ نعم؛ في عام ٢٠١١\n\nفقرة أخرى';
    const s = findSentences(text, []).map((x) => text.slice(x.start, x.end));
    expect(s).toEqual(['صدّق المغرب على البروتوكول.', 'وهل صدقت الهند؟', 'نعم؛', 'في عام ٢٠١١', 'فقرة أخرى']);
  });

  it('converts digits', () => {
    expect(toWesternDigits('١٥-١٩ ۲۰')).toBe('15-19 20');
  });

  it('finds footnote lines', () => {
    const text = 'نص\n* CTOC/COP/2012/1.\nنص آخر';
    expect(segment(text).footnotes.map((f) => text.slice(f.start, f.end))).toEqual(['* CTOC/COP/2012/1.']);
  });
});

describe('dates and ordinals', () => {
  it('reads day ranges with months of both series', () => {
    const d = findDates(normalise('فيينا، ١٥-١٩ تشرين الأول/أكتوبر ٢٠١٢').text);
    expect(d[0]).toMatchObject({ startDate: '2012-10-15', endDate: '2012-10-19' });
  });

  it('reads single-series months, English dates and month-year', () => {
    expect(findDates(normalise('في ٣ حزيران/يونيه 2008').text)[0].startDate).toBe('2008-06-03');
    expect(findDates(normalise('6 February 2009').text)[0].startDate).toBe('2009-02-06');
    expect(findDates(normalise('في أيار/مايو 2008').text)[0].startDate).toBe('2008-05');
    expect(findDates(normalise('أب وابنه').text)).toEqual([]); // "أب" alone is "father", not August
  });

  it('reads Arabic ordinals, compound ones included', () => {
    const w = (s: string) => normalise(s).text.split(' ');
    expect(readOrdinal(w('العاشرة'), 0)).toEqual({ value: 10, used: 1 });
    expect(readOrdinal(w('الحادية والستون'), 0)).toEqual({ value: 61, used: 2 });
    expect(readOrdinal(w('الثالثة والخمسين'), 0)).toEqual({ value: 53, used: 2 });
    expect(readOrdinal(w('الثانية عشرة'), 0)).toEqual({ value: 12, used: 2 });
    expect(readOrdinal(w('التقرير'), 0)).toBeNull();
    expect(englishOrdinal(61)).toBe('sixty-first');
    expect(englishOrdinal(10)).toBe('tenth');
  });
});

describe('header', () => {
  it('reads subjects, date, languages, session, agenda item and title', () => {
    const text = [
      '%%%TRAFFICKING IN PERSONS|HUMAN RIGHTS|',
      'Distr.: General',
      '29 June 2012',
      'Arabic',
      'Original: English',
      'مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
      'الدورة السادسة',
      'فيينا، ١٥-١٩ تشرين الأول/أكتوبر ٢٠١٢',
      'البند ٢ (ب) من جدول الأعمال المؤقت*',
      'استعراض تنفيذ البروتوكول',
      '',
      '',
      '',
      '١ - أعد هذا التقرير.',
    ].join('\n');
    const h = parseHeader(text, text.indexOf('١ -'));
    expect(h.subjects).toEqual(['TRAFFICKING IN PERSONS', 'HUMAN RIGHTS']);
    expect(h.date).toBe('2012-06-29');
    expect(h.originalLanguage).toBe('en');
    expect(h.sessionNumber).toBe(6);
    expect(h.agendaItem).toBe('2 (b)');
    expect(h.title).toBe('استعراض تنفيذ البروتوكول');
    expect(h.symbol).toBeNull();
  });

  it('without an agenda item, takes the last block of Arabic lines before the first chapter as the title', () => {
    const text = ['A/80/999', 'Distr.: General', '2 March 2025', 'Arabic', 'Original: French', '', 'مذكرة من الأمانة بشأن', 'حماية ضحايا العمل الجبري', '', 'أولا - معلومات أساسية', '', '١ - تعرض هذه المذكرة.'].join('\n');
    expect(parseHeader(text, text.indexOf('١ -')).title).toBe('مذكرة من الأمانة بشأن حماية ضحايا العمل الجبري');
    // PDF text in broken right-to-left order puts the dash before the ordinal: still a chapter heading.
    const broken = ['Distr.: General', '', 'مذكرة من الأمانة', 'معلومات أساسية -أولاً', 'نص آخر'].join('\n');
    expect(parseHeader(broken, null).title).toBe('مذكرة من الأمانة');
  });

  it('takes the own symbol from the header but not from a footnote', () => {
    expect(parseHeader('A/HRC/10/64\nDistr. GENERAL\n* CTOC/COP/2012/1', null).symbol).toBe('A/HRC/10/64');
    expect(parseHeader('Distr. GENERAL\n* CTOC/COP/2012/1', null).symbol).toBeNull();
  });
});
