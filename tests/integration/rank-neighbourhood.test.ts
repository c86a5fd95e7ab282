/**
 * The neighbourhood's hops answered from the stored neighbour rankings (cypher/rank-build.cypher,
 * api-neighbourhood.cypher) against the real Neo4j: every answer (nodes in order, edges,
 * truncated) equals the answer of the same graph with the rankings removed (every hop then reads
 * all relationships), over starts, limits, depths and kinds. K is 3 here (KG_RANK_SIZE), so a
 * ranked entity keeps 6 neighbours: most limits overflow the lists (the fallback), the small ones
 * are answered from them, at ties on score 1 at the boundary (the hubs' neighbours mostly score 1),
 * with several ranked entities in one frontier, and with a stale entity.
 */
import type { Driver } from 'neo4j-driver';
import type { ExtractedDocument, ExtractedEntity } from '../../src/extract/types';
import { loadDocuments, sha256Of } from '../../src/graph/load';
import { Db } from '../../src/graph/db';
import { buildRanks, RANK_PROPERTIES, settleStaleRanks } from '../../src/graph/rank';
import { applySchema } from '../../src/graph/schema';
import { wipeGraph } from '../../src/graph/stats';
import { neighbourhood, type NeighbourhoodArgs, type NeighbourhoodStatement } from '../../src/api/services/graph';
import { ensureSeeded, seededDriver } from '../helpers/seeded';
import { lineParagraphs } from '../helpers/lines';

jest.setTimeout(600_000);

type Kind = 'Agency' | 'Programme' | 'Country';
const KINDS: Record<string, Kind> = {};
const NAMES: Record<string, string> = {};
const add = (id: string, kind: Kind, name: string) => ((KINDS[id] = kind), (NAMES[id] = name));
for (const h of ['h1', 'h2', 'h3']) add(`agency:${h}`, 'Agency', `الوكالة المحورية ${h}`);
for (let i = 0; i < 16; i++) add(`agency:a${String(i).padStart(2, '0')}`, 'Agency', `وكالة رقم ${i}`);
for (let i = 0; i < 10; i++) add(`country:c${i}`, 'Country', `بلد رقم ${i}`);
for (let i = 0; i < 10; i++) add(`programme:p${i}`, 'Programme', `برنامج رقم ${i}`);
// A separate component where the bound decides at a tie: t-s links the ranked t-hub (ten
// neighbours of score 1: six listed, the bound t-b6) and the unranked t-u, whose neighbours t-z*
// score 1 too and sort after the bound: a hop-2 answer cut among them needs t-b6 and beyond, which
// no list holds, so the fast path must give way to the full read. t-u also links the bound t-b6
// itself: listed by no one of them but t-u (t-hub's list stops before it), it scores 2, and only
// the bound's own id says t-hub may add to it (at most the bound - 1 below that id, none here).
for (const id of ['t-s', 't-hub', 't-u', 't-z0', 't-z1', 't-z2', ...Array.from({ length: 10 }, (_, i) => `t-b${i}`)]) add(`agency:${id}`, 'Agency', `وكالة الاختبار ${id}`);
const TIE_FACTS: [string, string, string][] = [
  ['PARTNERS_WITH', 'agency:t-s', 'agency:t-hub'],
  ['PARTNERS_WITH', 'agency:t-s', 'agency:t-u'],
  ...Array.from({ length: 10 }, (_, i): [string, string, string] => ['PARTNERS_WITH', 'agency:t-hub', `agency:t-b${i}`]),
  ...[0, 1, 2].map((i): [string, string, string] => ['PARTNERS_WITH', 'agency:t-u', `agency:t-z${i}`]),
  ['PARTNERS_WITH', 'agency:t-u', 'agency:t-b6'],
];
// Another, where a candidate's own ranking speaks for a pair: w-s links the ranked w-x (neighbours
// w-a0..w-a9, w-s and w-zb, all 1: lists w-a0..w-a5, bound w-a6) and the unranked w-u, whose one
// other neighbour is w-zb. w-zb is ranked too (w-c0..w-c6, w-u, w-x: lists w-c0..w-c5, bound 1 at
// w-c6), lists neither, and w-x's id is above its bound's: from its ranking the pair may score 1
// (it does), so it is read, and w-zb scores 2.
for (const id of ['w-s', 'w-x', 'w-u', 'w-zb', ...Array.from({ length: 10 }, (_, i) => `w-a${i}`), ...Array.from({ length: 7 }, (_, i) => `w-c${i}`)]) add(`agency:${id}`, 'Agency', `وكالة التحقق ${id}`);
const PAIR_FACTS: [string, string, string][] = [
  ['PARTNERS_WITH', 'agency:w-s', 'agency:w-x'],
  ['PARTNERS_WITH', 'agency:w-s', 'agency:w-u'],
  ['PARTNERS_WITH', 'agency:w-u', 'agency:w-zb'],
  ['PARTNERS_WITH', 'agency:w-x', 'agency:w-zb'],
  ...Array.from({ length: 10 }, (_, i): [string, string, string] => ['PARTNERS_WITH', 'agency:w-x', `agency:w-a${i}`]),
  ...Array.from({ length: 7 }, (_, i): [string, string, string] => ['PARTNERS_WITH', 'agency:w-zb', `agency:w-c${i}`]),
];
const IDS = Object.keys(KINDS).sort();
const AGENCIES = IDS.filter((id) => KINDS[id] === 'Agency' && !/^agency:(h|t-|w-)/.test(id));
const COUNTRIES = IDS.filter((id) => KINDS[id] === 'Country');
const PROGRAMMES = IDS.filter((id) => KINDS[id] === 'Programme');

/** A relation the model allows between two entities, or null (model/relations.json). */
function relation(from: string, to: string, n: number): [string, string, string] | null {
  const [a, b] = [KINDS[from], KINDS[to]];
  if (a === 'Agency' && b === 'Agency') return [n % 2 ? 'MEMBER_OF' : 'PARTNERS_WITH', from, to];
  if (a === 'Agency' && b === 'Programme') return [n % 2 ? 'ADMINISTERS' : 'FUNDED', from, to];
  if (a === 'Agency' && b === 'Country') return ['ASSISTS', from, to];
  if (a === 'Country' && b === 'Agency') return ['MEMBER_OF', from, to];
  if (a === 'Country' && b === 'Programme') return ['FUNDED', from, to];
  return null;
}

/**
 * Document n: the hubs each state a relation with a few entities (h1 with nearly every entity
 * once or twice: ties on 1 and 2; h2 with every second; h3 with every third and with h1), and two
 * relations among the others (their neighbours overlap the hubs').
 */
function factsOf(n: number): [string, string, string][] {
  if (n >= 103) return PAIR_FACTS.filter((_, i) => i % 3 === n - 103);
  if (n >= 100) return TIE_FACTS.filter((_, i) => i % 3 === n - 100);
  const others = [...AGENCIES, ...COUNTRIES, ...PROGRAMMES];
  const pick = (i: number) => others[(n * 7 + i * 11) % others.length];
  const facts: ([string, string, string] | null)[] = [
    relation('agency:h1', pick(0), n),
    n % 3 === 0 ? relation('agency:h1', pick(1), n) : null,
    n % 2 === 0 ? relation('agency:h2', others[(n * 2) % others.length], n) : null,
    n % 3 === 1 ? relation('agency:h3', others[(n * 3) % others.length], n) : null,
    n % 5 === 0 ? relation('agency:h3', 'agency:h1', n) : null,
    relation(pick(2), pick(3), n),
    relation(COUNTRIES[n % COUNTRIES.length], PROGRAMMES[(n * 3) % PROGRAMMES.length], n),
  ];
  return facts.filter((f): f is [string, string, string] => f !== null && f[1] !== f[2]);
}

function documentOf(n: number): { doc: ExtractedDocument; source: { text: string; sha256: string } } {
  const stated = factsOf(n);
  const lines = [`تقرير الجوار رقم ${n}`, ...stated.map(([, from, to], i) => `${i + 1}- تعاونت ${NAMES[from]} مع ${NAMES[to]}.`)];
  const text = lines.join('\n');
  const paragraphs = lineParagraphs(lines);
  const ids = [...new Set(stated.flatMap(([, a, b]) => [a, b]))].sort();
  const entities: ExtractedEntity[] = ids.map((id) => {
    const start = text.indexOf(NAMES[id]);
    const paragraph = paragraphs.find((p) => p.start <= start && start < p.end)?.number ?? '';
    return { id, type: KINDS[id], category: null, name: NAMES[id], nameAr: NAMES[id], nameEn: null, acronym: null, aliases: [], properties: {}, mentions: [{ text: NAMES[id], start, end: start + NAMES[id].length, paragraph }] };
  });
  const doc = {
    file: `nb-${n}.txt`,
    document: { symbol: null, date: '2021-01-01', title: lines[0], body: null, language: 'ar', originalLanguage: 'ar', session: null, agendaItem: null, subjects: [] },
    entities,
    relations: stated.map(([type, from, to], i) => ({ type, from, to, evidence: lines[i + 1], paragraph: String(i + 1), confidence: 0.9 })),
    cooccurrences: [],
    paragraphs,
  } as unknown as ExtractedDocument;
  return { doc, source: { text, sha256: sha256Of(text) } };
}

let driver: Driver;
let db: Db;
const saved = process.env.KG_RANK_SIZE;
const savedAbove = process.env.KG_RANK_NEIGHBOURS_ABOVE;

beforeAll(async () => {
  process.env.KG_RANK_SIZE = '3';
  // Neighbour rankings for ranked entities only (more than K): unranked candidates and frontiers
  // are read; one test below also lists entities of 2-3 relations.
  process.env.KG_RANK_NEIGHBOURS_ABOVE = '3';
  driver = seededDriver();
  db = new Db(driver);
  await wipeGraph(driver);
  await applySchema(driver);
  const docs = [...Array.from({ length: 48 }, (_, n) => documentOf(n)), ...[100, 101, 102, 103, 104, 105].map(documentOf)];
  for (let i = 0; i < docs.length; i += 16) await loadDocuments(driver, docs.slice(i, i + 16));
}, 600_000);

afterAll(async () => {
  if (saved === undefined) delete process.env.KG_RANK_SIZE;
  else process.env.KG_RANK_SIZE = saved;
  if (savedAbove === undefined) delete process.env.KG_RANK_NEIGHBOURS_ABOVE;
  else process.env.KG_RANK_NEIGHBOURS_ABOVE = savedAbove;
  // Leave the seeded graph the other integration tests expect.
  await wipeGraph(driver);
  await ensureSeeded(driver);
  await driver.close();
});

const NEIGHBOUR_KEYS = RANK_PROPERTIES.filter((k) => k.startsWith('rankNb'));

async function rankedIds(): Promise<string[]> {
  const res = await driver.executeQuery('MATCH (a:Entity) WHERE a.rankNb IS NOT NULL AND a.rankStale IS NULL RETURN a.id AS id ORDER BY id');
  return res.records.map((r) => r.get('id') as string);
}

/** The requests compared: single and several starts, depths 1-3, limits from 1 to past the lists, kinds. */
function requests(): NeighbourhoodArgs[] {
  const starts = [['agency:t-s'], ['agency:w-s'], ['agency:h1'], ['agency:h2'], ['agency:h3'], [AGENCIES[0]], [AGENCIES[5]], [COUNTRIES[2]], [PROGRAMMES[4]], ['agency:h1', 'agency:h2'], [COUNTRIES[0], 'agency:h3']];
  const out: NeighbourhoodArgs[] = [];
  for (const ids of starts) {
    for (const depth of [1, 2, 3]) {
      for (const limit of [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 30]) {
        for (const kinds of [null, ['Agency'], ['Country', 'Programme']]) out.push({ ids, depth, limit, kinds, details: false });
      }
    }
  }
  return out;
}

/** The answers to `all`, by the statement the service chooses or by `statement`. */
async function answers(all: NeighbourhoodArgs[], statement?: NeighbourhoodStatement): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const args of all) out.push({ args, answer: await neighbourhood(db, args, { statement }) });
  return out;
}

/** Removes the neighbour rankings (the hops then read every relationship) and puts them back. */
async function withoutRankings<T>(work: () => Promise<T>): Promise<T> {
  await driver.executeQuery('MATCH (a:Entity) WHERE a.rankNb IS NOT NULL SET a += $none', { none: Object.fromEntries(NEIGHBOUR_KEYS.map((k) => [k, null])) });
  try {
    return await work();
  } finally {
    await driver.executeQuery('MATCH (a:Entity) WHERE a.rankRel IS NOT NULL SET a.rankStale = true');
    await settleStaleRanks(driver);
  }
}

test('the graph has ranked entities whose lists are cut, with ties on score at the bound', async () => {
  expect(await rankedIds()).toEqual(expect.arrayContaining(['agency:h1', 'agency:h2', 'agency:h3']));
  const res = await driver.executeQuery('MATCH (a:Entity {id: "agency:h1"}) RETURN a.rankNbScore AS scores, a.rankNbBound AS bound, a.rankNbBoundId AS boundId');
  const [scores, bound, boundId] = ['scores', 'bound', 'boundId'].map((k) => res.records[0].get(k));
  expect(scores.map(Number)).toHaveLength(6);
  expect(boundId).toEqual(expect.any(String));
  // A tie at the boundary: the last listed neighbour scores as much as the first outside.
  expect(Number(scores[5])).toBe(Number(bound));
});

test('the tie component: a ranked hub whose bound ties with an unranked neighbour\'s neighbours', async () => {
  const res = await driver.executeQuery('MATCH (a:Entity {id: "agency:t-hub"}) RETURN a.rankNb AS nb, a.rankNbScore AS scores, a.rankNbBound AS bound, a.rankNbBoundId AS boundId');
  const r = res.records[0];
  expect(r.get('nb')).toEqual(['agency:t-b0', 'agency:t-b1', 'agency:t-b2', 'agency:t-b3', 'agency:t-b4', 'agency:t-b5']);
  expect([Number(r.get('bound')), r.get('boundId')]).toEqual([1, 'agency:t-b6']);
  // Hop 2 from t-s cut at 7 entities (limit 10): the bound t-b6 first (2: t-hub and t-u), then
  // t-b0..t-b5; the 8th, t-b7, ties with the bound but sorts after its id (the full read decides).
  const { nodes } = await neighbourhood(db, { ids: ['agency:t-s'], depth: 2, limit: 10 });
  expect(nodes.map((n) => n.id).slice(3)).toEqual(['agency:t-b6', 'agency:t-b0', 'agency:t-b1', 'agency:t-b2', 'agency:t-b3', 'agency:t-b4', 'agency:t-b5']);
  // Cut at 4 (limit 7), answered from the lists: t-b6's part from t-hub is read, as its id is the bound's.
  const cut = await neighbourhood(db, { ids: ['agency:t-s'], depth: 2, limit: 7 });
  expect(cut.nodes.map((n) => n.id).slice(3)).toEqual(['agency:t-b6', 'agency:t-b0', 'agency:t-b1', 'agency:t-b2']);
});

test('a pair neither list holds is read when the candidate\'s ranking allows it a part', async () => {
  const res = await driver.executeQuery('MATCH (a:Entity {id: "agency:w-zb"}) RETURN a.rankNb AS nb, a.rankNbBound AS bound, a.rankNbBoundId AS boundId');
  const r = res.records[0];
  expect(r.get('nb')).toEqual(['agency:w-c0', 'agency:w-c1', 'agency:w-c2', 'agency:w-c3', 'agency:w-c4', 'agency:w-c5']);
  expect([Number(r.get('bound')), r.get('boundId')]).toEqual([1, 'agency:w-c6']);
  // Hop 2 from w-s cut at 4 (limit 7), from the lists: w-zb (2: w-u and w-x), then w-a0..w-a2.
  const { nodes } = await neighbourhood(db, { ids: ['agency:w-s'], depth: 2, limit: 7 });
  expect(nodes.map((n) => n.id).slice(3)).toEqual(['agency:w-zb', 'agency:w-a0', 'agency:w-a1', 'agency:w-a2']);
});

test('answers from the rankings equal answers read from every relationship, and the plain statement\'s', async () => {
  const all = requests();
  const ranked = await answers(all, 'api-neighbourhood');
  const scanned = await withoutRankings(() => answers(all, 'api-neighbourhood'));
  expect(ranked).toEqual(scanned);
  // The statement without the fast path (sent while no entity is ranked) reads every relationship.
  expect(await answers(all, 'api-neighbourhood-plain')).toEqual(ranked);
  // Entities of more than J = 1 typed relations (at most K) keep all their neighbours listed:
  // candidates and frontiers answer from those lists instead of their relationships.
  process.env.KG_RANK_NEIGHBOURS_ABOVE = '1';
  try {
    expect(await buildRanks(driver)).toBeGreaterThan(0);
    const listed = await driver.executeQuery('MATCH (a:Entity) WHERE a.rankNb IS NOT NULL AND a.rankRel IS NULL RETURN count(a) AS n');
    expect(Number(listed.records[0].get('n'))).toBeGreaterThan(10);
    expect(await answers(all, 'api-neighbourhood')).toEqual(ranked);
  } finally {
    process.env.KG_RANK_NEIGHBOURS_ABOVE = '3';
    await buildRanks(driver);
  }
});

test('the service sends the plain statement while no entity is ranked, the fast path as soon as rank-build ranks', async () => {
  const names: string[] = [];
  const seen = new Db(driver, { onQuery: (name) => names.push(name) });
  const sent = async () => {
    names.length = 0;
    await neighbourhood(seen, { ids: ['agency:h1'], depth: 2, limit: 5 });
    return names.filter((n) => n !== 'api-neighbour-ranked');
  };
  expect(await sent()).toEqual(['api-neighbourhood']);
  // Under a K no entity reaches, this process's rank build takes every ranking away.
  process.env.KG_RANK_SIZE = '1000';
  process.env.KG_RANK_NEIGHBOURS_ABOVE = '1000';
  try {
    expect(await buildRanks(driver)).toBeGreaterThan(0);
    expect(await rankedIds()).toEqual([]);
    expect(await sent()).toEqual(['api-neighbourhood-plain']);
  } finally {
    process.env.KG_RANK_SIZE = '3';
    process.env.KG_RANK_NEIGHBOURS_ABOVE = '3';
    await buildRanks(driver);
  }
  expect(await rankedIds()).toEqual(expect.arrayContaining(['agency:h1']));
  expect(await sent()).toEqual(['api-neighbourhood']);
});

test('a stale ranked entity is read whole: its (outdated) lists are not used', async () => {
  const all = requests().filter((r) => r.ids.includes('agency:h1') && r.depth === 1);
  const truth = await withoutRankings(() => answers(all));
  // Outdated lists: h1's scores reversed (its best neighbours scored worst), then marked stale as a write leaves it.
  await driver.executeQuery('MATCH (a:Entity {id: "agency:h1"}) SET a.rankNbScore = [i IN range(size(a.rankNbScore) - 1, 0, -1) | a.rankNbScore[i]], a.rankStale = true');
  try {
    expect(await answers(all)).toEqual(truth);
    // The lists are read when fresh: the same reversal, not marked, changes the answers.
    await driver.executeQuery('MATCH (a:Entity {id: "agency:h1"}) REMOVE a.rankStale');
    expect(await answers(all)).not.toEqual(truth);
  } finally {
    await driver.executeQuery('MATCH (a:Entity {id: "agency:h1"}) SET a.rankStale = true');
    await settleStaleRanks(driver);
  }
  expect(await answers(all)).toEqual(truth);
});

test('filters the rankings do not score (types, co-occurrences, confidence) read every relationship', async () => {
  const all: NeighbourhoodArgs[] = [];
  for (const limit of [1, 3, 5]) {
    all.push({ ids: ['agency:h1'], depth: 2, limit, relationTypes: ['MEMBER_OF', 'ASSISTS'] });
    all.push({ ids: ['agency:h1'], depth: 2, limit, mentions: true });
    all.push({ ids: ['agency:h1'], depth: 2, limit, minConfidence: 0.5 });
  }
  const ranked = await answers(all);
  expect(ranked).toEqual(await withoutRankings(() => answers(all)));
});
