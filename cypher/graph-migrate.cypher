// Brings data written by earlier versions up to date, at every start after the schema
// (idempotent; a label scan when there is nothing to do): the listing key `sortName`.
MATCH (e:Entity) WHERE e.sortName IS NULL
SET e.sortName = toLower(coalesce(e.name, e.nameAr, e.nameEn, e.id))
