// The evidence of a compiled relation row when the selection asks `evidence(first: 1)`: entry 0
// of the canonical order, from evBest ([sentence, document, paragraph], written with the lists:
// cypher/ingest-relations.cypher), its confidence the fact's best (r.confidence), which the row
// carries already: the entry has 3 values, and src/api/compile/prefetch.ts toRelationValue gives
// it the row's confidence (420 values fewer to decode from the hub). No evidence list and no
// Paragraph is read. Below $__p__minConfidence: no entry, as the lists would give.
[x IN [r.evBest] WHERE r.confidence >= $__p__minConfidence | [x[0], x[1], x[2]]]
