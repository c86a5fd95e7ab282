/**
 * Cypher statements live in cypher/*.cypher and are loaded by name; code never builds Cypher
 * from input. A statement may use a fragment derived from the model, `{{RELATION_TYPES}}`: the
 * typed relations of model/relations.json as a relationship-type union (`A|B|C`), so that
 * Neo4j expands only those relationships of a node (not its thousands of MENTIONS) while the
 * types asked for stay parameters.
 */
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot, RELATION_TYPES } from '../model';

const cache = new Map<string, string>();

function identifier(name: string): string {
  if (!/^[A-Z][A-Z0-9_]*$/.test(name)) throw new Error(`model/relations.json: "${name}" is not a relationship type name (A-Z, 0-9, _)`);
  return name;
}

const FRAGMENTS: Record<string, () => string> = {
  RELATION_TYPES: () => RELATION_TYPES.map(identifier).join('|'),
};

/** Replaces the model fragments of a statement's text; an unknown fragment is an error. */
export function withFragments(text: string, name = 'statement'): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
    const make = FRAGMENTS[key];
    if (!make) throw new Error(`cypher/${name}.cypher uses an unknown fragment {{${key}}} (known: ${Object.keys(FRAGMENTS).join(', ')})`);
    return make();
  });
}

/** The text of cypher/<name>.cypher, its model fragments filled in. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const file = path.join(packageRoot(), 'cypher', `${name}.cypher`);
    if (!fs.existsSync(file)) throw new Error(`no Cypher statement named "${name}" (expected ${file})`);
    text = withFragments(fs.readFileSync(file, 'utf8').trim(), name);
    cache.set(name, text);
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
