/**
 * graphql-js per-field overhead that our server skips. For every field of every item, graphql-js's
 * executeField calls getArgumentValues, which allocates two dictionary-mode objects
 * (Object.create(null)) even for a field that takes no argument: on a neighbourhood of 100 nodes
 * and their edges (~1,500 leaf fields) that was ~8% of the server's CPU per request
 * (bench/findings.md, "node helper"). A field whose definition has no argument always gets an
 * empty arguments object (validation refuses an argument the field does not define), so here it
 * gets one shared, frozen, empty object instead; every other field goes to graphql-js unchanged.
 *
 * graphql-js's executor reads getArgumentValues from its values module's exports at each call, so
 * replacing that export is enough. Installed by createApp (src/api/server.ts), not on import, so a
 * process that only loads this module (the benchmark's @neo4j/graphql server) keeps graphql-js as is.
 */
import type { GraphQLField } from 'graphql';
import * as values from 'graphql/execution/values';

type GetArgumentValues = typeof values.getArgumentValues;

/** What a field without arguments receives: graphql-js's empty dictionary, shared and frozen. */
export const NO_ARGUMENTS: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null));

const original: GetArgumentValues = values.getArgumentValues;

/** getArgumentValues with the shortcut for fields that define no argument. */
export const argumentValues: GetArgumentValues = (def, node, variableValues) =>
  (def as GraphQLField<unknown, unknown>).args?.length === 0 ? NO_ARGUMENTS : original(def, node, variableValues);

/** Installs the shortcut in graphql-js's executor (idempotent). */
export function installArgumentShortcut(): void {
  (values as { getArgumentValues: GetArgumentValues }).getArgumentValues = argumentValues;
}
