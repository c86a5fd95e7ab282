/** Cypher statements live in cypher/*.cypher and are loaded by name; code never builds Cypher from input. */
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../model';

const cache = new Map<string, string>();

/** The text of cypher/<name>.cypher. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const file = path.join(packageRoot(), 'cypher', `${name}.cypher`);
    if (!fs.existsSync(file)) throw new Error(`no Cypher statement named "${name}" (expected ${file})`);
    text = fs.readFileSync(file, 'utf8').trim();
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
