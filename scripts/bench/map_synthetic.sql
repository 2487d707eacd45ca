-- A synthetic store for scripts/bench/map: :docs documents (two paragraphs
-- each), :concepts concepts in 20 topics, ~10 mentions per document drawn
-- mostly from the document's topic with a skew toward a few frequent
-- concepts. Deterministic (hashes, no random()). The placeholders DOCS and
-- CONCEPTS are replaced by the script.
-- The FTS5 index needs dipmine's tokenizer, which the sqlite3 shell lacks;
-- the map never searches text, so this throwaway store goes without it.
DROP TRIGGER IF EXISTS paragraphs_fts_insert;
BEGIN;
WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i + 1 < CONCEPTS)
INSERT INTO concepts(id, kind, dimension, label_en, label_fa, label_ja)
SELECT printf('c%05d', i), CASE WHEN i % 5 = 0 THEN 'network' ELSE 'indicator' END,
       'topic' || (i % 20), 'concept ' || i || ' topic ' || (i % 20), 'مفهوم ' || i, '概念' || i
FROM c;
WITH RECURSIVE d(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM d WHERE i < DOCS)
INSERT INTO documents(id, path, name, sha256, title, year, lang, format, charset, bytes)
SELECT i, 'synthetic/' || i, 'doc' || i, printf('%064d', i), 'Synthetic document ' || i,
       2000 + ((i % 20) + (i % 7)), CASE i % 3 WHEN 0 THEN 'fa' WHEN 1 THEN 'en' ELSE 'ja' END,
       'text', 'utf-8', 1000
FROM d;
INSERT INTO paragraphs(id, doc_id, ordinal, lang, text)
SELECT id * 2 + k, id, k, lang, '' FROM documents, (SELECT 0 AS k UNION ALL SELECT 1);
WITH RECURSIVE m(doc, k) AS (
  SELECT 1, 0
  UNION ALL
  SELECT CASE WHEN k = 9 THEN doc + 1 ELSE doc END, CASE WHEN k = 9 THEN 0 ELSE k + 1 END
  FROM m WHERE doc < DOCS OR k < 9),
h(doc, k, v) AS (SELECT doc, k, (doc * 7919 + k * 104729 + doc * k * 31) % 1000003 FROM m)
INSERT INTO mentions(doc_id, paragraph_id, sentence, concept_id, start, end, form)
SELECT doc, doc * 2 + (k % 2), k % 3,
       printf('c%05d', (((doc % 20) + CASE WHEN v % 5 = 0 THEN 1 ELSE 0 END) % 20)
                       + 20 * ((((v / 7) % (CONCEPTS / 2)) * ((v / 7) % (CONCEPTS / 2)) / (CONCEPTS * 5)) % (CONCEPTS / 20))),
       0, 1, 'x'
FROM h;
COMMIT;
