// Name search over the full-text index of cypher/schema.cypher (entity_names). $lucene is built
// by src/api/services/search.ts from the normalised query. Ranked in tiers, then by how many
// documents name the entity (MENTIONS come only from documents: a degree count, no expansion), then by the text score:
//   3 an exact name, variant or acronym; 2 a name starting with the text; 1 a name containing it; 0 the rest.
// `score` = tier * 1000 + 100 * ln(1 + documents) + text score / (1 + text score): one number that
// orders the hits as described (documents stay below 1000 up to 20,000 of them).
// A hit is sent whole without the graph's bookkeeping (cypher/fragment-entity-whole.cypher), or,
// with `$summary` (the selection asks only summary fields, as
// cypher/compiled-node-summary.cypher projects them): only those properties are read and sent.
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $candidates}) YIELD node, score
WHERE $kinds IS NULL OR any(k IN $kinds WHERE k IN labels(node))
WITH node, score, split(coalesce(node.searchKey, ''), ' | ') AS keys
WITH node, score,
     CASE
       WHEN $key IN keys OR toLower(coalesce(node.acronym, '')) = $lower THEN 3
       WHEN any(k IN keys WHERE k STARTS WITH $key) THEN 2
       WHEN any(k IN keys WHERE k CONTAINS $key) THEN 1
       ELSE 0
     END AS tier,
     COUNT { ()-[:MENTIONS]->(node) } AS documents
WITH node, tier * 1000 + 100 * log(1 + documents) + score / (1 + score) AS score
RETURN CASE WHEN $summary THEN node {.id, .kind, .name, .nameAr, .nameEn, .acronym, .category, .mentionCount, _labels: labels(node)}
            ELSE {{ENTITY_WHOLE(node)}} END AS e, score
ORDER BY score DESC, node.id
LIMIT $first
