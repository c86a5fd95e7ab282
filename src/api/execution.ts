/**
 * graphql-js per-field overhead that our server skips. For every field of every item, graphql-js's
 * executeField calls getArgumentValues, which allocates two dictionary-mode objects
 * (Object.create(null)) even for a field that takes no argument: on a neighbourhood of 100 nodes
 * and their edges (~1,500 leaf fields) that was ~8% of the server's CPU per request
 * (bench/findings.md, "node helper"). A field whose definition has no argument always gets an
 * empty arguments object (validation refuses an argument the field does not define), so here it
 * gets one shared, frozen, empty object instead. A field with arguments gets graphql-js's value,
 * computed once per field node and request (a relation's `evidence(first: 1)` is the same for all
 * 420 relations of a two-level read) and deep-frozen, since every item then shares it.
 *
 * Other users of the export (graphql-query-complexity's estimate) get the same values. graphql-js's
 * executor reads getArgumentValues from its values module's exports at each call,
 * so replacing that export is enough. Installed by createApp (src/api/server.ts), not on import, so a
 * process that only loads this module (the benchmark's @neo4j/graphql server) keeps graphql-js as is.
 */
import type { GraphQLField } from 'graphql';
import * as values from 'graphql/execution/values';

type GetArgumentValues = typeof values.getArgumentValues;

/** What a field without arguments receives: graphql-js's empty dictionary, shared and frozen. */
export const NO_ARGUMENTS: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null));

const original: GetArgumentValues = values.getArgumentValues;

/** Deep-frozen: one value is handed to every item of a list, so none may change it for the others. */
function frozen<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) frozen(x);
  }
  return v;
}

/** Per field node and definition: the arguments last computed, for which request's variables. */
const known = new WeakMap<object, Map<object, { variables: unknown; value: Record<string, unknown> }>>();

/**
 * getArgumentValues with the shortcut for fields that define no argument, and, for the others, the
 * value computed for the same field node, definition and variables (the same request: graphql-js
 * coerces the variables once per request), which is the same value every time.
 */
export const argumentValues: GetArgumentValues = (def, node, variableValues) => {
  if ((def as GraphQLField<unknown, unknown>).args?.length === 0) return NO_ARGUMENTS;
  let byDef = known.get(node);
  const hit = byDef?.get(def);
  if (hit && hit.variables === variableValues) return hit.value;
  const value = frozen(original(def, node, variableValues));
  if (!byDef) known.set(node, (byDef = new Map()));
  byDef.set(def, { variables: variableValues, value });
  return value;
};

/** Installs the shortcut in graphql-js's executor (idempotent). */
export function installArgumentShortcut(): void {
  (values as { getArgumentValues: GetArgumentValues }).getArgumentValues = argumentValues;
}
