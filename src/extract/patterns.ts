/**
 * Patterns for entities that are not in the lexicon (part of stage 3, matching):
 *  - numbered sessions: "الدورة العاشرة لمجلس حقوق الإنسان", "دورته السابعة", "دورة المؤتمر الخامسة",
 *    "الدورتين الحادية والستين والثانية والستين للجنة ...";
 *  - resolutions and decisions: "قرار مجلس حقوق الإنسان 8/12", "القرار ٦١/١٤٤", "القرارين 63/156 و63/194";
 *  - special procedures: "المقرر(ة) الخاص(ة) [لمجلس ...] المعني(ة) بـ<mandate>", "الخبير المستقل المعني بـ...";
 *  - named meetings, programmes and instruments: a head noun ("المؤتمر الدولي", "حلقة عمل", "مبادرة",
 *    "صندوق", "استراتيجية") and the words that qualify it, up to punctuation or a clause boundary.
 * Heads and word lists are data (model/extraction/*.json, read by vocab.ts): Arabic grammar and UN
 * usage, not strings of any one document.
 */
import type { KindName, LexiconEntry } from '../model';
import { MONTH_WORDS, readOrdinal } from './dates';
import type { LexIndex } from './lexicon-index';
import type { Candidate } from './match';
import { bare, isDefinite, normaliseKey, stripConjunction, withoutArticle } from './arabic';
import type { DocTokens } from './tokens';
import {
  ACT_HEADS, ANAPHOR_HEADS, COMMA_CONT, CONCERNED, DANGLING_END, DEC_HEADS, DESCRIPTIVE, HEADS, HeadSpec, LINKS, RES_HEADS, SESSION_BODY_HEADS,
  HONORIFIC_WORDS, MEETING_ORDINAL_HEADS, PERSON_TITLES, SESSION_HEADS, STOP, TITLE_FIRST, TITLE_SECOND, TITLE_WORDS, TOPICS,
} from './vocab';

/** Agency categories that hold numbered sessions and adopt resolutions. */
export const BODY_CATEGORIES = new Set(['UN_ORGAN', 'INTERGOVERNMENTAL_BODY', 'TREATY_BODY']);

/** Does this lexicon entry name a body that holds numbered sessions (a council, assembly, commission...)? */
export function isSessionBody(e: LexiconEntry | undefined): boolean {
  if (!e || e.type !== 'Agency' || !BODY_CATEGORIES.has(e.category ?? '')) return false;
  const first = normaliseKey(e.nameAr).split(' ')[0] ?? '';
  return SESSION_BODY_HEADS.has(withoutArticle(first));
}

const TOPIC_LINKS = new Set(['بشان', 'حول', 'ضد']);
const ACTIVITY_TOPIC = new Set([...TOPIC_LINKS, 'عن', 'على', 'مجال', 'في']);

/** Does a topic word (model/extraction/topics.json) start this word, after proclitics and article? */
function isTopic(w: string): boolean {
  const b = bare(w);
  return TOPICS.some((t) => b.startsWith(t) || w.startsWith(t));
}

/** Definite heads that, standing alone, refer back to the latest entity named with that head. */
export const PATTERN_HEADS: string[] = ANAPHOR_HEADS;

const headTrie = new Map<string, HeadSpec[]>();
for (const h of HEADS) {
  const l = headTrie.get(h.words[0]) ?? [];
  l.push(h);
  headTrie.set(h.words[0], l);
}

/** Every word a pattern below starts with: the other words of a text are passed over with one look-up. */
const PATTERN_FIRST = new Set<string>([...SESSION_HEADS, ...MEETING_ORDINAL_HEADS, ...TITLE_FIRST.keys(), ...ACT_HEADS, ...RES_HEADS, ...DEC_HEADS, ...headTrie.keys()]);

/** Normalised text between token i and the next one (to the end of the text after the last token). */
function gapText(doc: DocTokens, i: number): string {
  return doc.norm.text.slice(doc.tokens[i].end, i + 1 < doc.tokens.length ? doc.tokens[i + 1].start : undefined);
}

/** Is w a stop word, alone or behind a proclitic ("ومن", "بعد")? */
function isStop(w: string): boolean {
  return STOP.has(w) || HONORIFIC_WORDS.has(w) || (/^[وبل]/.test(w) && (STOP.has(w.slice(1)) || HONORIFIC_WORDS.has(w.slice(1))));
}

/** Does a name stop before token j while the text goes on with a definite word or a name it could govern (no punctuation between)? */
function cut(doc: DocTokens, j: number, taken: Uint8Array): boolean {
  return j < doc.words.length && /^\s*$/.test(gapText(doc, j - 1)) && (taken[j] === 1 || isDefinite(doc.words[j]));
}

/** A noun with a possessive suffix ("وأسبابه", "وعواقبها") is definite (coordinated with "و", it goes on a name): the original ends in a real heh, not a ta marbuta. */
function possessive(doc: DocTokens, j: number): boolean {
  const o = doc.src.slice(doc.oStart[j], doc.oEnd[j]).replace(/[\u064b-\u065f\u0670\u0640]/g, '');
  return o.length > 3 && /(?:ه|ها|هم|هما)$/.test(o);
}

/** An imperfect verb ("يقدم", "يهدف"): indefinite, third person prefix; it opens a clause. */
function isVerb(w: string): boolean {
  return w.length >= 4 && w[0] === 'ي' && !isDefinite(w);
}

/**
 * Extent of the qualifying words after a head: up to punctuation (except a comma followed by
 * "ولا سيما"...), a clause boundary, a number, or `max` words. After a definite head ("المؤتمر")
 * a name goes on only with definite words, prepositional words and what they govern; an
 * indefinite word there starts a new clause ("المؤتمر ضيوف الشرف"). Returns the end token.
 */
export function qualifierEnd(doc: DocTokens, k: number, max: number, taken: Uint8Array, allowTaken = true, definiteHead = false, accusative = false, mandate = false): number {
  const { words } = doc;
  let j = k;
  let purposes = 0;
  if (k > 0 && k < words.length && !/^\s*$/.test(gapText(doc, k - 1))) return k;
  while (j < words.length && j - k < max) {
    const w = words[j];
    const afterComma = j > k && /^\s*,\s*$/.test(gapText(doc, j - 1)) && COMMA_CONT.has(w);
    if (!afterComma && isStop(w)) break;
    if (j > k && !afterComma && !/^\s*$/.test(gapText(doc, j - 1)) && !(words[j - 1] === 'رقم' && /^\s*\(\s*$/.test(gapText(doc, j - 1)))) break;
    // "المؤرخة 4 أيار/مايو 1910": a date inside the name of an older instrument.
    if (DATED.has(w)) {
      const e = dateEnd(doc, j + 1);
      if (e > j + 1) {
        j = e;
        continue;
      }
    }
    // "رقم (28) لسنة 2012": the number and year of a law or decree.
    if (/^\d/.test(w) && j > 0 && words[j - 1] === 'رقم') {
      j++;
      if (YEAR_OF.has(words[j] ?? '') && /^(?:19|20)\d\d$/.test(words[j + 1] ?? '')) j += 2;
      continue;
    }
    if (/^\d/.test(w) || (!allowTaken && taken[j])) break;
    if (TITLE_WORDS.has(w)) break; // the title that follows is handled by titleAfter
    if (j > k && w[0] === 'و' && PERSON_TITLES.has(w.slice(1))) break; // "وزارة التنمية الاجتماعية والمنسق ...": another noun phrase
    if (j > k && startsHead(doc, j)) break; // another name begins: "جلسات استماع ... للجنة الوطنية للمرأة"
    // A second purpose ("لمكافحة ... لقيادة ...") starts a description of what the named thing does.
    if (isPurpose(w) && purposes++ > 0) break;
    if (j > k && (isVerb(w) || /\n[^\S\n]*\n/.test(doc.src.slice(doc.oEnd[j - 1], doc.oStart[j])))) break; // a verb, or a blank line (a title line ends there)
    // An indefinite accusative ("قريبا", "أيضا") after a name closed by an adjective ("مؤتمر إقليمي") is an adverb or an object.
    if (j > k && !accusative && !taken[j] && w.length > 3 && w.endsWith('ا') && !isDefinite(w) && !/^[بل]/.test(w) && /يه?$/.test(words[j - 1])) break;
    // After a definite word an indefinite one cannot go on the construct ("صندوق الأمم المتحدة دور ...").
    // A name in the lexicon (a country, a body) is definite too.
    if (!(taken[j] && w[0] !== 'و') && (definiteHead || (j > k && (isDefinite(words[j - 1]) || taken[j - 1]))) && !isDefinite(w) && !(mandate && w[0] === 'و' && possessive(doc, j)) && !LINKS.has(w) && !/^[بل]/.test(w)) {
      const prev = j > k && !taken[j - 1] ? words[j - 1] : '';
      if (!(prev && (LINKS.has(prev) || (/^[بل]/.test(prev) && !isDefinite(prev))))) break;
    }
    j++;
  }
  // Do not end on a function word, a dangling conjunction, or a word whose genitive was cut ("دورات تدريبية لممثلي").
  while (j > k && (DANGLING_END.has(words[j - 1]) || (!taken[j - 1] && /^[لب][^ل]/.test(words[j - 1]) && !isDefinite(words[j - 1]) && !possessive(doc, j - 1) && cut(doc, j, taken)))) j--;
  return j;
}

/** Qualifying words of a name phrase [k, e): how many name it, the first three of them, and whether a named body or country is among them. */
function qualifiers(doc: DocTokens, k: number, e: number, taken: Uint8Array, lexAt: Map<number, Candidate>): { mods: number; own: number; early: string[]; named: boolean; names: number } {
  const { words } = doc;
  let names = 0;
  let mods = 0;
  let own = 0;
  let named = false;
  const early: string[] = [];
  for (let q = k; q < e; q++) {
    const w = words[q];
    if (taken[q]) named = true;
    if (lexAt.has(q)) names++;
    if (DESCRIPTIVE.has(w) || DESCRIPTIVE.has(withoutArticle(stripConjunction(w))) || readOrdinal(words, q)) continue;
    // A number names the thing after "رقم" ("تعليقها العام رقم 6"); elsewhere it is a date or a count.
    if ((/^\d/.test(w) && !(q > 0 && words[q - 1] === 'رقم')) || MONTH_WORDS.has(w) || DATED.has(w)) continue;
    mods++;
    if (!taken[q] && !LINKS.has(w)) own++;
    if (!taken[q] && !LINKS.has(w) && early.length < 3) early.push(w);
  }
  return { mods, own, early, named, names };
}

const DATED = new Set(['المورخ', 'المورخه', 'المورخين', 'المورختين']);
const YEAR_OF = new Set(['لسنه', 'لعام', 'سنه', 'عام']);

/** "لمكافحة", "لقيادة", "لإحالة": lam of purpose on an indefinite verbal noun. */
function isPurpose(w: string): boolean {
  return w.length >= 4 && w[0] === 'ل' && w[1] !== 'ل' && !isDefinite(w);
}

/** End of a date written from token j ("4 مايو 1910", "2 كانون الأول / ديسمبر 1949"), or j when none. */
function dateEnd(doc: DocTokens, j: number): number {
  const { words } = doc;
  let e = j;
  let month = false;
  while (e < words.length && e - j < 6) {
    const w = words[e];
    if (MONTH_WORDS.has(w)) month = true;
    else if (!/^\d{1,4}$/.test(w)) break;
    if (e > j && !/^[\s/,-]*$/.test(gapText(doc, e - 1))) break;
    e++;
  }
  return month ? e : j;
}

const OPEN_QUOTE = /^\s*["“«`]/;

/** A quoted title after token e ("بعنوان «...»"): token range of the title, or null. */
function titleAfter(doc: DocTokens, e: number, headEnd = -1): { start: number; end: number } | null {
  // The quote opens after a title word ("بعنوان «...»"), or right after the head itself ('مشروع "..."', 'مشروع ... من أجل "..."').
  let q = e;
  if (TITLE_WORDS.has(doc.words[e] ?? '') || doc.words[e] === 'بشان') q = e;
  else if (doc.words[e] === 'من' && doc.words[e + 1] === 'اجل') q = e + 1;
  // 'مشروعها الأول في الأردن من أجل "..."': a one-word place may stand before.
  else if (doc.words[e] === 'في' && doc.words[e + 2] === 'من' && doc.words[e + 3] === 'اجل') q = e + 3;
  else if (e === headEnd && e > 0) q = e - 1;
  else return null;
  if (q + 1 >= doc.words.length) return null;
  const from = doc.oEnd[q];
  if (!OPEN_QUOTE.test(doc.src.slice(from, doc.oStart[q + 1]))) return null;
  const close = doc.src.slice(doc.oStart[q + 1], doc.oStart[q + 1] + 200).search(/["”»`]/);
  if (close < 0) return null;
  const limit = doc.oStart[q + 1] + close;
  let t = q + 1;
  while (t < doc.words.length && doc.oEnd[t] <= limit) t++;
  // A one-word quote right after the head is more often another body's name ('برنامج "فرونتكس"').
  return t > q + (q === e - 1 ? 2 : 1) ? { start: q + 1, end: t } : null;
}

/** Does a pattern head (a named meeting, programme, body...) start at token j? */
function startsHead(doc: DocTokens, j: number): boolean {
  for (const f of doc.formsOf(j)) {
    for (const h of headTrie.get(f.form) ?? []) {
      let ok = true;
      for (let q = 1; q < h.words.length && ok; q++) if (doc.words[j + q] !== h.words[q]) ok = false;
      // An activity noun ("تدريب") goes on a name as a genitive ("مؤسسات تدريب القضاة").
      if (ok && !h.generic) return true;
    }
  }
  return false;
}

/** The country an office is in, written after its name ("... (IOM) في مملكة البحرين"): its id, or null. */
function countryAfter(doc: DocTokens, e: number, lex: Candidate[]): string | null {
  const c = lex.find((x) => x.kind === 'Country' && x.tStart > e && x.tStart <= e + 6 && doc.words[x.tStart - 1] === 'في');
  if (!c) return null;
  // Only a parenthesised aside (an acronym) may stand between the name and "في".
  const between = doc.src.slice(doc.oEnd[e - 1], doc.oStart[c.tStart - 1]);
  return /^\s*(?:\([^()]*\)\s*)?$/.test(between) ? c.entryId ?? null : null;
}

function isBody(index: LexIndex, c: Candidate | undefined): c is Candidate {
  return !!c && c.kind === 'Agency' && !!c.entryId && isSessionBody(index.entries.get(c.entryId));
}

function numericOrdinal(doc: DocTokens, k: number): { value: number; used: number } | null {
  const { words } = doc;
  const skip = words[k] === 'ال' ? 1 : 0;
  const w = words[k + skip] ?? '';
  // Only right after the head, with nothing but spaces (or the tatweel of "الـ") between.
  for (let q = k - 1; q < k + skip; q++) if (q < 0 || q + 1 >= words.length || !/^\s*$/.test(gapText(doc, q))) return null;
  return /^\d{1,3}$/.test(w) && Number(w) > 0 ? { value: Number(w), used: skip + 1 } : null;
}

const SECURITY_COUNCIL = 'agency:security-council';

/**
 * After a law/decree head ("القانون", "المرسوم", "القرار"): up to four qualifying words
 * ("الاتحادي", "الجمهوري", "مكافحة الاتجار بالبشر"), "رقم", the number (maybe in parentheses),
 * an optional "لسنة 2006" and an optional purpose ("لمكافحة الاتجار بالأشخاص").
 */
function readAct(doc: DocTokens, k: number, taken: Uint8Array): { number: string; year: string | null; end: number } | null {
  const { words } = doc;
  let j = k;
  while (j < words.length && j - k < 5 && words[j] !== 'رقم') {
    if (isStop(words[j]) || /^\d/.test(words[j]) || taken[j] || !/^\s*$/.test(gapText(doc, j - 1))) return null;
    j++;
  }
  if (words[j] !== 'رقم' || !/^\d{1,4}$/.test(words[j + 1] ?? '') || !/^\s*\(?\s*$/.test(gapText(doc, j))) return null;
  // "القرار رقم ٢٠١٥ (٢٢٥٣)" is a resolution, not a decree.
  if (j + 2 < words.length && /^\s*\(\s*$/.test(gapText(doc, j + 1)) && /^\d{4}$/.test(words[j + 2])) return null;
  const number = String(Number(words[j + 1]));
  let end = j + 2;
  let year: string | null = null;
  if (YEAR_OF.has(words[end] ?? '') && /^(?:19|20)\d\d$/.test(words[end + 1] ?? '')) {
    year = words[end + 1];
    end += 2;
  }
  // "القرار رقم 2388" alone is a resolution; a decree says what kind it is or the year ("القرار الجمهوري رقم ...", "... لسنة 2004").
  if (RES_HEADS.has(words[k - 1]) && j === k && !year) return null;
  if (isPurpose(words[end] ?? '') && /^\s*$/.test(gapText(doc, end - 1))) end = Math.max(end, qualifierEnd(doc, end, 8, taken));
  return { number, year, end };
}

const isYear = (n: number) => n >= 1945 && n <= 2035;

/** Was token k written in Arabic-Indic digits? */
function arabicDigits(doc: DocTokens, k: number): boolean {
  const c = doc.src.charCodeAt(doc.oStart[k]);
  return (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

/**
 * A resolution or decision number at token k, in one logical order whatever the digits and the
 * text's direction: "61/144" (session/number), "1997/22" (year/number), "2388 (2017)" (number
 * (year)), "317 (د-4)" (number (session)). Arabic documents write Arabic-Indic numbers in display
 * order ("١٤٤/٦١" is 61/144, "٢/٥" is 5/2), unless the whole text is in visual order (PDF).
 */
export function readNumber(doc: DocTokens, k: number): { number: string; end: number } | null {
  const { words } = doc;
  if (k + 1 >= words.length || !/^\d{1,4}$/.test(words[k])) return null;
  const g = gapText(doc, k).trim();
  // "317 (د -4)": the General Assembly's numbering before 1976, the session in parentheses.
  if (g === '(' && words[k + 1] === 'د' && /^\d{1,2}$/.test(words[k + 2] ?? '')) return { number: words[k], end: k + 3 };
  if (!/^\d{1,4}$/.test(words[k + 1])) return null;
  if (g === '/') {
    let a = Number(words[k]);
    let b = Number(words[k + 1]);
    if (arabicDigits(doc, k) && !doc.visual) [a, b] = [b, a];
    // Sessions are < 100 and numbers often larger; a year goes first ("1997/22").
    if ((isYear(b) && !isYear(a)) || (!isYear(a) && a >= 100 && b < 100)) [a, b] = [b, a];
    return { number: `${a}/${b}`, end: k + 2 };
  }
  if (g === '(' && /^\)/.test(gapText(doc, k + 1) ?? '')) {
    let [num, year] = [Number(words[k]), Number(words[k + 1])];
    // "٢٠١٥ (٢٢٤٠)": number and year swapped by the text's direction.
    if (isYear(num) && !isYear(year) && year >= 100) [num, year] = [year, num];
    if (isYear(year)) return { number: `${num} (${year})`, end: k + 2 };
  }
  return null;
}

export function findPatterns(doc: DocTokens, index: LexIndex, lex: Candidate[], blocked: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const { words, oStart, oEnd } = doc;
  const n = words.length;
  const lexAt = new Map<number, Candidate>();
  const taken = new Uint8Array(n);
  for (const c of lex) {
    lexAt.set(c.tStart, c);
    for (let t = c.tStart; t < c.tEnd; t++) taken[t] = 1;
  }
  const push = (kind: KindName, i: number, skip: number, end: number, pattern: Candidate['pattern']) => {
    let e = oEnd[end - 1];
    // "القرار ٢٣٣١ (٢٠١٦)": the mention takes the closing parenthesis of the year.
    if (doc.src[e] === ')' && /\([^)]*$/.test(doc.src.slice(oStart[i], e))) e++;
    out.push({ kind, start: oStart[i] + skip, end: e, tStart: i, tEnd: end, source: 'pattern', pattern });
  };

  for (let i = 0; i < n; i++) {
    if (blocked[i]) continue;
    for (const f of doc.formsOf(i)) {
      const w = f.form;
      if (!PATTERN_FIRST.has(w)) continue;
      // --- numbered sessions
      const meetingHead = MEETING_ORDINAL_HEADS.has(w);
      if (SESSION_HEADS.has(w) || meetingHead) {
        let k = i + 1;
        let bodyId: string | null = null;
        const lb = lexAt.get(k);
        if (w === 'دوره' && isBody(index, lb)) {
          bodyId = lb.entryId!;
          k = lb.tEnd;
        } else if (w === 'دوره' && /^ال/.test(words[k] ?? '') && readOrdinal(words, k + 1)) k++; // "دورة المؤتمر الخامسة"
        const ords: { value: number; start: number; end: number }[] = [];
        // News style writes the number: "الدورة الـ27", "الدورة 27".
        let o = readOrdinal(words, k) ?? numericOrdinal(doc, k);
        while (o) {
          ords.push({ value: o.value, start: k, end: k + o.used });
          k += o.used;
          o = /^و/.test(words[k] ?? '') ? readOrdinal(words, k) : null;
        }
        const after = lexAt.get(k);
        let end = k;
        if (ords.length && !bodyId && isBody(index, after) && doc.gapOk[k - 1]) {
          bodyId = after.entryId!;
          end = after.tEnd;
        }
        // "الاجتماع الرابع عشر للفريق العامل" is that body's numbered meeting; "اجتماعه الخامس" the body's named before;
        // "المؤتمر الثاني" alone names no body: left to the other patterns.
        const needsBody = meetingHead && !/(?:ه|ها)$/.test(w);
        if (ords.length && !(needsBody && !bodyId)) {
          for (const od of ords) push('Meeting', i, f.skip, end, { type: 'session', ordinal: od.value, bodyId, noDocBody: meetingHead || undefined });
          break;
        }
        if (!meetingHead) continue;
      }
      // --- special procedures
      const cat = TITLE_FIRST.get(w);
      // "مقرر الأمم المتحدة الخاص": the body whose rapporteur it is may come between the two title words.
      const owner = cat && !TITLE_SECOND[cat].has(words[i + 1] ?? '') ? lexAt.get(i + 1) : undefined;
      const second = owner?.kind === 'Agency' ? owner.tEnd : i + 1;
      if (cat && TITLE_SECOND[cat].has(words[second] ?? '')) {
        if (taken[i] && lexAt.get(i)?.kind === 'Rapporteur') break;
        let k = second + 1;
        // "المقررين الخاصين، الحالي والسابق، المعنيين" / "الخاص للأمين العام المعني" / "لمجلس حقوق الإنسان المعنية"
        let j = k;
        while (j < n && j - k < 6 && !CONCERNED.has(words[j]) && !STOP.has(words[j])) j++;
        if (CONCERNED.has(words[j] ?? '')) {
          const m0 = j + 1;
          const mEnd = qualifierEnd(doc, m0, 12, taken, true, false, false, true);
          if (mEnd > m0 && !/^(?:ب)?(?:هذه|هذا)$/.test(words[m0])) {
            push('Rapporteur', i, f.skip, mEnd, { type: 'rapporteur', mandate: words.slice(m0, mEnd).map(bare), category: cat });
            i = mEnd - 1;
            break;
          }
        }
        // A bare "المقررة الخاصة" refers back to the mandate named before.
        out.push({ kind: null, start: oStart[i] + f.skip, end: oEnd[second], tStart: i, tEnd: second + 1, source: 'anaphor', anaphor: 'rapporteur:' + cat, anaphorKinds: ['Rapporteur'] });
        i = second;
        break;
      }
      // --- national laws and decrees: "القانون الاتحادي رقم 51 لسنة 2006", "قانون مكافحة الاتجار بالبشر رقم (28) لسنة 2012"
      if (ACT_HEADS.has(w)) {
        const act = readAct(doc, i + 1, taken);
        if (act) {
          push('Instrument', i, f.skip, act.end, { type: 'named', category: 'OTHER', key: `${bare(w)} ${act.number}`, act: { number: act.number, year: act.year } });
          i = act.end - 1;
          break;
        }
      }
      // --- resolutions and decisions
      const isRes = RES_HEADS.has(w);
      if (isRes || DEC_HEADS.has(w)) {
        let k = i + 1;
        let bodyId: string | null = null;
        const lb = lexAt.get(k);
        if (isBody(index, lb)) {
          bodyId = lb.entryId!;
          k = lb.tEnd;
        }
        // "قرار المجلس 1997/22": the body named by its head alone (resolved to the body named before).
        let bodyWord = -1;
        if (!bodyId && SESSION_BODY_HEADS.has(withoutArticle(words[k] ?? '')) && isDefinite(words[k])) bodyWord = k++;
        if (words[k] === 'رقم') k++; // "القرار رقم 2388"
        let num = readNumber(doc, k);
        // Security Council resolutions, and the General Assembly's before 1976, are numbered alone: "قرار مجلس الأمن 2388", "القرار 317".
        if (!num && /^\d{3,4}$/.test(words[k] ?? '') && !isYear(Number(words[k])) && /^\s*\(?\s*$/.test(gapText(doc, k - 1))) num = { number: words[k], end: k + 1 };
        if (!num) continue;
        // ... and that head is a reference back to the body, inside the resolution's name (the body adopted it).
        if (bodyWord >= 0) out.push({ kind: null, start: oStart[bodyWord], end: oEnd[bodyWord], tStart: bodyWord, tEnd: bodyWord + 1, source: 'anaphor', anaphor: words[bodyWord] });
        let first = true;
        while (num) {
          push('Instrument', first ? i : k, first ? f.skip : 0, num.end, { type: 'resolution', number: num.number, bodyId, category: isRes ? 'RESOLUTION' : 'DECISION' });
          first = false;
          k = num.end;
          if (words[k] === 'و') k++;
          else if (!/^\s*,\s*$/.test(k - 1 < n - 1 ? gapText(doc, k - 1) : '')) break;
          num = readNumber(doc, k);
        }
        break;
      }
      // --- named meetings, programmes, instruments
      const specs = headTrie.get(w);
      if (specs && !(lexAt.has(i))) {
        let done = false;
        for (const h of specs) {
          let ok = true;
          for (let q = 1; q < h.words.length; q++) if (words[i + q] !== h.words[q] || !doc.gapOk[i + q - 1]) ok = false;
          if (!ok) continue;
          const k = i + h.words.length;
          // An activity noun ("تدريب") is an event as a verb's subject or object, not as a purpose ("لتدريب ...") or a topic ("حلقة عمل عن تدريب المدربين").
          if (h.generic && (f.form !== words[i] && f.form !== stripConjunction(words[i]) || (i > 0 && ACTIVITY_TOPIC.has(words[i - 1])))) continue;
          // "٢٣ حلقة عمل", "ثلاث حلقات": a count of events, not one event.
          if (i > 0 && /^\d{1,3}$/.test(words[i - 1]) && /^\s*$/.test(gapText(doc, i - 1))) continue;
          // "جامعة وشاملة" is an adjective and a conjunction, not a name.
          if (h.minMods > 0 && /^و[^ا]/.test(words[k] ?? '') && !isDefinite(words[k])) continue;
          // "حلقة العمل لدعم ...": after a definite meeting head a purpose describes the meeting named before.
          let e = h.kind === 'Meeting' && isDefinite(h.words[h.words.length - 1]) && isPurpose(words[k] ?? '') ? k : qualifierEnd(doc, k, h.maxMods ?? 10, taken, h.kind !== 'Meeting', h.words[0].startsWith('ال'), h.words[h.words.length - 1].endsWith('ا'));
          // A body is named by what it is for ("المعنية بـ", "لمكافحة"), not by what it does "بشأن" something.
          if (h.kind === 'Agency') for (let q = k; q < e; q++) if (TOPIC_LINKS.has(words[q])) e = q;
          // A State's name closes a body's name: a definite word after it is the verb's object or the next item ("وزير داخلية بيلاروس الاجتماعَ").
          if (h.kind === 'Agency') {
            const c = lex.find((x) => x.kind === 'Country' && x.tStart >= k && x.tEnd < e && !taken[x.tEnd] && isDefinite(words[x.tEnd]) && !/^(?:لل|بال)/.test(words[x.tEnd]));
            if (c) e = c.tEnd;
          }
          // Qualifiers that describe without naming ("إقليمي", "جديد", "ثالث") do not count; a named
          // body or country among them ("صندوق الاتحاد الأوروبي ...") identifies the thing.
          const q = qualifiers(doc, k, e, taken, lexAt);
          // A quoted title right after the phrase names it: حلقة دراسية بعنوان "...", حدثاً عنوانه "...".
          const t = titleAfter(doc, e, k);
          if (h.titled && !t) continue;
          // Meetings described only by adjectives ("حلقة دراسية دولية") are kept as unnamed events, told apart (or dropped) by date and place.
          const described = h.kind === 'Meeting' && e - k >= h.minMods;
          if (!t && q.mods < h.minMods && !described) continue;
          // The topic word must come early: "مشروع تشريعاتها ... المتعلقة بالاتجار" is not a named project.
          if (!t && h.topic && !q.early.some(isTopic) && !(q.named && q.own > 0)) continue;
          // "مكتب مجلس أوروبا بتونس", "بعثة الاتحاد الأوروبي ...": heads that name only with a named body or country.
          // ... and something more than that body ("مكتب الأمم المتحدة" alone is any UN office).
          // ... or a named body and the country the office is in ("مكتبا جديدا للمنظمة الدولية للهجرة في مملكة البحرين").
          const placed = !t && h.named && q.named && q.own === 0 && q.names < 2 ? countryAfter(doc, e, lex) : null;
          if (!t && h.named && !(q.named && (q.own > 0 || q.names >= 2)) && !placed) continue;
          const end = t ? t.end : e;
          // "البعثتان الدائمتان لبيلاروس والفلبين": a dual or plural head names one body per country it lists.
          const countries = h.singular ? lex.filter((c) => c.kind === 'Country' && c.tStart >= k && c.tEnd <= e) : [];
          if (countries.length) {
            for (const c of countries) push(h.kind, i, f.skip, end, { type: 'named', category: h.category, key: `${h.singular!.map(bare).join(' ')} ${c.entryId}` });
            i = end - 1;
            done = true;
            break;
          }
          const kw = t ? words.slice(t.start, t.end) : h.lemma ? [h.lemma, ...words.slice(k, e).filter((x) => !DESCRIPTIVE.has(withoutArticle(x)))] : words.slice(i, e);
          const key = [...kw.map(bare), ...(placed ? [placed.replace(/^country:/, '')] : [])].join(' ');
          push(h.kind, i, f.skip, end, { type: 'named', category: h.category, key, generic: !t && (!!h.generic || ((q.mods === 0 || q.mods < h.minMods) && !q.named)), lemma: h.lemma });
          i = end - 1;
          done = true;
          break;
        }
        if (done) break;
      }
    }
  }
  return out;
}
