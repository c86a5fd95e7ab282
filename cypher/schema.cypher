// Graph schema, applied idempotently at start by src/graph/schema.ts (applySchema).
// One unique `id` constraint per kind label of model/kinds.json (tests/unit/graph/schema.test.ts
// fails when a kind is missing here), plus one on Entity: the loader MERGEs on (:Entity {id}).

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT instrument_id IF NOT EXISTS FOR (n:Instrument) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT rapporteur_id IF NOT EXISTS FOR (n:Rapporteur) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT programme_id IF NOT EXISTS FOR (n:Programme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;

// Paragraphs of ingested documents (id = "<document id>#<ordinal>") and what each document
// contributed (id = the document id).
CREATE CONSTRAINT paragraph_id IF NOT EXISTS FOR (p:Paragraph) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT contribution_id IF NOT EXISTS FOR (c:Contribution) REQUIRE c.id IS UNIQUE;
// Writers of one document identity queue on these short-lived lock nodes (cypher/ingest-lock.cypher).
CREATE CONSTRAINT write_lock_key IF NOT EXISTS FOR (l:WriteLock) REQUIRE l.key IS UNIQUE;
// The one node saying which graph format the start-up migrations brought the store to (graph-format.cypher).
CREATE CONSTRAINT graph_format_key IF NOT EXISTS FOR (g:GraphFormat) REQUIRE g.key IS UNIQUE;

// Idempotent ingestion looks a document up by content hash and by file name.
CREATE INDEX document_sha256 IF NOT EXISTS FOR (d:Document) ON (d.sha256);
CREATE INDEX document_file IF NOT EXISTS FOR (d:Document) ON (d.file);
// Filters and orderings of the API.
CREATE INDEX document_date IF NOT EXISTS FOR (d:Document) ON (d.date);
CREATE INDEX meeting_start_date IF NOT EXISTS FOR (m:Meeting) ON (m.startDate);
CREATE INDEX entity_category IF NOT EXISTS FOR (n:Entity) ON (n.category);
// The default listing by name reads pages in this index's order (api-entities-by-name).
CREATE INDEX entity_sort_name IF NOT EXISTS FOR (n:Entity) ON (n.sortName);
// Ranked pages marked stale by ingestion, settled after its commit (cypher/rank-stale.cypher).
CREATE INDEX entity_rank_stale IF NOT EXISTS FOR (n:Entity) ON (n.rankStale);

// Name search in Arabic and English. `searchKey` holds our own normalised forms (the extractor's
// normaliser: the API normalises queries the same way); the raw names are indexed too. The
// standard tokenizer splits Arabic and Latin script on word boundaries alike, and keeping stop
// words matters for names ("in", "of", "في" are part of them). Not eventually consistent, so a
// name is searchable as soon as its document's transaction commits.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.searchKey, n.name, n.nameAr, n.nameEn, n.acronym, n.aliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
