// The name an entity shows (inlined as {{NODE_NAME(n)}}, __n__ the entity's variable), as
// src/api/values.ts toEntity picks it: name, else nameAr, else nameEn, an empty or missing one
// skipped (toEntity then falls back to the id and tidies the spaces). One value where a summary
// carried three: the compiled reads' other ends (cypher/compiled-node-name.cypher) and the
// neighbourhood's reached nodes (cypher/api-neighbourhood.cypher) send only this.
CASE WHEN __n__.name <> '' THEN __n__.name WHEN __n__.nameAr <> '' THEN __n__.nameAr ELSE __n__.nameEn END
