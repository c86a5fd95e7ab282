// An entity of a compiled read as a whole node: the entities of $ids (cypher/compiled-entity.cypher)
// and the other end of a compiled relation whose selection asks for more than the summary. It
// primes the entity DataLoader, so it carries every property a field can read, as
// cypher/api-entities-by-id.cypher projects it; the graph's own bookkeeping, which no field reads,
// is projected as null, so it is not sent: searchKey, sortName and namedBy (search keys, paging
// key, provenance), and the ranked lists and their stale mark (src/graph/rank.ts
// RANK_PROPERTIES, RANK_STALE: a hub's hold ~1,100 values, ~21 KB, which the driver decoded and
// toEntity copied on every read of the hub; tests/unit/api/compile-statement.test.ts checks the
// list against rank.ts).
b {.*, searchKey: null, sortName: null, namedBy: null, rankCount: null, rankConf: null, rankName: null, rankOther: null, rankType: null, rankOut: null, rankRel: null, rankNb: null, rankNbScore: null, rankNbBound: null, rankNbBoundId: null, rankStale: null, _labels: labels(b)}
