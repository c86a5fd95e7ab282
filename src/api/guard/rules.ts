/**
 * Query limits checked before any resolver runs (so before Neo4j sees anything):
 * depth, aliases and directives as validation rules (graphql-armor), tokens while parsing
 * (graphql-js maxTokens), estimated cost once the operation and its variables are known
 * (graphql-query-complexity), and introspection when switched off.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  ASTVisitor,
  DocumentNode,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLField,
  GraphQLSchema,
  GraphQLError,
  isListType,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import type { GuardConfig } from './config';
import { CODES, guardError } from './errors';

type Reporter = (ctx: ValidationContext | null, error: GraphQLError) => void;

/** Reports armor's refusal under our code and with the env variable that raises the limit. */
function reportAs(code: string, hint: string): Reporter {
  return (ctx, error) => {
    const detail = error.message.replace(/^Syntax Error: /, '');
    ctx?.reportError(guardError(`${detail} ${hint}`, code));
  };
}

/** Types whose list fields are already sized by the parent's `first`/`limit` argument. */
const SIZED_BY_PARENT = /Connection$|^Subgraph$/;

/** The value of a size argument: as given, else the argument's default (a null means the default too). */
function sizeArg(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, name: string): number | undefined {
  const given = args[name];
  if (typeof given === 'number') return given;
  const dflt = field.args.find((a) => a.name === name)?.defaultValue;
  return typeof dflt === 'number' ? dflt : undefined;
}

/**
 * How many times a field's subtree may run, from its arguments (given or default):
 * - `first` or `limit`: a page of that many;
 * - `edgeLimit` beside `limit` (neighbourhood): nodes and edges are two lists, the larger counts;
 * - `maxLength` beside `limit` (path): up to `limit` paths of `maxLength + 1` nodes;
 * - a `listSize` field extension: a list bounded by the model (counts per kind...);
 * - other lists: `listFactor` (only introspection and lists of scalars remain without a size:
 *   tests/unit/guard/limits.test.ts checks that every object list of the API has one).
 */
export function pageSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | undefined {
  const first = sizeArg(field, args, 'first');
  if (first !== undefined) return first;
  const limit = sizeArg(field, args, 'limit');
  if (limit !== undefined) {
    const edges = sizeArg(field, args, 'edgeLimit');
    const length = sizeArg(field, args, 'maxLength');
    if (edges !== undefined) return Math.max(limit, edges);
    if (length !== undefined) return limit * (length + 1);
    return limit;
  }
  const fixed = (field.extensions as { listSize?: unknown } | undefined)?.listSize;
  return typeof fixed === 'number' ? fixed : undefined;
}

/**
 * Cost of a field: 1 plus its subtree times how many times the subtree is expected to run
 * (pageSize), `listFactor` for a list without a size, else once.
 */
export function costEstimator(listFactor: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const size = pageSize(field, args);
    let times = 1;
    if (size !== undefined) times = Math.max(1, size);
    else if (isListType(getNullableType(field.type)) && !SIZED_BY_PARENT.test(type.name)) times = listFactor;
    return 1 + times * childComplexity;
  };
}

/** Refuses `__schema` and `__type` (not `__typename`, which clients need for fragments). */
export function noIntrospectionRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      const name = node.name.value;
      if (name === '__schema' || name === '__type') {
        context.reportError(
          guardError(`introspection is disabled on this server (KG_INTROSPECTION=off): "${name}" cannot be queried; use the published schema (schema/schema.graphql)`, CODES.introspectionDisabled),
        );
      }
    },
  };
}

export interface QueryGuard<T extends BaseContext> {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<T>[];
  /** graphql-js parse options for ApolloServer's `parseOptions`. */
  parseOptions: { maxTokens: number };
}

export function queryGuard<T extends BaseContext>(cfg: GuardConfig): QueryGuard<T> {
  const armor = new ApolloArmor({
    // Cost is estimated below with the variables known; tokens by graphql-js's parser.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // Field suggestions ("Did you mean ...") leak the schema when introspection is off.
    blockFieldSuggestion: { enabled: !cfg.introspection },
    maxDepth: {
      n: cfg.maxDepth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reportAs(CODES.tooDeep, 'Ask for less nesting (KG_MAX_DEPTH), e.g. follow relations in a second query.')],
    },
    maxAliases: {
      n: cfg.maxAliases,
      propagateOnRejection: false,
      onReject: [reportAs(CODES.tooManyAliases, 'Use fewer aliases (KG_MAX_ALIASES): ask for lists (entities, search) instead of many single lookups.')],
    },
    maxDirectives: {
      n: cfg.maxDirectives,
      propagateOnRejection: false,
      onReject: [reportAs(CODES.tooManyDirectives, 'Use fewer directives (KG_MAX_DIRECTIVES).')],
    },
  });
  const protection = armor.protect();
  const validationRules: ValidationRule[] = [...protection.validationRules];
  if (!cfg.introspection) validationRules.push(noIntrospectionRule);

  const costs = new CostCache();
  const costPlugin: ApolloServerPlugin<T> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          costs.check(cfg, schema, document, request.variables ?? {}, operationName ?? undefined);
        },
      };
    },
  };
  return { validationRules, plugins: [...(protection.plugins as ApolloServerPlugin<T>[]), costPlugin], parseOptions: { maxTokens: cfg.maxTokens } };
}

/** Variables longer than this (as JSON) are costed afresh each time rather than kept as a cache key. */
const MAX_COST_KEY = 2000;
/** Distinct variable sets kept per query document (then that document's entries start over). */
const MAX_COSTS_PER_DOCUMENT = 256;

/**
 * checkCost's answers per query document and variables: the estimate walks the whole selection
 * with the schema's types (a few hundred microseconds per request for a 2-level query), and the
 * same document with the same variables always costs the same. Apollo hands the same parsed
 * DocumentNode for the same query text, so the cache is keyed by that object (a WeakMap: a
 * document Apollo drops is dropped here) and the variables as JSON. Refusals are not kept: each
 * refused request is estimated again and refused with the same error.
 */
export class CostCache {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number>>();

  check(cfg: GuardConfig, schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): number {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
    if (key.length > MAX_COST_KEY) return checkCost(cfg, schema, document, variables, operationName);
    let known = this.byDocument.get(document);
    const cost = known?.get(key);
    if (cost !== undefined) return cost;
    const fresh = checkCost(cfg, schema, document, variables, operationName);
    if (!known) this.byDocument.set(document, (known = new Map()));
    else if (known.size >= MAX_COSTS_PER_DOCUMENT) known.clear();
    known.set(key, fresh);
    return fresh;
  }
}

/**
 * Refuses an operation whose estimated cost is over the limit. Variables are coerced first, so a
 * variable of the wrong type is a 400 BAD_USER_INPUT (not a server error), and a fragment fan-out
 * too large to even estimate is refused as too complex.
 */
export function checkCost(cfg: GuardConfig, schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): number {
  const operation = getOperationAST(document, operationName);
  const coerced = operation ? getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 5 }) : { coerced: {} };
  if ('errors' in coerced && coerced.errors) {
    throw guardError(coerced.errors.map((e) => e.message).join('; '), CODES.badUserInput);
  }
  let cost: number;
  try {
    cost = getComplexity({ schema, query: document, variables, operationName, estimators: [costEstimator(cfg.listFactor)] });
  } catch (err) {
    // graphql-query-complexity gives up on fragments spread into millions of fields.
    throw guardError(
      `the query is too expensive to even estimate (${err instanceof Error ? err.message : 'fragment fan-out'}) (KG_MAX_COST); do not spread fragments into fragments many times over`,
      CODES.tooComplex,
    );
  }
  if (cost > cfg.maxCost) {
    throw guardError(
      `the query is too expensive: estimated cost ${cost} > ${cfg.maxCost} (KG_MAX_COST); each list counts its page size (first/limit, or its default when absent). Ask for smaller pages or fewer nested lists.`,
      CODES.tooComplex,
    );
  }
  return cost;
}
