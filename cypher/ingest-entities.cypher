// Entities, merged by id across documents. Order-independent, so that the graph equals a fresh
// ingest whatever the order of ingests, replacements and removals: the contributing document with
// the smallest id (`namedBy`; '' for an ingested document, which names itself) gives the names,
// category and kind properties (absent ones arrive as null and are removed); aliases and search
// keys are unioned and kept sorted. The kind labels come from rows the loader validated against
// model/kinds.json. A batch sends one row per entity (src/graph/rows.ts mergeEntityRows).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, (n.namedBy IS NULL OR row.documentId < n.namedBy) AS names, coalesce(n.name, n.id) AS before
SET n:$(row.kinds),
    n.kind = coalesce(n.kind, row.kind),
    n.namedBy = CASE WHEN names THEN row.documentId ELSE n.namedBy END,
    n.name = CASE WHEN names THEN row.name ELSE n.name END,
    n.nameAr = CASE WHEN names THEN row.nameAr ELSE n.nameAr END,
    n.nameEn = CASE WHEN names THEN row.nameEn ELSE n.nameEn END,
    n.acronym = CASE WHEN names THEN row.acronym ELSE n.acronym END,
    n.category = CASE WHEN names THEN row.category ELSE n.category END,
    n.aliases = COLLECT { UNWIND coalesce(n.aliases, []) + row.aliases AS a WITH DISTINCT a RETURN a ORDER BY a },
    n.searchKey = reduce(s = '', k IN COLLECT {
        UNWIND CASE WHEN coalesce(n.searchKey, '') = '' THEN [] ELSE split(n.searchKey, ' | ') END + row.keys AS k
        WITH DISTINCT k RETURN k ORDER BY k
      } | CASE WHEN s = '' THEN k ELSE s + ' | ' + k END)
SET n += CASE WHEN names THEN row.props ELSE {} END
// The key of the default listing by name (cypher/api-entities-by-name.cypher, indexed).
SET n.sortName = toLower(coalesce(n.name, n.nameAr, n.nameEn, n.id))
// Ranked pages (src/graph/rank.ts) are settled after the commit, not here: a ranked entity the
// batch names (every end of a relationship it writes is named), or one with a neighbour ranking
// only, is only marked stale, and reads scan it until then; so is a ranked neighbour whose page
// orders by this entity's name when that name changes (rare: a new smaller document id mostly
// brings the same name).
WITH n, before
CALL (n) {
  WITH n WHERE (n.rankCount IS NOT NULL OR n.rankNb IS NOT NULL) AND n.rankStale IS NULL
  SET n.rankStale = true
}
CALL (n, before) {
  WITH n WHERE before <> coalesce(n.name, n.id)
  MATCH (n)-[:{{RELATION_TYPES}}]-(a:Entity)
  WHERE a.rankCount IS NOT NULL AND a.rankStale IS NULL
  SET a.rankStale = true
}
