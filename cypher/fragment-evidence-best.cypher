// An expression, not a statement: the best entry evBest of typed relationship __r__ as its evidence
// lists give it, [sentence, document, paragraph] of entry 0 (what `evidence(first: 1)` reads),
// written into its writers and checkers by the fragment EVIDENCE_BEST(r) (src/graph/cypher.ts):
// removal, repair, the start-up migration and kg verify follow one rule. Ingestion sets it from
// its rows' sentences instead (cypher/ingest-relations.cypher), reading no paragraph.
[coalesce({{EVIDENCE_TEXT(__r__, 0)}}, ''), __r__.evDocument[0], __r__.evParagraph[0]]
