/**
 * The clause engine: for one sentence, finds each trigger of model/relation-frames.json and reads
 * its arguments the way Arabic builds the clause, never by proximity alone:
 *  - mentions are grouped into coordinated lists ("A، وB، وC"); a list fills one role, one relation
 *    per member, and members of one list are never related to each other;
 *  - each list gets the marker that introduces it: direct (subject/object), a preposition (في، إلى،
 *    على، لـ ...), a passive agent (من جانب، من قبل), a partner (بالتعاون مع), a circumstance
 *    (في إطار، خلال ...: never an argument), a mandate (بموجب، عملاً بـ), or "not an actor" (the
 *    genitive of وكالات، منظومة ...: "وكالات الأمم المتحدة" does not make the UN an actor);
 *  - verbs: VSO, SVO, VOS, passive with من جانب, relative clauses (الذي/التي; a pronoun on the verb
 *    makes the antecedent the object: "الفريق الذي يترأسه المكتب");
 *  - verbal nouns: "اعتماد الجمعية العامة للقرار", "قام X بتنظيم Y", "شاركت X في تنظيم Y";
 *  - attributive phrases: "البروتوكول المكمل للاتفاقية", "الشعبة التابعة للإدارة";
 *  - "تقرير X ... (SYMBOL)": the document issued by X.
 * The confidence is the frame's when both ends are read directly; each looser step lowers it.
 */
import { bare, stripConjunction } from '../arabic';
import type { Frame, Role } from './frames';
import { relationSpec } from '../../model';
import { between, ClauseLists, Emit, Group, Mention, noWaw, normPrep, other, PREPS } from './lists';

export type { Emit, Mention } from './lists';

export class ClauseReader extends ClauseLists {
  /** Coordinated lists of mentions: joined by commas, و, or glue words ("حكومة", "كل"). */
  private before: Group[] = [];
  /** Groups of the previous sentence with names (for a pronoun object: "وصدقت عليه مصر"). */
  private previous: Group[] = [];
  private usedPartners = new Set<Group>();
  /** The subject of the last verb read in this sentence, for a coordinated verb without one. */
  private lastAgent: Group | null = null;
  /** The last relation read in this sentence, for partners named after its clause. */
  private lastApplied: { frame: Frame; agent: Group; obj: Group; conf: number } | null = null;
  /**
   * Reads the relations of one sentence: tokens [t0, t1), its mentions (outer ones, in order).
   * `verbTrigger(k)` tells whether token k opens a verb frame (a new predicate ends the clause).
   */
  read(t0: number, t1: number, ms: Mention[], emit: Emit): void {
    if (!ms.length) return;
    const d = this.doc;
    const gs = this.groups(ms, t0);
    this.previous = this.before;
    this.before = gs;
    // Lists sorted by start and by end: a clause's lists are found by binary search, not by scanning the sentence.
    const byA = [...gs].sort((x, y) => x.a - y.a);
    const byB = [...gs].sort((x, y) => x.b - y.b);
    this.lastAgent = null;
    this.lastApplied = null;
    this.sentenceStart = t0;
    this.usedPartners.clear();
    let consumed = -1;
    for (let q = t0; q < t1; q++) {
      // The words of a multi-word trigger ("بدعوتكم لحضور") are not triggers of their own.
      if (this.inMention(q) || q <= consumed) continue;
      const at = this.triggersAt(q);
      if (!at.length) continue;
      // "لعقد", "بعقد": a word with a preposition glued to it is a noun, never a verb.
      const sc = stripConjunction(d.words[q]);
      // "مواصلة دعم الجهود": a verb form right after a plain noun in ـة is that noun's genitive, a verbal noun.
      const p0 = q > t0 && !this.inMention(q - 1) && !this.hard(q - 1) && !this.comma(q - 1) ? noWaw(d.words[q - 1]) : '';
      const afterNoun = !/^(ال|ل)/.test(p0) && /^.{3,}ه$/.test(p0) && !this.fr.adverbs.has(p0) && !this.fr.auxiliaryVerbs.has(p0) && !this.fr.relativePronouns.has(p0) && !this.isBoundary(q - 1) && this.triggersAt(q - 1).length === 0;
      const nominal = (/^[بلك]/.test(sc) && bare(sc) !== sc) || afterNoun;
      const found = nominal ? at.filter((f) => f.trig.frame.pattern !== 'verb') : at;
      // "بالمشاركة مع X" is a partner marker, not the verbal noun مشاركة (took part).
      if (found.length && this.inMarkerPhrase(q, t0)) continue;
      if (!found.length) continue;
      for (const f of found) if (f.trig.rest.length && f.trig.frame.pattern === 'masdar') consumed = Math.max(consumed, f.end);
      // Clause around the trigger.
      let c0 = q;
      while (c0 > t0 && c0 > q - 30 && !this.hard(c0 - 1) && !this.isBoundary(c0 - 1)) c0--;
      for (const f of found) {
        let c1 = f.end + 1;
        // A frame with a long reach ("أكمل المكتب تقييمات ... في A وB") reads past relative clauses.
        const pastRelatives = f.trig.frame.reach > 14;
        while (c1 < t1 && c1 < f.end + 40 && !this.hard(c1 - 1) && (!this.isBoundary(c1) || (pastRelatives && this.fr.relativePronouns.has(d.words[c1])))) {
          const w = d.words[c1];
          if (c1 > f.end + 1 && w[0] === 'و' && this.triggersAt(c1).some((x) => x.trig.frame.pattern === 'verb') && !this.inMention(c1)) break;
          c1++;
        }
        const right = between(byA, (g) => g.a, f.end + 1, c1);
        // Nearest first (a list may span a modifier named inside it).
        const left = between(byB, (g) => g.b, c0, q).filter((g) => g.a >= c0).reverse();
        const rel = this.relativeBefore(q, t0);
        // The antecedent: the name right before الذي/التي, or a few words before when its name was cut short.
        let antecedent = rel >= 0 ? between(byB, (g) => g.b, rel - 8, rel).filter((g) => !this.commaBetween(g.b, rel - 1) && !this.hardBetween(g.b, rel)).pop() : undefined;
        // "واتفاقية X ... بالقانون رقم 20 والتي اعتمدت ...": a relative with و describes the list's head, not the adjunct named last.
        const adjunct = (g: Group) => g.marker === 'prep' && g.prep === 'ب';
        if (rel >= 0 && d.words[rel][0] === 'و' && antecedent && adjunct(antecedent)) {
          const kind = antecedent.members[0].kind;
          // A name joined with "، و" to an adjunct's list without repeating بـ ("بالقانون 74، واتفاقية X") is not an adjunct itself.
          const own = (g: Group): Group => {
            const m = g.members[g.members.length - 1];
            return adjunct(g) && g.members.length > 1 && this.proclitic(m) !== 'ب' && d.words[m.a][0] === 'و' ? { ...g, members: [m], a: m.a, marker: 'direct', prep: '' } : g;
          };
          const head = between(byB, (g) => g.b, rel - 20, antecedent.a)
            .map(own)
            .filter((g) => (g.marker === 'direct' || g.marker === 'prep') && !adjunct(g) && g.members.every((m) => m.kind === kind) && !this.hardBetween(g.b, rel))
            .pop();
          if (head) antecedent = head;
        }
        // "وحضر هذا المؤتمر، الذي نُظِّم ...": a word for a meeting named earlier is the antecedent.
        if (rel >= 0 && !antecedent) antecedent = this.meetingWordBefore(rel, t0);
        // "حلقة عمل، نظمتها المفوضية": after an indefinite noun a clause with a pronoun on its verb is a relative clause without الذي.
        const bare0 = rel < 0 && f.suffix && f.trig.frame.pattern === 'verb' ? this.indefiniteBefore(q, byB) : undefined;
        this.apply(f.trig.frame, q, f.end, f.suffix, right, rel >= 0 ? antecedent ?? null : bare0, left, emit);
        if (f.trig.frame.participants) this.participants(f.trig.frame, q, f.end, c0, t1, byA, left, emit);
        // "عقد المكتب حلقة عمل لمسؤولين من A وB": people from States took part in the meeting the clause names.
        if (f.trig.frame.fromStates) this.participants(f.trig.frame, q, f.end, c0, t1, byA, left, emit, true);
      }
    }
    // The last body named as a subject, by the gender of its head noun ("الجمعية" f, "المجلس" m): the owner of "قرارها"/"قراره".
    for (const g of gs) {
      const sex = this.bodySubject(g);
      if (sex) this.lastBody[sex] = g;
    }
    // The meeting last named: what "المؤتمر" or "المتحاورون" in the next sentences refer to.
    for (const g of gs) for (const m of g.members) if (m.kind === 'Meeting') this.topics.push({ members: [m], at: m.b });
    if (this.topics.length > 64) this.topics.splice(0, this.topics.length - 32);
    // "وحدة مكافحة الاتجار في مكتب الأمم المتحدة ...": a unit named with the body it belongs to.
    for (const g of gs) {
      for (const m of g.members) {
        const head = noWaw(d.words[m.a]);
        if (m.kind !== 'Agency' || !(this.fr.unitNouns.has(head) || this.fr.unitNouns.has(bare(head)))) continue;
        const next = gs.find((h) => (h.a === m.b + 1 || (h.a === m.b + 2 && h.prep === 'في')) && h.marker === 'prep' && ['في', 'ب', 'ل'].includes(h.prep));
        const body = next?.members[0];
        if (body && body.kind === 'Agency' && body.entityId !== m.entityId) emit('MEMBER_OF', m.entityId, body.entityId, 0.75);
      }
    }
    // "وأقامت المبادرة شراكة مع X", "بالتعاون مع X" with no frame around: partners of the clause's subject.
    for (let i = 0; i < gs.length; i++) {
      const p = gs[i];
      if (p.marker !== 'partner' || this.usedPartners.has(p)) continue;
      // "نظمت X المؤتمر ...، وذلك بالاشتراك مع Y": partners of the sentence's last relation, further away.
      const last = this.lastApplied as { frame: Frame; agent: Group; obj: Group; conf: number } | null;
      if (last && last.frame.shared && last.agent.b < p.a && last.obj !== p) {
        // Only the shared relation: whether such co-organisers are partners of each other the text does not say.
        if (last.frame.shared) this.emitPairs(last.frame.type, last.frame.agent === 'from' ? p : last.obj, last.frame.agent === 'from' ? last.obj : p, last.conf - 0.15, emit);
        continue;
      }
      for (let j = i - 1; j >= 0; j--) {
        const s = gs[j];
        if (this.hardBetween(s.b, p.a) || this.commaBetween(s.b, p.a - 1) && p.a - s.b > 12) break;
        if (s.marker === 'direct' && s.members.some((m) => m.kind === 'Agency' || m.kind === 'Programme')) {
          this.emitPairs('PARTNERS_WITH', s, p, 0.75, emit);
          break;
        }
      }
    }
  }

  private lastBody: { f?: Group; m?: Group } = {};

  /** The body that owns "قرارها" / "قراره": the last body of that gender named as a subject. */
  private ownerOf(m: Mention): Group | undefined {
    const p = this.possessive(m);
    if (!p) return undefined;
    const here = this.before.filter((g) => g.b < m.a && this.bodySubject(g) === p).pop();
    return here ?? this.lastBody[p];
  }

  /** A single body named as a subject: the gender of its head noun, else null. */
  private bodySubject(g: Group): 'f' | 'm' | null {
    const m = g.members[0];
    if (g.marker !== 'direct' || g.members.length !== 1 || m.kind !== 'Agency' || m.anaphoric) return null;
    return /ه$/.test(noWaw(this.doc.words[m.a])) ? 'f' : 'm';
  }

  /** Meetings named so far, last last (what "المؤتمر" or "المتحاورون" may refer back to). */
  private topics: { members: Mention[]; at: number }[] = [];

  /**
   * Frames with `participants` ("وحضر الاجتماع ممثلو A، ونائب المدير العام لـB، وخبراء من C"): every
   * actor the clause names (directly or behind a title; States also after من) took part in the
   * meeting it names, or in the meeting last named when it only refers back to one ("هذا المؤتمر",
   * "المتحاورون"). The clause runs past relative clauses to the sentence's end; looser than a frame
   * read, so below 0.8.
   */
  private participants(frame: Frame, q: number, qEnd: number, c0: number, t1: number, byA: Group[], left: Group[], emit: Emit, statesOnly = false): void {
    const d = this.doc;
    let c1 = qEnd + 1;
    while (c1 < t1 && c1 < qEnd + 200 && !this.hard(c1 - 1)) {
      const w = noWaw(d.words[c1]);
      if (this.isBoundary(c1) && !this.fr.relativePronouns.has(w) && !this.fr.relativePronouns.has(d.words[c1])) break;
      c1++;
    }
    let right = between(byA, (g) => g.a, qEnd + 1, c1);
    const isMeeting = (g: Group) => g.members.some((m) => m.kind === 'Meeting');
    // "شاركت في تنظيم حلقة": a verbal noun between makes the meeting its object, not the verb's.
    const masdarBetween = (b: number) => {
      for (let k = qEnd + 1; k < b; k++) if (!this.inMention(k) && this.triggersAt(k).some((t) => t.trig.frame.pattern === 'masdar')) return true;
      return false;
    };
    const named = right.find((g) => isMeeting(g) && g.marker !== 'circumstance');
    if (named && masdarBetween(named.a)) return;
    let meeting: Mention[] | undefined = (named ?? left.find((g) => isMeeting(g) && g.marker === 'direct'))?.members;
    let conf = Math.min(0.75, frame.confidence - 0.1);
    if (statesOnly && !named) return;
    if (!meeting) {
      let word = '';
      let at = -1;
      for (let k = c0; k < c1 && !word; k++) if (this.fr.meetingWords.has(bare(noWaw(d.words[k])))) [word, at] = [bare(noWaw(d.words[k])), k];
      if (!word) return;
      // "المؤتمر" refers to the last conference named; a word for the participants to the last meeting that is not a session.
      const head = (t: { members: Mention[] }) => bare(noWaw(d.words[t.members[0].a]));
      const recent = this.topics.filter((t) => q - t.at <= 800);
      // ... and a word for the participants to the meeting named most often lately (not a session).
      const counts = new Map<string, number>();
      for (const t of recent) counts.set(t.members[0].entityId, (counts.get(t.members[0].entityId) ?? 0) + 1);
      const main = recent.filter((t) => !/^(ال)?دور(ه|ت)/.test(head(t))).sort((x, y) => counts.get(x.members[0].entityId)! - counts.get(y.members[0].entityId)! || x.at - y.at).pop();
      const topic = recent.filter((t) => head(t) === word).pop() ?? main;
      if (!topic) return;
      meeting = topic.members;
      // The word itself, wrongly resolved to another kind, is not a participant.
      right = right.filter((g) => g.a > at || g.b < at);
      conf -= 0.1;
    }
    const type = statesOnly ? 'PARTICIPATED_IN' : frame.type;
    const spec = relationSpec(type)!;
    // The actors after the verb (one before it is its subject, read by the frame itself).
    for (const g of right) {
      if (g.members.some((m) => meeting!.includes(m))) continue;
      const fromCountries = g.marker === 'prep' && g.prep === 'من' && g.members.every((m) => m.kind === 'Country');
      // A title after a plain noun ("وضم المتحاورون ممثلين عن X") reads as its genitive; here it is a participant.
      const ea = g.members[0].ea;
      const titled = g.marker === 'notActor' && ea !== undefined && (ea - 1 <= qEnd || this.fr.meetingWords.has(bare(noWaw(d.words[ea - 1]))));
      if (statesOnly ? !fromCountries || g.a < named!.b : g.marker !== 'direct' && !fromCountries && !titled) continue;
      for (const f of g.members) {
        if (!(spec.from as readonly string[]).includes(f.kind)) continue;
        for (const t of meeting) if (t.kind === 'Meeting') emit(type, f.entityId, t.entityId, statesOnly ? conf - 0.1 : conf);
      }
    }
  }

  /**
   * "صادق العراق على اتفاقية A التي اعتمدتها الجمعية العامة ...، واتفاقية B": a name coordinated
   * with "، و" after the relative clause that describes the object is an object too (same kind, no
   * preposition of its own, within the sentence).
   */
  private objectAfterRelative(frame: Frame, agent: Group, obj: Group, conf: number, emit: Emit): void {
    if (frame.pattern !== 'verb' && frame.pattern !== 'masdar') return;
    const d = this.doc;
    const w = d.words[obj.b + 1] ?? '';
    if (!(this.fr.relativePronouns.has(w) || this.fr.relativePronouns.has(noWaw(w)))) return;
    const kind = obj.members[obj.members.length - 1].kind;
    for (const g of this.before) {
      for (const m of g.members) {
        if (m.a <= obj.b + 1 || m.a - obj.b > 40 || m.kind !== kind || d.words[m.a][0] !== 'و' || !this.comma(m.a - 1) || this.proclitic(m)) continue;
        if (this.hardBetween(obj.b, m.a)) return;
        const one: Group = { members: [m], a: m.a, b: m.b, marker: 'direct', prep: '' };
        this.emitPairs(frame.type, frame.agent === 'from' ? agent : one, frame.agent === 'from' ? one : agent, conf - 0.15, emit);
        return;
      }
    }
  }

  /** Meetings named anywhere in the document, in order (set by the relate stage). */
  docMeetings: Mention[] = [];

  /**
   * "بدعوتكم لحضور مؤتمر إقليمي ...": a meeting word right after the trigger that is no name, as the
   * meeting the document names with that word (the next one named so, else the last one before).
   */
  private meetingNamedBy(qEnd: number, allowed: readonly string[]): Group | undefined {
    const k = qEnd + 1;
    if (!allowed.includes('Meeting') || k >= this.doc.words.length || this.inMention(k) || this.hard(qEnd)) return undefined;
    const w = bare(noWaw(this.doc.words[k]));
    if (!this.fr.meetingWords.has(w)) return undefined;
    const head = (m: Mention) => bare(noWaw(this.doc.words[m.a]));
    const m = this.docMeetings.find((x) => x.a > k && x.a - k <= 600 && head(x) === w) ?? this.topics.filter((t) => k - t.at <= 600 && head(t.members[0]) === w).pop()?.members[0];
    return m ? { members: [m], a: k, b: k, marker: 'direct', prep: '' } : undefined;
  }

  /** The name right before token q (a comma may stand between), when it is an indefinite noun ("حلقة عمل"). */
  private indefiniteBefore(q: number, byB: Group[]): Group | undefined {
    const g = between(byB, (x) => x.b, q - 1, q).pop();
    if (!g || this.hard(g.b) || g.members.length !== 1) return undefined;
    const w = noWaw(this.doc.words[g.members[0].a]);
    return /^(ال|[بلك]ال|لل)/.test(w) || g.members[0].anaphoric ? undefined : g;
  }

  /** "هذا المؤتمر، الذي ...": a meeting word right before the relative pronoun at `rel`, as the meeting it names (the last one named with that word). */
  private meetingWordBefore(rel: number, t0: number): Group | undefined {
    for (let k = rel - 1; k >= Math.max(t0, rel - 2); k--) {
      const w = bare(noWaw(this.doc.words[k]));
      if (!this.fr.meetingWords.has(w)) continue;
      const topic = this.topics.filter((t) => rel - t.at <= 800 && bare(noWaw(this.doc.words[t.members[0].a])) === w).pop();
      return topic ? { members: topic.members, a: k, b: k, marker: 'direct', prep: '' } : undefined;
    }
    return undefined;
  }

  private apply(frame: Frame, q: number, qEnd: number, suffix: boolean, right: Group[], ante: Group | null | undefined, left: Group[], emit: Emit): void {
    const spec = relationSpec(frame.type)!;
    const kinds = (r: Role) => (frame.only[r] ?? spec[r]) as readonly string[];
    const fits = (g: Group, r: Role) => g.members.some((m) => kinds(r).includes(m.kind));
    const objRole = other(frame.agent);
    // "المعقود في ريو دي جانيرو، البرازيل": a State after a city named with في.
    const apposition = (g: Group) =>
      frame.marker.includes('في') && g.members.every((m) => m.kind === 'Country') && noWaw(this.doc.words[qEnd + 1] ?? '') === 'في' && g.a <= qEnd + 5 && this.comma(g.a - 1);
    const objOk = (g: Group) =>
      g.marker === 'direct'
        ? frame.marker.includes('') || apposition(g)
        : (g.marker === 'prep' && frame.marker.includes(g.prep)) || (g.marker === 'partner' && frame.marker.includes('مع')) || (g.marker === 'notActor' && frame.genitive);
    const agentOk = (g: Group) => g.marker === 'direct' && fits(g, frame.agent);
    const dist = (a: number, b: number) => {
      let n = 0;
      for (let j = a + 1; j < b; j++) if (!this.fr.adverbs.has(this.doc.words[j]) && !this.inMention(j)) n++;
      return n;
    };
    let agent: Group | undefined;
    let obj: Group | undefined;
    let conf = frame.confidence;

    if (frame.pattern === 'attributive') {
      // The name right before the attribute, even when its list goes on after it ("A، وB التابع لـC، وD").
      let head: Group | undefined;
      for (const g of this.before) {
        const inFront = g.members.filter((m) => m.b < q);
        if (inFront.length && (!head || inFront[inFront.length - 1].b > head.b)) head = { ...g, members: inFront, b: inFront[inFront.length - 1].b };
      }
      if (head && head.b < (left[0]?.b ?? -1)) head = left[0];
      // A frame with `reach` lets a few words stand between the name and its attribute (a name cut short).
      const gap = head ? dist(head.b, q) : 0;
      // "في إطار البرنامج التابع له": the attribute still qualifies a circumstance's noun when its target is a pronoun.
      const pronTail = /^ل(ه|ها|هم|هما)$/.test(this.doc.words[qEnd + 1] ?? '') && frame.marker.includes('ل');
      // "A وB، وهما البروتوكولان المكملان لـC": a pronoun and a noun that restate the list before.
      const restated = !!head && gap === 1 && q >= 2 && /^و?(هما|هي|هم)$/.test(this.doc.words[q - 2]) && !this.inMention(q - 1);
      // "ورشة عمل ... في نيسان، وذلك بحضور X": وذلك stands for the event the sentence has named, its last meeting.
      const event = q >= 1 && this.fr.eventRefs.has(this.doc.words[q - 1]) && frame.head === 'to' ? this.before.filter((g) => g.b < q - 1 && g.members.every((m) => m.kind === 'Meeting')).pop() : undefined;
      if (event && fits(event, frame.head) && event !== head) {
        head = event;
        conf -= 0.1;
      } else if (event && head === event) conf -= 0.05;
      else if (head && restated && fits(head, frame.head) && head.marker !== 'circumstance') conf -= 0.1;
      else if (head && gap > 0 && gap <= frame.reach && fits(head, frame.head) && head.marker !== 'circumstance') conf -= 0.1;
      else if (!head || gap > 0 || !fits(head, frame.head) || (head.marker === 'circumstance' && !pronTail)) {
        // "تقريرها المقدم إلى ...": the noun before is a possessive; its owner is the clause's subject.
        // The pronoun as written (ه/ها/هم), not a ta marbuta folded to ه by normalisation ("الخاصة");
        // adjectives may stand between ("تقريرها المواضيعي الأول المقدم إلى").
        const written = (k: number) => this.doc.src.slice(this.doc.oStart[k], this.doc.oEnd[k]).replace(/[\u064b-\u0652\u0640]/g, '');
        let possessive = false;
        for (let k = q - 1; k >= Math.max(0, q - 4) && !this.inMention(k) && !this.hard(k) && !this.comma(k); k--) {
          if (/(ه|ها|هم|هما)$/.test(written(k)) && !/^ال/.test(this.doc.words[k])) {
            possessive = true;
            break;
          }
          if (!/^ال/.test(this.doc.words[k])) break;
        }
        const near = possessive ? left.find((g) => g.marker === 'direct' && fits(g, frame.head)) : undefined;
        const owner = near && dist(near.b, q) <= 12 ? near : possessive ? this.previous.filter((g) => g.marker === 'direct' && fits(g, frame.head)).pop() : undefined;
        if (!owner) return;
        head = owner;
        conf -= owner === near ? 0.15 : 0.2;
      }
      // A singular attribute qualifies the nearest noun; a dual or plural one ("المكملان") the whole list.
      if (!frame.list && !/(ان|ين|تين)$/.test(this.doc.words[q])) head = { ...head, members: head.members.slice(-1) };
      let tail = right.find(
        (g) => g.a <= qEnd + 4 && (g.marker === 'direct' || g.marker === 'notActor' ? frame.marker.includes('') || apposition(g) : frame.marker.includes(g.prep)) && fits(g, other(frame.head)),
      );
      // "في إطار البرنامج العالمي التابع له": a pronoun after the attribute stands for the clause's subject.
      if (!tail && pronTail) {
        const subj = left.find((g) => g !== head && g.b < head!.a && g.marker === 'direct' && fits(g, other(frame.head))) ?? this.previous.filter((g) => g.marker === 'direct' && fits(g, other(frame.head))).pop();
        if (!subj) return;
        tail = { ...subj, members: subj.members.slice(-1) };
        conf -= 0.15;
        this.emitPairs(frame.type, frame.head === 'from' ? head : tail, frame.head === 'from' ? tail : head, conf, emit);
        return;
      }
      if (!tail || right[0] !== tail) return;
      // The actors after "بمشاركة"/"بتنظيم من" all act; the thing after "المكمل لـ"/"التابع لـ" is one.
      if (frame.head === 'from') tail = { ...tail, members: tail.members.slice(0, 1) };
      this.emitPairs(frame.type, frame.head === 'from' ? head : tail, frame.head === 'from' ? tail : head, conf, emit);
      // "المقدمين إلى لجنة ... في دورتها السادسة": the body's session named right after it is a target too.
      const session = frame.head === 'from' ? right.find((g) => g.a > tail!.b && g.a <= tail!.b + 2 && g.marker === 'prep' && g.prep === 'في' && g.members.every((m) => m.kind === 'Meeting') && fits(g, 'to')) : undefined;
      if (session) this.emitPairs(frame.type, head, session, conf - 0.05, emit);
      return;
    }
    if (frame.pattern === 'joint') {
      // "ووضعت A وB دليلاً", "الذي وقعه A وB": bodies that do one thing together, as its subject, are partners.
      const subj =
        right.find((g) => g.a <= qEnd + 6 && (g.marker === 'direct' || (g.marker === 'prep' && g.a === qEnd + 1)) && dist(qEnd, g.a) <= 5) ??
        left.find((g) => g.marker === 'direct' && dist(g.b, q) === 0 && !this.commaBetween(g.b, q));
      const actors = subj ? subj.members.filter((m) => kinds('from').includes(m.kind)) : [];
      if (actors.length < 2 || (right[0] !== subj && !left.includes(subj!))) return;
      for (let i = 0; i < actors.length; i++) for (let j = i + 1; j < actors.length; j++) if (actors[i].entityId !== actors[j].entityId) emit(frame.type, actors[i].entityId, actors[j].entityId, conf);
      return;
    }
    if (frame.pattern === 'report') {
      const author = right[0];
      if (!author || author.a > qEnd + 3 || !(author.marker === 'direct' || author.prep === 'ل') || !fits(author, 'to')) return;
      const docs = right.slice(1).find((g) => fits(g, 'from') && g.a - author.b <= 30);
      if (docs) this.emitPairs(frame.type, docs, author, conf, emit);
      return;
    }
    const passive = right.find((g) => g.marker === 'passive' && fits(g, frame.agent));
    if (frame.pattern === 'verb' && ante !== undefined) {
      // Relative clause: "X الذي يترأسه المكتب" (pronoun: X is the object), "X الذي يضم ..." (X is the subject).
      if (!ante) return;
      // "التي انضمت إليها مصر", "الذي شاركت فيه": the pronoun is on the preposition after the verb.
      const w1 = this.doc.words[qEnd + 1] ?? '';
      const prepPronoun = [w1, noWaw(w1)].some((w) => this.fr.objectPronouns.some((p) => w.endsWith(p) && w.length > p.length && frame.marker.includes(normPrep(w.slice(0, -p.length)))));
      // "بقرارها 49/159، الذي وافقت بموجبه على X": the resolution is the means; the verb's actor is its owner.
      const byIt = ante.members.length === 1 && this.isResolution(ante.members[0]) && this.fr.mandate.some((ph) => ph.length === 1 && noWaw(w1).startsWith(ph[0]) && this.fr.objectPronouns.includes(noWaw(w1).slice(ph[0].length)));
      if (byIt) {
        obj = right.find((g) => objOk(g) && fits(g, objRole) && g.a > qEnd + 1);
        agent = right.find((g) => agentOk(g) && g.a > qEnd + 1 && dist(qEnd + 1, g.a) <= 2 && (!obj || g.a < obj.a)) ?? this.ownerOf(ante.members[0]);
        if (agent && !fits(agent, frame.agent)) agent = undefined;
        if (agent && obj) this.emitPairs('ADOPTED', agent, ante, conf - 0.15, emit);
        conf -= 0.15;
      } else if (passive && !suffix) {
        // "والتي اعتمدت من قبل الجمعية العامة": passive relative clause, the antecedent is the object.
        obj = fits(ante, objRole) ? ante : undefined;
        agent = passive;
        conf -= 0.05;
      } else if (suffix || prepPronoun) {
        obj = fits(ante, objRole) ? ante : undefined;
        // A date may stand between the verb and its subject ("وقعها في نيسان/أبريل 2012 المكتب").
        agent = passive ?? right.find((g) => agentOk(g) && dist(qEnd, g.a) <= (this.dateBetween(qEnd, g.a) ? 6 : 3) && !this.commaBetween(qEnd, g.a));
      } else {
        agent = fits(ante, frame.agent) && ante.marker !== 'circumstance' ? ante : undefined;
        obj = right.find((g) => objOk(g) && fits(g, objRole));
        // "المؤتمر، الذي نُظِّم بالاشتراك مع X": a passive without its agent; the partners share the act.
        if (!agent && !obj && frame.shared && fits(ante, objRole) && right.some((g) => g.marker === 'partner')) obj = ante;
        conf -= 0.05;
      }
    } else if (frame.pattern === 'verb') {
      // An actor right after the verb is its subject (active voice): a passive agent further on
      // belongs to another clause ("تعمل البعثة مع ... لتوثيق حالات اختطاف ... على يد X").
      const d0 = right.find((g) => g.marker === 'direct');
      const subjectAfterVerb = !!d0 && fits(d0, frame.agent) && dist(qEnd, d0.a) <= 3 && !this.commaBetween(qEnd, d0.a) && (!passive || d0.a < passive.a);
      if (passive && !subjectAfterVerb) {
        agent = passive;
        obj = right.find((g) => g.a < passive.a && g.marker === 'direct' && fits(g, objRole)) ?? left.find((g) => g.marker === 'direct' && fits(g, objRole));
      } else {
        const d1 = right.find((g) => g.marker === 'direct');
        // "وافق عليها قرار الجمعية العامة 317": a resolution as subject speaks for the body that adopted it.
        const w1 = noWaw(this.doc.words[qEnd + 1] ?? '');
        const pronounObject = suffix || this.fr.objectPronouns.some((p) => w1.endsWith(p) && w1.length > p.length && frame.marker.includes(normPrep(w1.slice(0, -p.length))));
        const d1Actor = d1 && !fits(d1, frame.agent) && (!fits(d1, objRole) || pronounObject) ? this.resolutionActor(d1, kinds(frame.agent)) : undefined;
        if (d1 && (fits(d1, frame.agent) || d1Actor)) {
          agent = d1Actor ?? d1;
          if (d1Actor) conf -= 0.05;
          if (dist(qEnd, d1.a) > 3) conf -= 0.1;
          obj = right.find((g) => g.a > d1.b && objOk(g) && fits(g, objRole));
        } else {
          obj = right.find((g) => objOk(g) && fits(g, objRole));
          // SVO: the subject right before the verb, not across a comma, and not before a verb with و (a new clause).
          const l = /^[وف]/.test(this.doc.words[q]) ? undefined : left.find((g) => agentOk(g));
          if (l && !left.slice(0, left.indexOf(l)).some((g) => g.marker === 'direct') && !this.commaBetween(l.b, q)) {
            agent = l;
            if (dist(l.b, q) > 2) conf -= 0.1;
          } else if (obj) {
            agent = right.find((g) => g.a > obj!.b && agentOk(g) && dist(obj!.b, g.a) <= 2);
            conf -= 0.1;
            // "وتشارك المفوضية في X، وشاركت في Y": a coordinated verb without a subject shares the last one.
            if (!agent && this.lastAgent && /^[وف]/.test(this.doc.words[q]) && fits(this.lastAgent, frame.agent) && this.lastAgent.b < q) {
              agent = this.lastAgent;
              conf -= 0.1;
            }
          }
        }
        if (obj && dist(qEnd, obj.a) > Math.max(14, frame.reach)) obj = undefined;
        if (!obj && agent) {
          obj = this.meetingNamedBy(qEnd, kinds(objRole));
          if (obj) conf -= 0.2;
        }
        // "اعتمدت الجمعية قرارين يهدفان إلى ...، وهما القرار A والقرار B": the object restated later by a pronoun.
        if (!obj && agent) {
          const r = right.find((g) => g.a > agent!.b && g.a >= 1 && g.marker === 'direct' && fits(g, objRole) && /^و?(هما|هي|هم)$/.test(this.doc.words[g.a - 1]));
          if (r) {
            obj = r;
            conf -= 0.15;
          }
        }
        if (obj && agent && dist(Math.max(qEnd, agent.b), obj.a) > 8) conf -= 0.1;
      }
    } else {
      // Verbal noun.
      const g1 = right[0];
      const g2 = right[1];
      if (g1 && dist(qEnd, g1.a) <= 1 && agentOk(g1) && g2 && g2.marker === 'prep' && frame.marker.includes(g2.prep) && fits(g2, objRole) && dist(g1.b, g2.a) <= 6) {
        agent = g1;
        obj = g2;
      } else {
        obj = right.find((g) => objOk(g) && fits(g, objRole) && dist(qEnd, g.a) <= Math.max(6, frame.reach));
        if (!obj) {
          obj = this.meetingNamedBy(qEnd, kinds(objRole));
          if (obj) conf -= 0.2;
        }
        if (!obj) return;
        if (passive) agent = passive;
        else {
          // "عهدت الجمعية العامة إلى المدير التنفيذي بتنسيق ...": the one entrusted does what the verbal noun says.
          const entrusted = left.find((g) => g.marker === 'prep' && (g.prep === 'ل' || g.prep === 'الي') && fits(g, frame.agent) && dist(g.b, q) <= 1 && this.entrustBefore(g.a, q));
          agent = entrusted ?? left.find((g) => agentOk(g) && dist(g.b, q) <= 10);
          conf -= agent && dist(agent.b, q) > 4 ? 0.2 : 0.1;
        }
      }
    }
    // "وصدقت إثيوبيا عليه": a preposition with a pronoun stands for the last fitting thing named before.
    if (agent && !obj && frame.pattern === 'verb') {
      const pronounAt = (k: number) => {
        const w = k < this.doc.words.length ? noWaw(this.doc.words[k]) : '';
        return this.fr.objectPronouns.some((p) => w.endsWith(p) && frame.marker.includes(normPrep(w.slice(0, -p.length))));
      };
      if (pronounAt(agent.b + 1) || (pronounAt(qEnd + 1) && agent.a > qEnd)) {
        // The antecedent is an argument (subject or object) named before, not a prepositional adjunct ("بموجب القرار").
        const cands = this.previous.concat(this.before.filter((g) => g.b < q)).filter((g) => fits(g, objRole) && g !== agent);
        obj = cands.filter((g) => g.marker === 'direct').pop() ?? cands.pop();
        conf -= 0.1;
      }
    }
    // "يواصل المكتب دعم ...، حيث أُقيمت ورشة عمل": a verb without an actor, in a later clause of the sentence, is the sentence subject's act.
    if (!agent && obj && frame.pattern === 'verb' && this.fr.carrySubject.has(frame.type)) {
      const subj = this.sentenceSubject(q);
      if (subj && fits(subj, frame.agent) && subj !== obj && subj.b < obj.a) {
        agent = subj;
        conf -= 0.25;
      }
    }
    // "واعتمد المجلس، في دورته التاسعة، القرار": the session named with the subject acts too (frames with `session`).
    if (frame.session && agent && obj) {
      const s = right.find((g) => g.a > agent!.b && g.a <= agent!.b + 3 && g.marker === 'prep' && g.prep === 'في' && fits(g, frame.agent) && g.members.every((m) => m.kind === 'Meeting'));
      if (s) this.emitPairs(frame.type, frame.agent === 'from' ? s : obj, frame.agent === 'from' ? obj : s, conf - 0.05, emit);
    }
    if (agent && frame.pattern === 'verb' && agent.a > q) this.lastAgent = agent;
    // "تنظيم منتدى برلماني في الشراكة مع الاتحاد البرلماني الدولي": no actor named, but the partner shares the act.
    if (!agent && obj && frame.shared) {
      const nextTrigger = (a: number, b: number) => {
        for (let k = a + 1; k < b; k++) if (this.triggersAt(k).length && !this.inMarkerPhrase(k, 0)) return true;
        return false;
      };
      for (const p of right) if (p.marker === 'partner' && p.a > obj.b && !nextTrigger(Math.max(obj.b, qEnd), p.a)) this.emitPairs(frame.type, frame.agent === 'from' ? p : obj, frame.agent === 'from' ? obj : p, conf - 0.15, emit);
    }
    // "نُظمت دورات تدريبية لممثلي X": the people a meeting is organised for take part in it (through their body).
    if (obj && this.fr.heldIn.after.has(frame.type)) {
      const meetings = obj.members.filter((m) => m.kind === 'Meeting');
      const forWhom = right.find((g) => g.a === obj!.b + 1 && g.marker === 'prep' && g.prep === 'ل' && g.members[0].ea !== undefined);
      if (meetings.length && forWhom && forWhom !== agent) this.emitPairs('PARTICIPATED_IN', forWhom, { ...obj, members: meetings }, Math.min(0.7, conf - 0.15), emit);
    }
    if (!agent || !obj || agent === obj) return;
    // "صادقت عليها الجمعية العامة بالقرار 317": the resolution the clause's act was made by was adopted by its actor.
    if (frame.type === 'ADOPTED' && frame.agent === 'from') {
      for (const g of right) {
        if (g.a <= agent.b || g.marker !== 'prep' || g.prep !== 'ب' || g.a - agent.b > 4 || !g.members.every((m) => m.kind === 'Instrument' && this.isResolution(m))) continue;
        this.emitPairs('ADOPTED', agent, g, conf - 0.1, emit);
      }
    }
    // "عقد دورته الأولى في نيسان ودورته الثانية في أيار": a second object coordinated after a circumstance of the first.
    if (frame.pattern === 'verb') {
      const o = obj;
      const more = right.find((g) => g.a > o.b && g.a - o.b <= 8 && g.marker === 'direct' && this.doc.words[g.a][0] === 'و' && g.members.every((m) => m.kind === o.members[0].kind) && !this.commaBetween(o.b, g.a) && !right.some((h) => h.a > o.b && h.a < g.a && h.marker !== 'circumstance' && h.marker !== 'prep'));
      if (more && more !== agent) this.emitPairs(frame.type, frame.agent === 'from' ? agent : more, frame.agent === 'from' ? more : agent, conf - 0.1, emit);
    }
    // "الانضمام إلى A في آذار/مارس 2008 وإلى B في شباط/فبراير 2009": the preposition repeated with و after a date.
    if ((frame.pattern === 'verb' || frame.pattern === 'masdar') && obj.marker === 'prep' && obj.prep.length > 1) {
      const o = obj;
      const again = right.find((g) => g.a > o.b && g.marker === 'prep' && g.prep === o.prep && this.doc.words[g.a - 1] === 'و' + o.prep && this.dateBetween(o.b, g.a - 1) && g.members.every((m) => m.kind === o.members[0].kind));
      if (again && again !== agent) this.emitPairs(frame.type, frame.agent === 'from' ? agent : again, frame.agent === 'from' ? again : agent, conf - 0.1, emit);
    }
    // An end read through an anaphor ("المكتب", "هذه المنظمة") is less sure than a name.
    if (agent.members.some((m) => m.anaphoric) || obj.members.some((m) => m.anaphoric)) conf -= 0.1;
    this.emitPairs(frame.type, frame.agent === 'from' ? agent : obj, frame.agent === 'from' ? obj : agent, conf, emit);

    this.lastApplied = { frame, agent, obj, conf };
    this.objectAfterRelative(frame, agent, obj, conf, emit);
    this.placeOfMeeting(frame, q, agent, obj, right.concat(left), conf, emit);
    // Partners share the actor's side: PARTNERS_WITH the actor, and the relation itself when the frame says so.
    for (const p of right.concat(left)) {
      if (p.marker !== 'partner' || p === obj) continue;
      this.usedPartners.add(p);
      this.emitPairs('PARTNERS_WITH', agent, p, conf - 0.05, emit);
      if (frame.shared) this.emitPairs(frame.type, frame.agent === 'from' ? p : obj, frame.agent === 'from' ? obj : p, conf - 0.05, emit);
    }
    // "بموجب قراره ٦/١٤": the instrument mandates (and creates) what the clause creates; the actor adopted it.
    for (const g of right.concat(left)) {
      if (g.marker !== 'mandate') continue;
      if (frame.type === 'ESTABLISHED') {
        this.emitPairs('MANDATED_BY', obj, g, conf - 0.05, emit);
        this.emitPairs('ESTABLISHED', g, obj, conf - 0.05, emit);
      }
      if (frame.type === 'ADOPTED' || g.members.some((m) => this.possessive(m))) this.emitPairs('ADOPTED', agent, g, conf - 0.05, emit);
    }
  }

  /**
   * "نظم المركز، في ليبرفيل، بالغابون، مشاورة خبراء", "عقدت اليونيسيف حلقة عمل في الأردن": a State named
   * with في/بـ in the clause that organises a meeting, before the meeting or right after it, is where
   * it was held (heldIn in model/relation-frames.json).
   */
  private placeOfMeeting(frame: Frame, q: number, agent: Group, obj: Group, around: Group[], conf: number, emit: Emit): void {
    const rule = this.fr.heldIn;
    if (!rule.after.has(frame.type) || frame.agent !== 'from') return;
    const meetings = obj.members.filter((m) => m.kind === 'Meeting');
    if (!meetings.length) return;
    const lo = Math.min(q, agent.a);
    const place = around.find(
      (g) =>
        g !== agent && g !== obj && g.marker === 'prep' && rule.marker.includes(g.prep) && g.members.every((m) => m.kind === 'Country') &&
        ((g.a > lo && g.b < obj.a) || (g.a > obj.b && (g.a - obj.b <= rule.reach || this.dateBetween(obj.b, g.a)) && !this.commaBetween(obj.b, g.a - 1))),
    );
    const meeting: Group = { ...obj, members: meetings };
    if (place) {
      this.emitPairs('HELD_IN', meeting, place, Math.min(conf - 0.1, rule.confidence), emit);
      return;
    }
    // "..., وذلك يوم الأربعاء 15 ديسمبر 2021 ببلدية تونس": the event's date and place, later in the sentence.
    for (const g of this.before) {
      if (g.a <= obj.b || g.marker !== 'prep' || !rule.marker.includes(g.prep) || !g.members.every((m) => m.kind === 'Country') || this.hardBetween(obj.b, g.a)) continue;
      let e = -1;
      for (let k = g.a - 1; k > obj.b && e < 0; k--) if (this.fr.eventRefs.has(this.doc.words[k])) e = k;
      if (e >= 0 && this.dateBetween(e, g.a - (this.inMention(g.a - 1) ? 0 : this.placeNoun(this.doc.words[g.a - 1]) !== null ? 1 : 0))) {
        this.emitPairs('HELD_IN', meeting, g, Math.min(conf - 0.15, rule.confidence - 0.05), emit);
        return;
      }
    }
  }

  /**
   * The subject of the sentence's first clause, for a verb in a later clause that names no actor: the
   * first list of the sentence, named within a few words of its start, right after a verb or before
   * one, with a clause boundary or comma before q.
   */
  private sentenceSubject(q: number): Group | undefined {
    const first = this.before[0];
    if (!first || first.b >= q || first.marker !== 'direct' || first.a - this.sentenceStart > 4) return undefined;
    if (!first.members.every((m) => m.kind === 'Agency')) return undefined;
    let cut = false;
    for (let k = first.b + 1; k < q && !cut; k++) if (this.isBoundary(k) || this.comma(k - 1)) cut = true;
    return cut ? first : undefined;
  }

  /** A resolution named with its body ("قرار الجمعية العامة 317") as the body acting; undefined when it is not one. */
  private resolutionActor(g: Group, allowed: readonly string[]): Group | undefined {
    if (!allowed.includes('Agency')) return undefined;
    const members: Mention[] = [];
    for (const m of g.members) {
      if (m.kind !== 'Instrument' || !this.isResolution(m) || !m.bodies?.length) return undefined;
      for (const b of m.bodies) members.push({ ...m, entityId: b, kind: 'Agency', bodies: undefined });
    }
    return members.length ? { ...g, members } : undefined;
  }

  private emitPairs(type: string, from: Group, to: Group, conf: number, emit: Emit): void {
    const toBody = this.fr.toBodyOfSession.has(type);
    for (const f of from.members) {
      for (const t of to.members) {
        if (f.entityId === t.entityId) continue;
        emit(type, f.entityId, t.entityId, conf);
        // Reported to "الدورة الرابعة لمجلس حقوق الإنسان": to the Council as well.
        if (toBody && t.kind === 'Meeting') for (const b of t.bodies ?? []) if (b !== f.entityId) emit(type, f.entityId, b, conf - 0.05);
      }
    }
  }
}
