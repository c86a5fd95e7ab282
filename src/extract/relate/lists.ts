/**
 * The clause engine's reading of one sentence's surface: which words are triggers, which names form
 * a coordinated list ("A، وB، وC"), and the marker that introduces each list (direct, a preposition,
 * a passive agent, a partner, a circumstance, a mandate, or "not an actor": the genitive of a plain
 * noun). The argument frames are read on top of this by relate/clause.ts.
 */
import type { DocTokens } from '../tokens';
import { bare } from '../arabic';
import type { Frames, Role, Trigger } from './frames';

export interface Mention {
  entityId: string;
  kind: string;
  start: number;
  end: number;
  /** Agencies named inside this name (the body of a session or a resolution: "الدورة الرابعة لمجلس حقوق الإنسان", "قرار الجمعية العامة 317"). */
  bodies?: string[];
  /** Named by an anaphor ("المكتب") rather than by its name. */
  anaphoric?: boolean;
  /** First and last token. */
  a: number;
  b: number;
  /** First token of a person's title the name stands behind ("نائب المدير التنفيذي لليونيسيف"): the body acts through them. */
  ea?: number;
}

export type MarkerKind = 'direct' | 'prep' | 'passive' | 'partner' | 'circumstance' | 'mandate' | 'notActor';

export interface Group {
  members: Mention[];
  a: number;
  b: number;
  marker: MarkerKind;
  prep: string;
}

/** A trigger read at a token: its last token and whether it carries an object pronoun ("نظمته"). */
export interface TriggerAt {
  trig: Trigger;
  end: number;
  suffix: boolean;
}

const NO_TRIGGERS: TriggerAt[] = [];

export type Emit = (type: string, from: string, to: string, confidence: number) => void;

export const PREPS = new Set(['في', 'الي', 'علي', 'مع', 'من', 'عن', 'لدي', 'بين', 'ضد', 'نحو']);
export const HARD = /[.;:؛؟!?]/;
export const COMMA = /[،,]/;

const gapFlagsOf = (g: string) => 1 | (HARD.test(g) ? 2 : 0) | (COMMA.test(g) ? 4 : 0);

export const other = (r: Role): Role => (r === 'from' ? 'to' : 'from');
/** "علي" from "عليه", "الي" from "اليه", "ل" from "له". */
export const normPrep = (w: string) => (w === 'لدي' ? w : w === 'ف' ? 'في' : w);
export const noWaw = (w: string) => ((w[0] === 'و' || w[0] === 'ف') && w.length > 2 ? w.slice(1) : w);

/** Items of `sorted` (ascending by key) whose key is in [lo, hi). */
export function between<T>(sorted: T[], key: (x: T) => number, lo: number, hi: number): T[] {
  let l = 0;
  let h = sorted.length;
  while (l < h) {
    const mid = (l + h) >> 1;
    if (key(sorted[mid]) < lo) l = mid + 1;
    else h = mid;
  }
  const out: T[] = [];
  for (let i = l; i < sorted.length && key(sorted[i]) < hi; i++) out.push(sorted[i]);
  return out;
}

export class ClauseLists {
  /** First token of the sentence being read. */
  protected sentenceStart = 0;
  protected gapText: (i: number) => string;

  constructor(
    protected doc: DocTokens,
    protected fr: Frames,
  ) {
    this.gapText = (i: number) => (i + 1 < doc.words.length ? doc.src.slice(doc.oEnd[i], doc.oStart[i + 1]) : '');
    this.gapFlags = new Uint8Array(doc.words.length);
    this.triggerCache = new Array(doc.words.length);
  }

  /** Per gap after token i: 1 read, 2 hard punctuation, 4 comma (read on first use: the clause tests gaps over and over). */
  private gapFlags: Uint8Array;
  private gap(i: number): number {
    if (i < 0 || i >= this.gapFlags.length) return gapFlagsOf(this.gapText(i));
    let f = this.gapFlags[i];
    if (f === 0) this.gapFlags[i] = f = gapFlagsOf(this.gapText(i));
    return f;
  }

  protected hard(i: number): boolean {
    return (this.gap(i) & 2) !== 0;
  }

  /** Is there a comma between token i and the next? */
  protected comma(i: number): boolean {
    return (this.gap(i) & 4) !== 0;
  }

  /** Does the phrase end right before token k (its last word may be the proclitic of token k)? */
  protected phraseBefore(ph: string[], k: number, proclitic: string, lo: number): boolean {
    let n = ph.length;
    let j = k - 1;
    if (ph[n - 1].length === 1) {
      if (ph[n - 1] !== proclitic) return false;
      n--;
    }
    for (let w = n - 1; w >= 0; w--, j--) {
      if (j < lo || this.hard(j)) return false;
      const tok = this.doc.words[j];
      if (tok !== ph[w] && !(w === 0 && noWaw(tok) === ph[w])) return false;
    }
    return true;
  }

  /** The preposition glued to the mention's first token (ب، ل، ك), if the mention starts after it or fuses it ("للأمم"). */
  protected proclitic(m: Mention): string {
    const d = this.doc;
    const w = d.words[m.a];
    const pre = m.start > d.oStart[m.a] ? d.src.slice(d.oStart[m.a], m.start).replace(/[^\u0621-\u064a]/g, '') : '';
    const last = pre[pre.length - 1] ?? '';
    if ('بلك'.includes(last) && last) return last;
    return w.slice(pre.length).startsWith('لل') ? 'ل' : '';
  }

  protected markerOf(m0: Mention, lo: number): { marker: MarkerKind; prep: string } {
    // A name behind a person's title takes the title's place in the clause.
    const m = m0.ea === undefined ? m0 : { ...m0, a: m0.ea, start: this.doc.oStart[m0.ea] };
    const p = m0.ea === undefined ? this.proclitic(m0) : this.titleProclitic(m0.ea);
    const tables: [MarkerKind, string[][]][] = [
      ['mandate', this.fr.mandate],
      ['passive', this.fr.passiveAgent],
      ['partner', this.fr.partner],
      ['circumstance', this.fr.circumstance],
    ];
    for (const [kind, list] of tables) for (const ph of list) if (this.phraseBefore(ph, m.a, p, lo)) return { marker: kind, prep: '' };
    // "بالاشتراك مع حكومة البرازيل": the marker stands before a word such as حكومة that introduces the name.
    const g0 = m.a - 1 >= lo && !this.inMention(m.a - 1) && !this.hard(m.a - 1) ? this.doc.words[m.a - 1] : '';
    const glued = (w: string) => w.length > 3 && this.fr.listGlue.has(w);
    if (g0 && (glued(g0) || glued(noWaw(g0)) || (/^[بل]/.test(g0) && glued(g0.slice(1))))) {
      const p0 = /^[بل]/.test(g0) && glued(g0.slice(1)) ? g0[0] : '';
      for (const [kind, list] of tables) for (const ph of list) if (this.phraseBefore(ph, m.a - 1, p0, lo)) return { marker: kind, prep: '' };
    }
    const j = m.a - 1;
    const prev = j >= lo && !this.hard(j) ? noWaw(this.doc.words[j]) : '';
    const prev2 = j - 1 >= lo && !this.hard(j - 1) ? noWaw(this.doc.words[j - 1]) : '';
    // "ولاية (جديدة) لمقرر خاص": the mandate is the thing created ("ولاية" itself starts with و).
    const objNoun = (k: number) => k >= lo && !this.inMention(k) && (this.fr.objectNouns.has(this.doc.words[k]) || this.fr.objectNouns.has(noWaw(this.doc.words[k])));
    if (prev && (objNoun(j) || (objNoun(j - 1) && /^(ال)?جديد/.test(prev)))) return { marker: 'direct', prep: '' };
    // "مع مؤسسات أخرى كالجمعيات الوطنية": an example (كـ) of a plain noun takes the marker of that noun.
    if (p === 'ك') {
      for (let k = m.a - 1; k >= Math.max(lo, m.a - 3) && !this.inMention(k) && !this.hard(k); k--) {
        for (const [kind, list] of tables) for (const ph of list) if (this.phraseBefore(ph, k, '', lo)) return { marker: kind, prep: '' };
        const w = k - 1 >= lo ? noWaw(this.doc.words[k - 1]) : '';
        if (PREPS.has(w)) return { marker: 'prep', prep: w };
      }
    }
    // "ببلدية تونس", "في مدينة عمّان": a place noun carries the preposition to the name after it.
    if (!p && m.a - 1 >= lo && !this.inMention(m.a - 1) && !this.hard(m.a - 1)) {
      const pl = this.placeNoun(this.doc.words[m.a - 1]);
      if (pl === 'ب') return { marker: 'prep', prep: 'ب' };
      if (pl === '' && m.a - 2 >= lo && noWaw(this.doc.words[m.a - 2]) === 'في') return { marker: 'prep', prep: 'في' };
    }
    if (p) return { marker: 'prep', prep: p };
    // "وخطة العمل": a name with و is coordinated, never the genitive of the word before.
    const wawTitle = m0.ea !== undefined && this.doc.words[m.a][0] === 'و' && this.isTitle(this.doc.words[m.a].slice(1));
    if (!prev || wawTitle || (m.start > this.doc.oStart[m.a] && this.doc.words[m.a][0] === 'و')) return { marker: 'direct', prep: '' };
    const raw = this.doc.words[j];
    // "كل من مصر وليبيا": "both/all of", not the preposition من.
    if (prev === 'من' && prev2 === 'كل') return { marker: 'direct', prep: '' };
    if (PREPS.has(prev) || PREPS.has(raw)) return { marker: 'prep', prep: PREPS.has(prev) ? prev : raw };
    if (/[،,()"«»“”]/.test(this.gapText(j)) || /^[0-9]+$/.test(raw)) return { marker: 'direct', prep: '' };
    // "صدقت عليه تونس": a preposition with a pronoun is not a noun the name could qualify.
    const prepPronoun = [prev, raw].some((w) => this.fr.objectPronouns.some((pr) => w.endsWith(pr) && (PREPS.has(w.slice(0, -pr.length)) || ['ل', 'ب', 'ف', 'الي', 'علي'].includes(w.slice(0, -pr.length)) || this.fr.mandate.some((ph) => ph.length === 1 && ph[0] === w.slice(0, -pr.length)))));
    // A verb before the name makes it the subject: after قد, or a past verb in ـت ("أشارت", not "منظمات").
    const prevPrev = j - 1 >= lo ? noWaw(this.doc.words[j - 1]) : '';
    const verbLike = prevPrev === 'قد' || prevPrev === 'لقد' || (/ت$/.test(prev) && !/ات$/.test(prev) && prev.length <= 6);
    const plain =
      !prepPronoun &&
      !verbLike &&
      !this.fr.listGlue.has(prev) && !this.fr.listGlue.has(raw) && !this.fr.adverbs.has(raw) && !this.fr.auxiliaryVerbs.has(prev) && !this.fr.auxiliaryVerbs.has(raw) &&
      !this.fr.relativePronouns.has(prev) && !this.isBoundary(j) && raw !== 'و' && this.triggersAt(j).length === 0 && !this.inMention(j);
    if (plain) return { marker: 'notActor', prep: '' };
    return { marker: 'direct', prep: '' };
  }

  /** "ببلدية" -> 'ب', "مدينة" -> '', anything else -> null (placeNouns are compared without bare(), which would fold بلدية's ب). */
  protected placeNoun(tok: string): 'ب' | '' | null {
    const w = noWaw(tok);
    const has = (x: string) => this.fr.placeNouns.has(x) || this.fr.placeNouns.has(x.replace(/^ال/, ''));
    if (has(w)) return '';
    return w[0] === 'ب' && has(w.slice(1)) ? 'ب' : null;
  }

  /** The preposition glued to a title word ("لممثلي"), or ''. */
  protected titleProclitic(k: number): string {
    const w = noWaw(this.doc.words[k]);
    // "لممثلي": the title with its preposition (bare() would fold the ل away and call the whole word a title).
    const t = this.fr.personNouns;
    return /^[بل]/.test(w) && this.isTitle(w.slice(1)) && !t.has(w) ? w[0] : '';
  }

  protected isTitle(w: string): boolean {
    const t = this.fr.personNouns;
    return t.has(w) || t.has(noWaw(w)) || t.has(bare(w));
  }

  /**
   * "نائب المدير التنفيذي لليونيسيف", "ممثلين عن المنظمة", "وزير داخلية بيلاروس": the token where the
   * title a body's name stands behind starts, or undefined. The name must be the title's genitive
   * (or follow لـ/عن/من), within a few words, no comma between.
   */
  protected titleStart(m: Mention, lo: number): number | undefined {
    if (m.kind !== 'Agency' && m.kind !== 'Country') return undefined;
    const d = this.doc;
    const p = this.proclitic(m);
    const prev = m.a - 1 >= lo ? noWaw(d.words[m.a - 1]) : '';
    if (p === 'ب' || p === 'ك' || (PREPS.has(prev) && !['عن', 'من', 'لدي'].includes(prev))) return undefined;
    let found: number | undefined;
    for (let k = m.a - 1; k >= Math.max(lo, m.a - 4); k--) {
      if (this.inMention(k) || this.hard(k) || this.comma(k)) break;
      const w = d.words[k];
      if (this.isTitle(w) || this.titleProclitic(k)) found = k;
      else if (found !== undefined) break;
    }
    return found;
  }

  /** Tokens of the current sentence inside a name (index from `coveredFrom`), for constant-time tests. */
  protected covered = new Uint8Array(0);
  protected coveredFrom = 0;
  protected inMention(k: number): boolean {
    const i = k - this.coveredFrom;
    return i >= 0 && i < this.covered.length && this.covered[i] === 1;
  }

  protected groups(ms: Mention[], lo: number): Group[] {
    const hi = ms.length ? ms[ms.length - 1].b : lo;
    this.coveredFrom = lo;
    this.covered = new Uint8Array(Math.max(0, hi - lo + 1));
    for (const m of ms) for (let k = m.a; k <= m.b; k++) if (k >= lo) this.covered[k - lo] = 1;
    for (const m of ms) {
      m.ea = this.titleStart(m, lo);
      if (m.ea !== undefined) for (let k = m.ea; k < m.a; k++) this.covered[k - lo] = 1;
    }
    const out: Group[] = [];
    for (const m of ms) {
      const g = out[out.length - 1];
      // "A لدى الأمم المتحدة، وB" / "A التابعة لـX، وB": after a comma the list goes on past a name that only qualifies A.
      const p = out[out.length - 2];
      if (
        p && g.members.length === 1 && g.a - p.b <= 3 && this.isModifier(g) && this.joins(g, m, true) && this.commaBetween(g.b, m.a) &&
        this.sameSort(p.members[p.members.length - 1].kind, m.kind) && p.marker !== 'circumstance' && p.marker !== 'notActor'
      ) {
        p.members.push(m);
        p.b = m.b;
        out[out.length - 2] = g;
        out[out.length - 1] = p;
        continue;
      }
      if (g && this.joins(g, m)) {
        g.members.push(m);
        g.b = m.b;
        continue;
      }
      const { marker, prep } = this.markerOf(m, lo);
      out.push({ members: [m], a: m.ea ?? m.a, b: m.b, marker, prep });
    }
    return out;
  }

  /** A list holds one sort of thing: actors (agencies, States) or objects of one kind. */
  protected sameSort(a: string, b: string): boolean {
    const actor = (k: string) => k === 'Agency' || k === 'Country';
    return a === b || (actor(a) && actor(b));
  }

  /** A single name that only qualifies the name before it: a genitive, a circumstance, or the object of an attribute ("التابعة لـ"). */
  protected isModifier(g: Group): boolean {
    if (g.marker === 'notActor' || g.marker === 'circumstance') return true;
    return g.marker === 'prep' && g.a > 0 && this.triggersAt(g.a - 1).some((t) => t.trig.frame.pattern === 'attributive');
  }

  protected joins(g: Group, m: Mention, pastModifier = false): boolean {
    const d = this.doc;
    const last = g.members[g.members.length - 1];
    // One span naming two bodies ("البعثتان الدائمتان لبيلاروس والفلبين") is a list of both.
    if (m.a === last.a && m.b === last.b && m.start === last.start) return true;
    if (m.a <= last.b) return false;
    if (m.entityId === last.entityId && m.a - last.b <= 1) return true;
    if (!pastModifier && !this.sameSort(m.kind, last.kind)) return false;
    // Parenthesised asides ("ميكرونيزيا (ولايات-المتحدة)") do not break a list.
    const between = d.src.slice(last.end, m.start);
    const parens: [number, number][] = [];
    // Titles in quotes ("القرار 1/2 المعنون «...» والقرار 3/4") are asides too.
    for (const x of between.matchAll(/\([^()]*\)|"[^"]*"|«[^»]*»|“[^”]*”/g)) parens.push([last.end + x.index!, last.end + x.index! + x[0].length]);
    const inParen = (k: number) => parens.some(([a, b]) => d.oStart[k] >= a && d.oEnd[k] <= b);
    let conj = false;
    let comma = false;
    const ma = m.ea ?? m.a;
    // "منتدى فيينا، بما في ذلك حلقة العمل": the words between only add to the list.
    const mid = d.words.slice(last.b + 1, ma).map(noWaw).join(' ');
    if (mid && this.fr.listContinuers.has(mid) && !this.hardBetween(last.b, ma)) return true;
    for (let j = last.b; j < ma; j++) {
      if (this.hard(j) && !inParen(j) && !inParen(j + 1)) return false;
      if (this.comma(j)) comma = true;
      if (j > last.b && !inParen(j)) {
        const w = d.words[j];
        if (w === 'و' || w === 'او') conj = true;
        else if (!(this.fr.listGlue.has(w) || this.fr.listGlue.has(noWaw(w)) || (g.prep && noWaw(w) === g.prep))) return false;
        if (w[0] === 'و') conj = true;
      }
    }
    // A genitive or a circumstance qualifies one noun; it does not open a comma list.
    if (!pastModifier && comma && (g.marker === 'notActor' || g.marker === 'circumstance') && g.members.length === 1) return false;
    if (d.words[ma][0] === 'و' && (m.ea !== undefined || m.start > d.oStart[m.a] || m.a === last.b + 1)) conj = true;
    return conj || comma;
  }

  protected boundaryCache: Int8Array | null = null;
  protected isBoundary(k: number): boolean {
    const c = (this.boundaryCache ??= new Int8Array(this.doc.words.length));
    if (c[k] === 0) c[k] = this.findBoundary(k) ? 1 : -1;
    return c[k] === 1;
  }

  protected findBoundary(k: number): boolean {
    const w = this.doc.words[k];
    if (this.fr.relativePronouns.has(w) || this.fr.relativePronouns.has(noWaw(w))) return true;
    for (const ph of this.fr.boundaries) {
      if (ph.length === 1 && (w === ph[0] || noWaw(w) === ph[0])) return true;
    }
    return false;
  }

  /** Triggers at token k: exact-form triggers ("برئاسة") shadow the bare ones of the same type. */
  protected triggerCache: (TriggerAt[] | undefined)[];
  /** Never modify the result (cached per token). */
  triggersAt(k: number): TriggerAt[] {
    if (k < 0 || k >= this.triggerCache.length) return this.findTriggers(k);
    return (this.triggerCache[k] ??= this.findTriggers(k));
  }

  protected findTriggers(k: number): TriggerAt[] {
    const d = this.doc;
    const w = d.words[k];
    if (w === undefined) return NO_TRIGGERS;
    // The readings in order (the word, then without each object pronoun); the first whose
    // multi-word triggers also match the words after k wins.
    let found: TriggerAt[] = NO_TRIGGERS;
    for (const r of this.readingsOf(w)) {
      const out: TriggerAt[] = [];
      for (const t of r.list) {
        let ok = true;
        for (let q = 0; q < t.rest.length; q++) if (d.words[k + 1 + q] !== t.rest[q]) ok = false;
        if (ok) out.push({ trig: t, end: k + t.rest.length, suffix: r.suffix });
      }
      if (out.length) {
        found = out;
        break;
      }
    }
    if (!found.length) return NO_TRIGGERS;
    const exactTypes = new Set(found.filter((f) => f.trig.exact).map((f) => f.trig.frame.type));
    return found.filter((f) => f.trig.exact || !exactTypes.has(f.trig.frame.type));
  }

  /** A document repeats its words: the trigger readings of each distinct word, read once. */
  private readings = new Map<string, { list: Trigger[]; suffix: boolean }[]>();
  private readingsOf(w: string): { list: Trigger[]; suffix: boolean }[] {
    let rs = this.readings.get(w);
    if (rs) return rs;
    rs = [];
    const tryKey = (word: string, suffix: boolean) => {
      // A verb whose root starts with و ("وقّع", "وضع") may also carry the conjunction: "ووقعت".
      const list = this.fr.triggers.get(bare(word)) ?? (word[0] === 'و' ? this.fr.triggers.get(bare(word.slice(1))) : undefined);
      // An exact-form trigger ("برئاسة") is only that form.
      const fit = list?.filter((t) => !t.exact || noWaw(w) === t.exact || w === t.exact);
      if (fit?.length) rs!.push({ list: fit, suffix });
    };
    tryKey(w, false);
    for (const p of this.fr.objectPronouns) if (w.length > p.length + 2 && w.endsWith(p)) tryKey(w.slice(0, -p.length), true);
    this.readings.set(w, rs);
    return rs;
  }

  /** Is there an entrusting verb ("عهدت", "كلفت") in the few words before token a, within the sentence? */
  protected entrustBefore(a: number, q: number): boolean {
    for (let k = a - 1; k >= Math.max(this.sentenceStart, a - 8); k--) {
      if (this.hard(k)) return false;
      if (this.fr.entrustVerbs.has(noWaw(this.doc.words[k]))) return true;
    }
    return false;
  }

  /** Are the words between a and b only a date ("في نيسان/أبريل 2012", "في عام 2005")? */
  protected dateBetween(a: number, b: number): boolean {
    let year = false;
    for (let k = a + 1; k < b; k++) {
      const w = noWaw(this.doc.words[k]);
      if (/^[0-9]{4}$/.test(w)) year = true;
      else if (!(w === 'في' || w === 'عام' || /^[0-9]{1,2}$/.test(w) || this.fr.dateWords.has(bare(w)) || this.fr.dateWords.has(w))) return false;
    }
    return year;
  }

  private markerPhrases: string[][] | null = null;
  /** Is token k a word of a multi-word partner or circumstance marker ("بالمشاركة مع", "بدعم من")? */
  protected inMarkerPhrase(k: number, lo: number): boolean {
    const d = this.doc;
    for (const ph of (this.markerPhrases ??= this.fr.partner.concat(this.fr.circumstance).filter((x) => x.length >= 2))) {
      for (let i = 0; i < ph.length; i++) {
        const j = k - i;
        if (j < lo || j + ph.length > d.words.length) continue;
        let ok = true;
        for (let w = 0; w < ph.length && ok; w++) {
          const tok = d.words[j + w];
          ok = tok === ph[w] || (w === 0 && noWaw(tok) === ph[w]);
          if (w < ph.length - 1 && this.hard(j + w)) ok = false;
        }
        if (ok) return true;
      }
    }
    return false;
  }

  /** Token index of a relative pronoun right before the trigger (optionally with قد/كان between), or -1. */
  protected relativeBefore(q: number, t0: number): number {
    for (let j = q - 1; j >= Math.max(t0, q - 3); j--) {
      const w = this.doc.words[j];
      if (this.fr.relativePronouns.has(w) || (w[0] === 'و' && this.fr.relativePronouns.has(w.slice(1)))) return j;
      if (!this.fr.adverbs.has(w) && w !== 'كان' && w !== 'كانت') return -1;
    }
    return -1;
  }

  /** Is the mention a resolution or decision by its head noun ("قرار", "بقرارها", "المقرر")? */
  protected isResolution(m: Mention): boolean {
    const w = bare(noWaw(this.doc.words[m.a]));
    return this.fr.resolutionNouns.some((n) => w === n || (w.startsWith(n) && w.length - n.length <= 2));
  }

  protected hardBetween(a: number, b: number): boolean {
    for (let j = a; j < b; j++) if (this.hard(j)) return true;
    return false;
  }

  protected commaBetween(a: number, b: number): boolean {
    for (let j = a; j < b; j++) if (this.comma(j)) return true;
    return false;
  }

  /** "قراره" (m), "بقرارها" (f): a resolution named with a possessive pronoun, and the pronoun's gender; else null. */
  possessive(m: Mention): 'm' | 'f' | null {
    const x = /^(قرار|مقرر|قرارات)(ه|ها|هم)$/.exec(bare(this.doc.words[m.a]));
    return x ? (x[2] === 'ها' ? 'f' : 'm') : null;
  }

  /** "قرار المجلس 1997/22", "مقرر اللجنة 5/1": the head noun (bare) a resolution names its body by, or null. */
  bodyNoun(m: Mention): string | null {
    if (!this.isResolution(m) || m.a + 1 > m.b) return null;
    const w = this.doc.words[m.a + 1];
    return w.startsWith('ال') && this.fr.bodyNouns.has(bare(w)) ? bare(w) : null;
  }

}
