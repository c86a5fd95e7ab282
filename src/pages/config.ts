/**
 * What the server tells a page (embedded as JSON in the HTML, read by the bundles in browser/).
 * Kept type-only on the browser side so the bundles do not pull server code.
 */
export interface ExampleQuery {
  /** Tab title shown to the user. */
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface KindInfo {
  name: string;
  description: string;
  /** Labels from model/kinds.json (the code when the model has none). */
  labelAr: string;
  labelEn: string;
  categories: Record<string, { ar: string; en: string }>;
}

export interface RelationInfo {
  type: string;
  labelAr: string;
  labelEn: string;
  symmetric: boolean;
}

export interface PageConfig {
  /** Where GraphQL answers, relative to the site root (e.g. `/graphql`). */
  graphqlPath: string;
  /** Where subgraphs are exported as GraphML/GEXF. */
  exportPath: string;
  /** Entity kinds in model order (the explorer colours and legend follow it). */
  kinds: KindInfo[];
  /** Relation types in model order, with their labels (model/relations.json). */
  relations: RelationInfo[];
  /** Queries preloaded as playground tabs. */
  examples: ExampleQuery[];
}
