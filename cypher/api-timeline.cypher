// Dated entities (kinds with a date property, from the model) between two dates, oldest first.
// Dates compare on their common precision, as in api-entities-page.
MATCH (e:Entity)
WHERE any(k IN $kinds WHERE k IN labels(e))
WITH e, coalesce(e.startDate, e.date) AS date
WHERE date IS NOT NULL
  AND ($from IS NULL OR left(date, size($from)) >= left($from, size(date)))
  AND ($to IS NULL OR left(date, size($to)) <= left($to, size(date)))
RETURN date, e {.*, _labels: labels(e)} AS e
ORDER BY date, e.id
LIMIT $limit
