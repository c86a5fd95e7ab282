/**
 * Page sizes of the list fields nested under entities: every list has a default and a maximum,
 * and the default is what the cost analysis counts when a query leaves `first` out
 * (src/api/guard/rules.ts reads the argument's default from the schema).
 */
import { badUserInput } from '../guard/errors';

export interface PageRule {
  /** Items when `first` is absent or null. */
  dflt: number;
  /** Largest `first` accepted. */
  max: number;
}

export const PAGES = {
  relations: { dflt: 100, max: 1000 },
  /** Evidence entries of one relation (`Relation.evidence(first:)`), best first. */
  evidence: { dflt: 3, max: 100 },
  mentions: { dflt: 100, max: 1000 },
  paragraphs: { dflt: 200, max: 1000 },
  documentEntities: { dflt: 100, max: 1000 },
  /** Edges of a neighbourhood subgraph (`edgeLimit`). */
  edges: { dflt: 1000, max: 5000 },
} as const satisfies Record<string, PageRule>;

/** The argument's description: what it orders by, its default and maximum. */
export function pageDoc(what: string, rule: PageRule): string {
  return `At most this many ${what} (0 to ${rule.max}; default ${rule.dflt}).`;
}

/** `first` as given (checked) or the default. */
export function pageSize(name: string, value: number | null | undefined, rule: PageRule, min = 0): number {
  if (value === null || value === undefined) return rule.dflt;
  if (!Number.isInteger(value) || value < min || value > rule.max) {
    throw badUserInput(`${name} must be a whole number from ${min} to ${rule.max}, got ${value}`);
  }
  return value;
}
