// One page of an entities connection plus the total, in one round trip.
// Order: (nk, sk, id) with id unique, so keyset pagination (`$after`) never repeats or skips.
// Dates compare on their common precision ("2016" matches from "2016-05-01").
// The total is counted as rows stream by and the page is a top-$limit sort after the cursor:
// nothing holds every matching entity at once, so a large graph cannot exhaust the
// transaction memory (the filter is evaluated twice instead).
// Each entity whole, without the graph's bookkeeping (cypher/fragment-entity-whole.cypher).
CALL () {
  MATCH (e:Entity)
  WHERE ($kind IS NULL OR $kind IN labels(e))
    AND ($category IS NULL OR e.category = $category)
    AND (NOT $ingestedOnly OR e.sha256 IS NOT NULL)
    AND ($mentionedIn IS NULL OR EXISTS { MATCH (:Document {id: $mentionedIn})-[:MENTIONS]->(e) })
    AND ($name IS NULL
         OR any(s IN [e.searchKey, toLower(e.name), toLower(e.nameEn), toLower(e.acronym)] + [a IN coalesce(e.aliases, []) | toLower(a)]
                WHERE s CONTAINS $name OR s CONTAINS $nameLower))
  WITH e, coalesce(e.startDate, e.date) AS date
  WHERE ($from IS NULL OR (date IS NOT NULL AND left(date, size($from)) >= left($from, size(date))))
    AND ($to IS NULL OR (date IS NOT NULL AND left(date, size($to)) <= left($to, size(date))))
  RETURN count(e) AS total
}
CALL () {
  MATCH (e:Entity)
  WHERE ($kind IS NULL OR $kind IN labels(e))
    AND ($category IS NULL OR e.category = $category)
    AND (NOT $ingestedOnly OR e.sha256 IS NOT NULL)
    AND ($mentionedIn IS NULL OR EXISTS { MATCH (:Document {id: $mentionedIn})-[:MENTIONS]->(e) })
    AND ($name IS NULL
         OR any(s IN [e.searchKey, toLower(e.name), toLower(e.nameEn), toLower(e.acronym)] + [a IN coalesce(e.aliases, []) | toLower(a)]
                WHERE s CONTAINS $name OR s CONTAINS $nameLower))
  WITH e, coalesce(e.startDate, e.date) AS date
  WHERE ($from IS NULL OR (date IS NOT NULL AND left(date, size($from)) >= left($from, size(date))))
    AND ($to IS NULL OR (date IS NOT NULL AND left(date, size($to)) <= left($to, size(date))))
  WITH e, date,
       CASE $order
         WHEN 'DATE' THEN CASE WHEN date IS NULL THEN 1 ELSE 0 END
         WHEN 'MENTIONS' THEN -coalesce(e.mentionCount, reduce(n = 0, c IN [(:Document)-[m:MENTIONS]->(e) | coalesce(m.count, size(m.starts), 1)] | n + c))
         ELSE 0
       END AS nk,
       CASE $order
         WHEN 'NAME' THEN toLower(coalesce(e.name, e.nameAr, e.nameEn, e.id))
         WHEN 'DATE' THEN coalesce(date, '')
         ELSE ''
       END AS sk
  WHERE $after IS NULL
     OR nk > $after.nk
     OR (nk = $after.nk AND (sk > $after.sk OR (sk = $after.sk AND e.id > $after.id)))
  WITH e, nk, sk ORDER BY nk, sk, e.id LIMIT $limit
  RETURN collect({e: {{ENTITY_WHOLE(e)}}, nk: nk, sk: sk}) AS page
}
RETURN total, page
