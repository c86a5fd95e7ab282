// The `name` item of a compiled relation row's other end (cypher/compiled-node-summary.cypher):
// the name to show, as src/api/values.ts toEntity picks it (name, else nameAr, else nameEn; an
// empty or missing one is skipped; toEntity then falls back to the id and tidies the spaces), so
// the row carries one value where it carried three (the driver decodes and Neo4j reads 2 fewer
// per relation). nameAr and nameEn come as items of their own only when selected.
CASE WHEN b.name <> '' THEN b.name WHEN b.nameAr <> '' THEN b.nameAr ELSE b.nameEn END
