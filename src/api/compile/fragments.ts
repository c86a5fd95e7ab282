/**
 * Statement text of the compiler: fragments from cypher/compiled-*.cypher whose `__name__`
 * placeholders are filled with other fragments, variables the compiler generates (n1, r1, v1 ...)
 * and relationship types of the model. No value given by a caller ever reaches the text: every
 * placeholder value is checked here against what those sources can produce.
 */
import { cypher } from '../../graph/cypher';
import { RELATION_TYPES } from '../../model';
import { SUMMARY_PROPERTIES } from '../selection';

/** A variable, parameter prefix or map key the compiler generated: a letter and digits (plus '_' for a prefix). */
const GENERATED = /^(this|[a-z]\d+_?)$/;

/** A fragment's text without its comment lines. */
function fragment(name: string): string {
  return cypher(name)
    .split('\n')
    .filter((l) => !/^\s*\/\//.test(l))
    .join('\n');
}

/** A generated name, checked (a caller's alias or value can never get here). */
export function generated(name: string): string {
  if (!GENERATED.test(name)) throw new Error(`compiler: "${name}" is not a generated name`);
  return name;
}

/** The relationship-type union a pattern expands: model types only. */
export function typeUnion(types: readonly string[]): string {
  for (const t of types) {
    if (!RELATION_TYPES.includes(t) || !/^[A-Z][A-Z0-9_]*$/.test(t)) throw new Error(`compiler: ${t} is not a relation type of model/relations.json`);
  }
  return types.join('|');
}

/** Text already assembled from fragments by `fill` (nested sub-queries, field lists). */
export class Text {
  constructor(readonly text: string) {}
}

const PROPERTIES = new Set(['id', 'kind', ...Object.values(SUMMARY_PROPERTIES).flat()]);

/** The other end's property values, in order (`b.id, b.kind, <the name to show>`): summary properties only (src/api/selection.ts). */
export function propertyList(props: readonly string[]): Text {
  for (const p of props) {
    if (!PROPERTIES.has(p) || !/^[a-zA-Z]+$/.test(p)) throw new Error(`compiler: ${p} is not a summary property of an entity`);
  }
  // `name` is the name to show, one value for toEntity's fallbacks (cypher/compiled-node-name.cypher).
  return new Text(props.map((p) => (p === 'name' ? fill('compiled-node-name', {}).text : `b.${p}`)).join(', '));
}

export type Fill = Record<string, Text | string>;

/**
 * cypher/<name>.cypher with its placeholders filled. Plain strings must be generated names or
 * model type unions (checked by the callers through `generated`/`typeUnion`); `Text` values are
 * fragments filled earlier. An unknown or missing placeholder is an error.
 */
export function fill(name: string, values: Fill): Text {
  const used = new Set<string>();
  const source = fragment(name);
  const text = source.replace(/__([a-z]+)__/g, (_m, key: string, at: number) => {
    const v = values[key];
    if (v === undefined) throw new Error(`compiler: cypher/${name}.cypher needs a value for __${key}__`);
    used.add(key);
    if (v instanceof Text) {
      // A multi-line fragment takes the indentation of the line it is placed on.
      const indent = /^[ \t]*/.exec(source.slice(source.lastIndexOf('\n', at - 1) + 1))![0];
      return v.text.replace(/\n/g, `\n${indent}`);
    }
    if (!GENERATED.test(v) && !/^[A-Z][A-Z0-9_]*(\|[A-Z][A-Z0-9_]*)*$/.test(v)) throw new Error(`compiler: "${v}" may not fill __${key}__`);
    return v;
  });
  const unused = Object.keys(values).filter((k) => !used.has(k));
  if (unused.length) throw new Error(`compiler: cypher/${name}.cypher has no placeholder ${unused.map((k) => `__${k}__`).join(', ')}`);
  // An empty fragment (no nested fields) leaves no blank line.
  return new Text(text.split('\n').filter((l) => l.trim() !== '').join('\n'));
}

/** Several fragments one after the other (each on its own lines), or joined by `sep`. */
export function join(parts: Text[], sep = '\n'): Text {
  return new Text(parts.map((p) => p.text).join(sep));
}
