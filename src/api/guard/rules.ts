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
  getNullableType,
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

/**
 * Cost of a field: 1 plus its subtree times how many times the subtree is expected to run: the
 * `first`/`limit` argument when there is one, `listFactor` for other lists, else once.
 */
export function costEstimator(listFactor: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const size = typeof args.first === 'number' ? args.first : typeof args.limit === 'number' ? args.limit : undefined;
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

  const estimators = [costEstimator(cfg.listFactor)];
  const costPlugin: ApolloServerPlugin<T> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          const cost = getComplexity({ schema, query: document, variables: request.variables ?? {}, operationName: operationName ?? undefined, estimators });
          if (cost > cfg.maxCost) {
            throw guardError(
              `the query is too expensive: estimated cost ${cost} > ${cfg.maxCost} (KG_MAX_COST); lists count their page size (first/limit), other lists ${cfg.listFactor}x. Ask for smaller pages or fewer nested lists.`,
              CODES.tooComplex,
            );
          }
        },
      };
    },
  };
  return { validationRules, plugins: [...(protection.plugins as ApolloServerPlugin<T>[]), costPlugin], parseOptions: { maxTokens: cfg.maxTokens } };
}
