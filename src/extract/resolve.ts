/**
 * Stage 4: resolution. Turns candidates into canonical entities with stable readable ids:
 *  - lexicon matches -> the entry's id (all variants of a name are one entity);
 *  - sessions -> meeting:<body>-<n> (the body named with it, the latest body named before it, or
 *    the document's body), resolutions -> instrument:<body>-res-<n>-<m>, symbols -> document:<symbol>;
 *  - special procedures -> the lexicon mandate whose wording the text's mandate starts with, else a
 *    generated id from the mandate words;
 *  - other pattern entities -> <kind>:<transliterated key>, the same in every document;
 *  - anaphors ("المكتب", "المؤتمر", "المقررة الخاصة") -> the latest entity named before with that
 *    head or listed anaphor, within a window; never a new entity.
 * Meetings get the dates and place written right after (or in the sentence before) their name.
 */
import type { LexiconEntry } from '../model';
import { kindSpec } from '../model';
import { englishOrdinal, findDates } from './dates';
import type { LexIndex } from './lexicon-index';
import { Candidate, headKey } from './match';
import { bare, definite, nearKeys, nearWord, normalise, normaliseKey } from './arabic';
import { isSessionBody } from './patterns';
import { findPlace, placeSlot } from './places';
import { hash, rapporteurId, resolutionId, sessionId, slug, symbolId } from './ids';
import type { DocTokens } from './tokens';
import { HONORIFICS } from './vocab';
import type { ExtractedEntity } from './types';

export interface ResolvedMention {
  entityId: string;
  start: number;
  end: number;
  anaphoric: boolean;
}

export interface Resolution {
  entities: ExtractedEntity[];
  mentions: ResolvedMention[];
}

export interface ResolveContext {
  doc: DocTokens;
  index: LexIndex;
  /** Agency id of the document's body (header), used for "الدورة العاشرة" without a body. */
  docBodyId: string | null;
  /** Year of each law named with one in this text ("قانون 28" -> "2012"). */
  actYears?: Map<string, string>;
  /** Key of the one numbered law the text names, if only one. */
  onlyLaw?: string | null;
  /** Pattern names met so far in this text, for telling a second spelling of one. */
  named?: { id: string; kind: string; words: string[] }[];
}

const LAW = 'قانون';

const ANAPHOR_WINDOW = 2500;

/** Mandate words of a rapporteur name: the words after "المعني/المعنية/يعنى". */
function mandateWords(name: string): string[] {
  const w = normaliseKey(name).split(' ');
  const i = w.findIndex((x) => /^(?:المعني|المعنيه|يعني|المعنيين|المعنيون)$/.test(x));
  return i >= 0 ? w.slice(i + 1).map(bare) : [];
}

let mandateCache: { index: LexIndex; list: { id: string; words: string[] }[] } | null = null;
function mandates(index: LexIndex) {
  if (mandateCache?.index === index) return mandateCache.list;
  const list: { id: string; words: string[] }[] = [];
  for (const e of index.entries.values()) {
    if (e.type !== 'Rapporteur') continue;
    for (const v of [e.nameAr, ...(e.variants ?? [])]) {
      const words = mandateWords(v);
      if (words.length) list.push({ id: e.id, words });
    }
  }
  mandateCache = { index, list };
  return list;
}

/** The lexicon mandate the text's mandate words start like (2 words, or all of a shorter one). */
export function classifyMandate(index: LexIndex, words: string[]): string | null {
  let best: { id: string; score: number } | null = null;
  for (const m of mandates(index)) {
    let s = 0;
    while (s < m.words.length && s < words.length && m.words[s] === words[s]) s++;
    const need = Math.min(2, m.words.length);
    if (s >= need && (!best || s > best.score)) best = { id: m.id, score: s };
  }
  return best?.id ?? null;
}

interface Building {
  e: ExtractedEntity;
  /** Named only by a general head ("حلقة عمل"): its id gets the date/place, or the sentence, to tell events apart. */
  generic?: boolean;
  /** A meeting named by a pattern: the year it was held goes into its id, so two editions are never one. */
  namedMeeting?: boolean;
  /** An event by a head that never names one ("تدريب"): kept only with a date or place of its own, not one written before it. */
  ownDateOnly?: boolean;
  keys: Set<string>;
  lastPos: number;
  longest: string;
}

export function resolve(cands: Candidate[], context: ResolveContext): Resolution {
  const actYears = new Map<string, string>();
  const laws = new Set<string>();
  for (const c of cands) {
    if (c.pattern?.type !== 'named' || !c.pattern.act) continue;
    if (c.pattern.act.year) actYears.set(c.pattern.key, c.pattern.act.year);
    if (c.pattern.key.startsWith(LAW + ' ')) laws.add(c.pattern.key);
  }
  // A text that names one numbered law: its other law phrases ("قانون مكافحة الاتجار بالبشر") are that law.
  const onlyLaw = laws.size === 1 ? [...laws][0] : null;
  const ctx: ResolveContext = { ...context, actYears, onlyLaw, named: [] };
  cands = headlineEvents(cands, context.doc.src);
  const { doc, index } = ctx;
  const byId = new Map<string, Building>();
  const mentions: ResolvedMention[] = [];
  let lastBody: { id: string; pos: number } | null = null;
  // Entities by anaphor key, so an anaphor looks only at the entities it can refer to.
  const byKey = new Map<string, Building[]>();
  const byKind = (k: string) => [...byId.values()].filter((x) => x.e.type === k);

  const entityFor = (id: string, init: () => Omit<ExtractedEntity, 'mentions' | 'aliases'>, keys: string[] | (() => string[])): Building => {
    let b = byId.get(id);
    if (!b) {
      b = { e: { ...init(), aliases: [], mentions: [] }, keys: new Set(typeof keys === 'function' ? keys() : keys), lastPos: -1, longest: '' };
      byId.set(id, b);
      for (const k of b.keys) {
        const l = byKey.get(k) ?? [];
        l.push(b);
        byKey.set(k, l);
      }
    }
    return b;
  };

  const fromEntry = (entry: LexiconEntry) => entityFor(entry.id, () => lexiconInit(entry), () => entryKeys(entry));

  const bodyBefore = (pos: number): string | null => (lastBody && pos - lastBody.pos < 400 ? lastBody.id : null);

  const add = (b: Building, c: Candidate, anaphoric: boolean) => {
    const text = doc.src.slice(c.start, c.end);
    b.e.mentions.push({ text, start: c.start, end: c.end, paragraph: null });
    if (!anaphoric && !b.e.aliases.includes(text)) b.e.aliases.push(text);
    if (!anaphoric && text.length > b.longest.length) b.longest = text;
    b.lastPos = c.end;
    mentions.push({ entityId: b.e.id, start: c.start, end: c.end, anaphoric });
    if (b.e.type === 'Agency' && isSessionBody(index.entries.get(b.e.id))) lastBody = { id: b.e.id, pos: c.end };
  };

  for (const c of cands) {
    let b: Building | null = null;
    if (c.source === 'lexicon') {
      b = fromEntry(index.entries.get(c.entryId!)!);
    } else if (c.source === 'anaphor') {
      let best: Building | null = null;
      const pool = c.anaphor!.startsWith('rapporteur:') ? byKind('Rapporteur') : byKey.get(c.anaphor!) ?? [];
      for (const x of pool) {
        if (c.anaphorKinds && !c.anaphorKinds.includes(x.e.type)) continue;
        const hit = c.anaphor!.startsWith('rapporteur:') ? x.e.type === 'Rapporteur' : x.keys.has(c.anaphor!);
        if (!hit || x.lastPos < 0 || x.lastPos > c.start || c.start - x.lastPos > ANAPHOR_WINDOW) continue;
        if (!best || x.lastPos > best.lastPos) best = x;
      }
      if (best) add(best, c, true);
      continue;
    } else if (c.pattern) {
      // "عقدت المنظمة تدريبا": a meeting head standing alone, with a lemma, is the event of that head named before.
      const p = c.pattern;
      const again = p.type === 'named' && p.generic && p.lemma && p.key === bare(p.lemma) && c.kind === 'Meeting' ? (byKey.get(definite(p.lemma)) ?? []).find((x) => x.e.type === 'Meeting' && x.lastPos >= 0) : undefined;
      b = again ?? fromPattern(c, ctx, entityFor, bodyBefore);
    }
    if (b) add(b, c, false);
  }

  mentions.sort((a, b) => a.start - b.start);
  const countryIn = (a: number, b: number, slot: (pos: number) => boolean): string | null => {
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid].start < a) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < mentions.length && mentions[i].start < b; i++) {
      const m = mentions[i];
      if (!m.anaphoric && slot(m.start)) {
        const e = byId.get(m.entityId)!.e;
        if (e.type === 'Country') return e.nameEn;
      }
    }
    return null;
  };
  const renamed = new Map<string, string>();
  const dropped = new Set<string>();
  const entities = [...byId.values()].flatMap((b) => {
    const e = b.e;
    if (!e.nameAr && b.longest) e.nameAr = b.longest;
    if (!e.name) e.name = e.nameAr ?? e.nameEn ?? b.longest;
    if (e.type === 'Meeting') attachDatePlace(e, ctx, countryIn);
    if (e.type === 'Rapporteur' && !e.properties.holder) attachHolder(e, ctx.doc.src);
    if (b.generic && e.type === 'Meeting' && !e.properties.startDate && !e.properties.place && (b.ownDateOnly || !datedBefore(ctx.doc.src, e.mentions[0].start))) {
      // "حلقة عمل", "مؤتمر إقليمي" with neither date nor place: a description, not one identifiable event.
      dropped.add(e.id);
      return [];
    }
    if (b.generic) {
      // Stable across documents when the text dates or places it; else tied to its sentence's wording.
      const base = e.id.slice(0, e.id.indexOf('@'));
      const when = [e.properties.startDate, e.properties.place].filter(Boolean).join(' ');
      const tag = when ? slug(String(when).replace(/[^\p{L}\p{N}]+/gu, ' ')) : hash(ctx.doc.src.slice(e.mentions[0].start, e.mentions[0].start + 160));
      const id = `${base}-${tag}`;
      renamed.set(e.id, id);
      e.id = id;
    } else if (b.namedMeeting && e.properties.startDate) {
      return editions(e, ctx, countryIn, mentions);
    }
    return [e];
  });
  if (renamed.size) for (const m of mentions) m.entityId = renamed.get(m.entityId) ?? m.entityId;
  return { entities, mentions: dropped.size ? mentions.filter((m) => !dropped.has(m.entityId)) : mentions };
}

interface Variant {
  entry: LexiconEntry;
  words: string[];
}

/** Lexicon names of three words or more per kind (bare words), and, per kind, nearKeys of their words -> the names holding them. */
interface Variants {
  list: Variant[];
  byKey: Map<string, Variant[]>;
}

let variantCache: { index: LexIndex; byKind: Map<string, Variants> } | null = null;

function variantsByKind(index: LexIndex): Map<string, Variants> {
  if (variantCache?.index === index) return variantCache.byKind;
  const byKind = new Map<string, Variants>();
  for (const e of index.entries.values()) {
    if (e.type === 'Country' || e.type === 'Document') continue;
    let vs = byKind.get(e.type);
    if (!vs) byKind.set(e.type, (vs = { list: [], byKey: new Map() }));
    for (const v of [e.nameAr, ...(e.variants ?? [])]) {
      const words = normaliseKey(v ?? '').split(' ').filter(Boolean).map(bare);
      if (words.length < 3) continue;
      const variant = { entry: e, words };
      vs.list.push(variant);
      for (const w of words) {
        for (const k of nearKeys(w)) {
          const l = vs.byKey.get(k);
          if (!l) vs.byKey.set(k, [variant]);
          else if (l[l.length - 1] !== variant) l.push(variant);
        }
      }
    }
  }
  variantCache = { index, byKind };
  return byKind;
}

/**
 * The lexicon entry of this kind a pattern name is a close form of: the same words but one
 * (changed, missing or added) with one-letter typos tolerated in long words, or the first three
 * or more words of exactly one entry's name. Guards: three words or more, one entry only.
 */
/** Names of three words or more that share all words but one (typos tolerated in long words). */
export function closeNames(a: string[], b: string[]): boolean {
  if (a.length < 3 || b.length < 3) return false;
  const used = new Uint8Array(b.length);
  let common = 0;
  for (const w of a) {
    const j = b.findIndex((x, q) => !used[q] && nearWord(w, x));
    if (j >= 0) {
      used[j] = 1;
      common++;
    }
  }
  return common >= 3 && common >= a.length - 1 && common >= b.length - 1;
}

export function nearLexicon(index: LexIndex, kind: string, key: string): LexiconEntry | null {
  const words = key.split(' ').filter(Boolean);
  if (words.length < 3) return null;
  const vs = variantsByKind(index).get(kind);
  if (!vs) return null;
  // A close name matches every word of a three-word key and all words but one of a longer key, so
  // it holds a near form (nearKeys finds them all) of the key's rarest word, or of one of its two
  // rarest words: only those names are compared.
  const near = words.map((w) => nearKeys(w).map((k) => vs.byKey.get(k) ?? []));
  const size = near.map((lists) => lists.reduce((n, l) => n + l.length, 0));
  const rarest = words.map((_, q) => q).sort((a, b) => size[a] - size[b]);
  const candidates = new Set<Variant>();
  for (const q of rarest.slice(0, words.length === 3 ? 1 : 2)) for (const l of near[q]) for (const v of l) candidates.add(v);
  const found = new Set<LexiconEntry>();
  for (const v of candidates) {
    if (found.has(v.entry)) continue;
    let common = 0;
    const used = new Uint8Array(v.words.length);
    for (const w of words) {
      for (let q = 0; q < v.words.length; q++) {
        if (used[q] || !nearWord(w, v.words[q])) continue;
        used[q] = 1;
        common++;
        break;
      }
    }
    const close = common >= 3 && common >= v.words.length - 1 && common >= words.length - 1;
    const prefix = common === words.length && words.every((w, q) => nearWord(w, v.words[q] ?? ''));
    if (close || prefix) found.add(v.entry);
  }
  return found.size === 1 ? [...found][0] : null;
}

function lexiconInit(entry: LexiconEntry): Omit<ExtractedEntity, 'mentions' | 'aliases'> {
  return {
    id: entry.id,
    type: entry.type,
    category: entry.category ?? null,
    name: entry.nameAr || entry.nameEn,
    nameAr: entry.nameAr || null,
    nameEn: entry.nameEn || null,
    acronym: entry.acronym ?? null,
    properties: { ...(entry.properties ?? {}) } as ExtractedEntity['properties'],
  };
}

type EntityFor = (id: string, init: () => Omit<ExtractedEntity, 'mentions' | 'aliases'>, keys: string[] | (() => string[])) => Building;

const keyCache = new WeakMap<LexiconEntry, string[]>();

/** Words that refer back to a lexicon entity: its listed anaphora and the definite heads of its names. */
function entryKeys(entry: LexiconEntry): string[] {
  let k = keyCache.get(entry);
  if (!k) {
    k = [...(entry.anaphora ?? []).map(normaliseKey), ...[entry.nameAr, ...(entry.variants ?? [])].map((v) => headKey(v)).filter((h): h is string => !!h)];
    keyCache.set(entry, k);
  }
  return k;
}

function fromPattern(c: Candidate, ctx: ResolveContext, entityFor: EntityFor, bodyBefore: (pos: number) => string | null): Building | null {
  const { index, doc } = ctx;
  const p = c.pattern!;
  const text = doc.src.slice(c.start, c.end);
  switch (p.type) {
    case 'document':
      return entityFor(
        symbolId(p.symbol),
        () => ({ id: symbolId(p.symbol), type: 'Document', category: null, name: p.symbol, nameAr: null, nameEn: p.symbol, acronym: null, properties: { symbol: p.symbol } }),
        [],
      );
    case 'session': {
      const bodyId = p.bodyId ?? bodyBefore(c.start) ?? (p.noDocBody ? null : ctx.docBodyId);
      const body = bodyId ? index.entries.get(bodyId) : undefined;
      if (!body) return null;
      const id = sessionId(body.id, p.ordinal);
      return entityFor(
        id,
        () => ({
          id,
          type: 'Meeting',
          category: 'SESSION',
          name: '',
          nameAr: null,
          nameEn: `${body.nameEn}, ${englishOrdinal(p.ordinal)} session`,
          acronym: null,
          properties: { sessionNumber: p.ordinal },
        }),
        [],
      );
    }
    case 'resolution': {
      const [a, b] = p.number.split(/[/ ]/).map((x) => Number(x.replace(/\D/g, '')));
      const sc = /\(/.test(p.number) || p.bodyId === 'agency:security-council';
      // Session/number from the 61st session on is the Assembly's; year/number ("1997/22") is a council's or commission's: the body named before.
      const yearFirst = a >= 1945 && a <= 2035;
      const bodyId = p.bodyId ?? (sc ? 'agency:security-council' : !yearFirst && (a >= 61 || b >= 100) ? 'agency:ga' : bodyBefore(c.start) ?? ctx.docBodyId);
      const body = bodyId ? index.entries.get(bodyId) : undefined;
      const kindWord = p.category === 'DECISION' ? 'decision' : 'resolution';
      // Security Council resolutions are known by number alone: "2388 (2017)" and "2388" are one resolution.
      const number = p.number.replace(/\s*\(\d{4}\)$/, '');
      const id = resolutionId(body ? body.id : null, p.category === 'DECISION', number);
      const year = /\(\d{4}\)/.test(p.number) ? Number(p.number.replace(/.*\((\d{4})\).*/, '$1')) : null;
      return entityFor(
        id,
        () => ({
          id,
          type: 'Instrument',
          category: p.category,
          name: '',
          nameAr: null,
          nameEn: `${body ? body.nameEn + ' ' : ''}${kindWord} ${p.number}`,
          acronym: null,
          properties: year ? { number, year } : ({ number } as Record<string, string | number>),
        }),
        [],
      );
    }
    case 'rapporteur': {
      const known = classifyMandate(index, p.mandate);
      if (known) {
        const entry = index.entries.get(known)!;
        return entityFor(
          entry.id,
          () => ({ id: entry.id, type: 'Rapporteur', category: entry.category ?? p.category, name: entry.nameAr, nameAr: entry.nameAr, nameEn: entry.nameEn, acronym: entry.acronym ?? null, properties: { ...(entry.properties ?? {}) } as ExtractedEntity['properties'] }),
          [],
        );
      }
      const id = rapporteurId(p.category, p.mandate);
      return entityFor(id, () => ({ id, type: 'Rapporteur', category: p.category, name: '', nameAr: null, nameEn: null, acronym: null, properties: {} }), []);
    }
    case 'named': {
      // A name close to a lexicon name of the same kind (a short form, a changed word, a typo) is that entity.
      if (!p.act && ctx.onlyLaw && c.kind === 'Instrument' && p.key.startsWith(LAW + ' ')) {
        const act = { number: ctx.onlyLaw.split(' ').pop()!, year: ctx.actYears?.get(ctx.onlyLaw) ?? null };
        return fromPattern({ ...c, pattern: { ...p, key: ctx.onlyLaw, act } }, ctx, entityFor, bodyBefore);
      }
      const known = p.act || p.generic ? null : nearLexicon(index, c.kind!, p.key);
      if (known) return entityFor(known.id, () => lexiconInit(known), () => entryKeys(known));
      // The same name written twice with a word changed, added or misspelt ("مدونة قواعد سلوك موردي الأمم المتحدة") is one entity.
      const twin = p.act || p.generic ? null : ctx.named?.find((x) => x.kind === c.kind && closeNames(x.words, p.key.split(' ')));
      if (twin) return entityFor(twin.id, () => ({ id: twin.id, type: c.kind!, category: p.category, name: '', nameAr: null, nameEn: null, acronym: null, properties: {} }), []);
      const prefix = kindSpec(c.kind!)!.idPrefix;
      // A law is its number and year: "القانون رقم 28" and "قانون ... رقم (28) لسنة 2012" in one text are one law.
      const year = p.act ? p.act.year ?? ctx.actYears?.get(p.key) ?? null : null;
      const s = slug(p.key) + (year ? `-${year}` : '');
      if (!s) return null;
      const id = `${prefix}:${s}`;
      // "مكتبا", "مشروعه": a later "المكتب", "المشروع" refers back to it.
      const head = p.lemma ? definite(p.lemma) : headKey(text);
      // A general head ("حلقة عمل") names a different event each time: one entity per mention, told apart later.
      const gid = p.generic ? `${id}@${c.anchor ?? c.start}` : id;
      if (!p.generic && !p.act && !ctx.named?.some((x) => x.id === id)) ctx.named?.push({ id, kind: c.kind!, words: p.key.split(' ') });
      const props: ExtractedEntity['properties'] = p.act ? (year ? { number: p.act.number, year: Number(year) } : { number: p.act.number }) : {};
      const b = entityFor(gid, () => ({ id: gid, type: c.kind!, category: p.category, name: '', nameAr: p.label ?? null, nameEn: null, acronym: null, properties: props }), head ? [head] : []);
      if (p.generic) b.generic = true;
      if (p.generic && p.lemma) b.ownDateOnly = true;
      else if (c.kind === 'Meeting' && !p.act) b.namedMeeting = true;
      return b;
    }
  }
}

/** Dates and place written right after a meeting's mention (within ~120 characters, same sentence). */
function attachDatePlace(e: ExtractedEntity, ctx: ResolveContext, countryIn: (a: number, b: number, slot: (pos: number) => boolean) => string | null): void {
  const { doc } = ctx;
  for (const m of e.mentions) {
    let limit = Math.min(doc.src.length, m.end + 200);
    const stop = /[.؛;](?:\s|$)/.exec(doc.src.slice(m.end, limit));
    if (stop) limit = m.end + stop.index;
    const t = firstTokenAt(doc, m.end);
    if (t >= doc.tokens.length || doc.oStart[t] >= limit) continue;
    const ns = doc.tokens[t].start;
    let te = t;
    while (te < doc.tokens.length && doc.oEnd[te] <= limit) te++;
    const ne = te > t ? doc.tokens[te - 1].end : ns;
    const win = doc.norm.text.slice(ns, ne);
    const d = findDates(win)[0];
    if (d && (d.start < 45 || /الفتره من\s*$/.test(win.slice(0, d.start))) && !e.properties.startDate) {
      e.properties.startDate = d.startDate;
      if (d.endDate) e.properties.endDate = d.endDate;
    }
    // A year alone: "مؤتمر العمل الدولي في عام 2004".
    const y = /^(?:في )?(?:عام|لعام|سنه|لسنه) ((?:19|20)\d\d)\b/.exec(win);
    if (y && !e.properties.startDate) e.properties.startDate = y[1];
    if (!e.properties.place) {
      const placeEnd = Math.min(limit, m.end + 80);
      const place = findPlace(doc.words, t, firstTokenAt(doc, placeEnd)) ?? countryIn(m.end, placeEnd, (pos) => placeSlot(doc.words, t, firstTokenAt(doc, pos)));
      if (place) e.properties.place = place;
    }
    if (e.properties.startDate) break;
  }
}

// "المقررة الخاصة المعنية بالاتجار بالأشخاص، السيدة ماريا غراتسيا جاماريناروا،": the holder's name follows a title.
const HOLDER = new RegExp(String.raw`^\s*[،,]?\s*(?:\(\s*)?(?:${HONORIFICS.join('|')}|Ms\.?|Mr\.?)\s+([^\s،,.;:()\d][^،,.;:()\d\n]{2,48}?)\s*(?=[،,.;:()]|\n|$)`, 'u');

/** The mandate holder named right after a rapporteur's mention, if any. */
function attachHolder(e: ExtractedEntity, src: string): void {
  for (const m of e.mentions) {
    const h = HOLDER.exec(src.slice(m.end, m.end + 80));
    if (h && h[1].trim().split(/\s+/).length <= 5) {
      e.properties.holder = h[1].trim();
      return;
    }
  }
}

/**
 * A meeting named by a pattern, per edition: mentions dated in different years are different
 * meetings ("المؤتمر الدولي ..." of 2015 and of 2017); an undated mention goes with the edition
 * named before it. Ids get the year: meeting:<slug>-2015.
 */
function editions(e: ExtractedEntity, ctx: ResolveContext, countryIn: Parameters<typeof attachDatePlace>[2], mentions: ResolvedMention[]): ExtractedEntity[] {
  const groups = new Map<string, ExtractedEntity>();
  let year = String(e.properties.startDate).slice(0, 4);
  for (const m of e.mentions) {
    const one: ExtractedEntity = { ...e, properties: {}, mentions: [m] };
    attachDatePlace(one, ctx, countryIn);
    if (one.properties.startDate) year = String(one.properties.startDate).slice(0, 4);
    let g = groups.get(year);
    if (!g) {
      g = { ...e, id: `${e.id}-${year}`, aliases: [], mentions: [], properties: one.properties.startDate ? one.properties : { ...e.properties } };
      groups.set(year, g);
    }
    g.mentions.push(m);
    if (!g.aliases.includes(m.text) && e.aliases.includes(m.text)) g.aliases.push(m.text);
    for (const r of mentions) if (r.start === m.start && r.end === m.end && r.entityId === e.id) r.entityId = g.id;
  }
  return [...groups.values()];
}

/**
 * News names its event in the headline with the head alone ("يقدمان تدريباً عن ...") and then in the
 * body by its name ("حلقة عمل ..."): a standalone event head on the first line is the first event
 * the body names.
 */
function headlineEvents(cands: Candidate[], src: string): Candidate[] {
  const first = src.search(/\S/);
  const lineEnd = first < 0 ? -1 : src.indexOf('\n', first);
  if (lineEnd < 0) return cands;
  const body = cands.find((d) => d.start > lineEnd && d.kind === 'Meeting' && d.pattern?.type === 'named');
  if (!body) return cands;
  return cands.map((c) => {
    const p = c.pattern;
    const alone = c.start < lineEnd && c.kind === 'Meeting' && p?.type === 'named' && p.generic && p.lemma && p.key === bare(p.lemma);
    return alone ? { ...c, pattern: body.pattern, anchor: body.start } : c;
  });
}

/** Is a date written just before `pos` (the sentence before a "حلقة عمل" often dates it)? */
function datedBefore(src: string, pos: number): boolean {
  return findDates(normalise(src.slice(Math.max(0, pos - 200), pos)).text).length > 0;
}

/** Index of the first token starting at or after `pos`. */
function firstTokenAt(doc: DocTokens, pos: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.oStart[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
