// The default listing: all entities by name, no filter. Pages are read in the order of the
// Entity(sortName) index (sortName = the NAME key of api-entities-page, kept by the ingest
// statements) and the total comes from the count store, so a page costs the page, not the
// graph. Rows and cursors are those of api-entities-page with order NAME.
// Each entity whole, without the graph's bookkeeping (cypher/fragment-entity-whole.cypher).
CALL () { MATCH (e:Entity) RETURN count(e) AS total }
CALL () {
  MATCH (e:Entity)
  WHERE e.sortName >= $afterKey
    AND ($afterId IS NULL OR e.sortName > $afterKey OR e.id > $afterId)
  WITH e ORDER BY e.sortName, e.id LIMIT $limit
  RETURN collect({e: {{ENTITY_WHOLE(e)}}, nk: 0, sk: e.sortName}) AS page
}
RETURN total, page
