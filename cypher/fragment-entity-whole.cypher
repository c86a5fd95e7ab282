// An entity sent whole to the API (inlined as {{ENTITY_WHOLE(n)}}, __n__ the entity's variable):
// every property a GraphQL field can read, with its labels (`_labels`: src/api/values.ts toEntity
// reads the kind from them). The graph's own bookkeeping, which no field reads, is projected as
// null, so it is not sent: searchKey, sortName and namedBy (search keys, paging key, provenance;
// searchKey alone is about half the bytes of an entity), and the ranked lists and their stale mark
// (src/graph/rank.ts RANK_PROPERTIES, RANK_STALE: a hub's hold ~1,100 values, ~21 KB, which the
// driver decoded and toEntity copied on every read of the hub). A key projected as null is still
// sent, so an entity without ranked lists (nearly all: they start above J typed relations) takes
// the short projection: the thirteen more null keys on each of a page's 20 rows cost ~25% of the
// entities page's throughput at 50 connections (bench/findings.md, "Issue 11, eighth session").
// One projection for every reader: entities by id, pages, search hits and the compiled reads'
// whole nodes (tests/unit/api/entity-whole.test.ts checks the lists against rank.ts, the schema
// and the readers).
CASE WHEN __n__.rankNb IS NULL AND __n__.rankCount IS NULL AND __n__.rankStale IS NULL
     THEN __n__ {.*, searchKey: null, sortName: null, namedBy: null, _labels: labels(__n__)}
     ELSE __n__ {.*, searchKey: null, sortName: null, namedBy: null, rankCount: null, rankConf: null, rankName: null, rankOther: null, rankType: null, rankOut: null, rankRel: null, rankNb: null, rankNbScore: null, rankNbBound: null, rankNbBoundId: null, rankStale: null, _labels: labels(__n__)} END
