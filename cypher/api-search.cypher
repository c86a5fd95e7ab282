// Name search over the full-text index of cypher/schema.cypher (entity_names). $lucene is built
// by src/api/services/search.ts from the normalised query; an exact name/acronym match ranks first.
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $candidates}) YIELD node, score
WHERE $kinds IS NULL OR any(k IN $kinds WHERE k IN labels(node))
WITH node, score
     + CASE WHEN $key IN split(coalesce(node.searchKey, ''), ' | ') THEN 10.0 ELSE 0.0 END
     + CASE WHEN toLower(coalesce(node.acronym, '')) = $lower THEN 10.0 ELSE 0.0 END AS score
RETURN node {.*, _labels: labels(node)} AS e, score
ORDER BY score DESC, node.id
LIMIT $first
