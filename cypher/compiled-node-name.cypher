// The `name` item of a compiled relation row's other end (cypher/compiled-node-summary.cypher):
// the name to show (cypher/fragment-node-name.cypher, the rule of src/api/values.ts toEntity), so
// the row carries one value where it carried three (the driver decodes and Neo4j reads 2 fewer
// per relation). nameAr and nameEn come as items of their own only when selected.
{{NODE_NAME(b)}}
