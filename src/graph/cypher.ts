/**
 * Cypher statements live in cypher/*.cypher and are loaded by name; code never builds Cypher
 * from input. A statement may use fragments:
 * - `{{RELATION_TYPES}}`, derived from the model: the typed relations of model/relations.json as a
 *   relationship-type union (`A|B|C`), so that Neo4j expands only those relationships of a node
 *   (not its thousands of MENTIONS) while the types asked for stay parameters;
 * - `{{EVIDENCE_TEXT(r, i)}}`: the sentence of evidence entry `i` of typed relationship `r`
 *   (cypher/fragment-evidence-text.cypher), one rule for every reader. Its arguments are the
 *   statement's own variable names or an index literal, never input;
 * - `{{EVIDENCE_BEST(r)}}`: the stored best entry `evBest` as r's lists give it
 *   (cypher/fragment-evidence-best.cypher), for those that write or check it from the lists;
 * - `{{NODE_NAME(n)}}`: the name entity `n` shows (cypher/fragment-node-name.cypher), for the
 *   summaries that send one name instead of three;
 * - `{{ENTITY_WHOLE(n)}}`: entity `n` as the API reads it whole, without the graph's bookkeeping
 *   (cypher/fragment-entity-whole.cypher), for every statement that sends whole entities;
 * - `{{NEIGHBOUR_HOP(n)}}`: hop n (a literal) of the neighbourhood
 *   (cypher/fragment-neighbour-hop.cypher), the same block for every hop; it holds
 * - `{{NEIGHBOUR_FAST}}`: the hop's fast path from the stored neighbour rankings
 *   (cypher/fragment-neighbour-fast.cypher).
 * A VARIANT is a statement built from another's file with some fragments left out (empty): one
 * source for both, no copy of the outer statement.
 */
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot, RELATION_TYPES } from '../model';

const cache = new Map<string, string>();

/**
 * Statements built from another file without some fragments. api-neighbourhood-plain: the
 * neighbourhood without the hops' fast path, which the service sends while no entity of the
 * graph has a ranked page (src/api/services/graph.ts): same answers, 5 KB instead of 18 KB, and none
 * of the fast path's empty branches for Neo4j to run (bench/findings.md, "nbhop helper").
 */
export const VARIANTS: Readonly<Record<string, { file: string; without: readonly string[] }>> = {
  'api-neighbourhood-plain': { file: 'api-neighbourhood', without: ['NEIGHBOUR_FAST'] },
};

function identifier(name: string): string {
  if (!/^[A-Z][A-Z0-9_]*$/.test(name)) throw new Error(`model/relations.json: "${name}" is not a relationship type name (A-Z, 0-9, _)`);
  return name;
}

const VARIABLE = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+)$/;

/**
 * A one-expression fragment (cypher/fragment-<name>.cypher, comment lines dropped) inlined on one
 * line, each placeholder __x__ replaced by the name given for x (a variable or an index literal,
 * checked by withFragments). fragment-evidence-best holds {{EVIDENCE_TEXT}}, already filled in.
 */
function inlined(name: string, names: Record<string, string>): string {
  let body = cypher(`fragment-${name}`).split('\n').join(' ');
  for (const [x, value] of Object.entries(names)) body = body.replace(new RegExp(`__${x}__`, 'g'), value);
  return body;
}

/** cypher/fragment-neighbour-hop.cypher for hop `n` (its lines kept: it is a block of clauses), without the fragments of `without`. */
function neighbourHop(without: readonly string[], n: string): string {
  if (!/^[0-9]+$/.test(n)) throw new Error(`{{NEIGHBOUR_HOP(n)}} takes a hop number, got ${n}`);
  return load('fragment-neighbour-hop', without).replace(/__n__/g, n);
}

/** Each fragment's arity and text; `without` (a variant's left-out fragments) passes on to nested fragments. */
const FRAGMENTS: Record<string, { arity: number; make: (without: readonly string[], ...args: string[]) => string }> = {
  RELATION_TYPES: { arity: 0, make: () => RELATION_TYPES.map(identifier).join('|') },
  EVIDENCE_TEXT: { arity: 2, make: (_w, r, i) => inlined('evidence-text', { r, i }) },
  EVIDENCE_BEST: { arity: 1, make: (_w, r) => inlined('evidence-best', { r }) },
  NODE_NAME: { arity: 1, make: (_w, n) => inlined('node-name', { n }) },
  ENTITY_WHOLE: { arity: 1, make: (_w, n) => inlined('entity-whole', { n }) },
  NEIGHBOUR_HOP: { arity: 1, make: neighbourHop },
  NEIGHBOUR_FAST: { arity: 0, make: (without) => load('fragment-neighbour-fast', without) },
};

/**
 * Replaces the fragments of a statement's text; an unknown fragment or bad arguments are an error.
 * A fragment named in `without` becomes nothing (a variant, VARIANTS).
 */
export function withFragments(text: string, name = 'statement', without: readonly string[] = []): string {
  // A left-out fragment alone on its line takes the line with it.
  for (const key of without) text = text.replace(new RegExp(`^[ \\t]*\\{\\{${key}(?:\\([^)]*\\))?\\}\\}[ \\t]*\\n`, 'gm'), '');
  return text.replace(/\{\{(\w+)(?:\(([^)]*)\))?\}\}/g, (_m, key: string, list: string | undefined) => {
    const fragment = FRAGMENTS[key];
    if (!fragment) throw new Error(`cypher/${name}.cypher uses an unknown fragment {{${key}}} (known: ${Object.keys(FRAGMENTS).join(', ')})`);
    const args = list === undefined ? [] : list.split(',').map((a) => a.trim());
    if (args.length !== fragment.arity || !args.every((a) => VARIABLE.test(a))) {
      throw new Error(`cypher/${name}.cypher: {{${key}}} takes ${fragment.arity} variable name(s) or index literal(s), got (${list ?? ''})`);
    }
    return without.includes(key) ? '' : fragment.make(without, ...args);
  });
}

/**
 * A statement's text without its comment lines (a line whose first non-blank characters are `//`).
 * The comments are for readers of cypher/; the driver sends the text with every request and Neo4j
 * reads it to find its cached plan: the neighbourhood's 8 KB were 35% comments (bench/findings.md,
 * "search helper"). Code lines are kept as they are.
 */
export function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .join('\n');
}

/** The text of cypher/<name>.cypher (or of a variant, VARIANTS), its comment lines dropped and its model fragments filled in. */
export function cypher(name: string): string {
  const variant = VARIANTS[name];
  return variant ? load(variant.file, variant.without) : load(name, []);
}

/** cypher/<file>.cypher with its fragments filled in, those of `without` left out; cached. */
function load(file: string, without: readonly string[]): string {
  const key = without.length ? `${file} without ${without.join(',')}` : file;
  let text = cache.get(key);
  if (text === undefined) {
    const where = path.join(packageRoot(), 'cypher', `${file}.cypher`);
    if (!fs.existsSync(where)) throw new Error(`no Cypher statement named "${file}" (expected ${where})`);
    text = withFragments(withoutComments(fs.readFileSync(where, 'utf8')).trim(), file, without);
    cache.set(key, text);
  }
  return text;
}

/** A file of several statements separated by lines ending in ';' (schema files), without comments. */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
