// Brings data written by earlier versions up to date, at start after the schema until the graph-format marker says done
// (idempotent; a label scan when there is nothing to do): the listing key `sortName`.
MATCH (e:Entity) WHERE e.sortName IS NULL
SET e.sortName = toLower(coalesce(e.name, e.nameAr, e.nameEn, e.id))
