-- Concepts and mentions for the browser test, on the paragraphs that ingest
-- made: three groups of concepts that co-occur within a group, a few links
-- across groups, years 2012..2023, and labels that try to inject markup.
UPDATE documents SET year = 2012 + id % 12;
INSERT INTO concepts(id, kind, dimension, label_en) VALUES
  ('c0', 'indicator', 'economy', '<script>alert(1)</script>'),
  ('c1', 'indicator', 'economy', '"&''  quotes'),
  ('c2', 'indicator', 'economy', 'foreign investment'),
  ('c3', 'indicator', 'culture', 'دیپلماسی شهری'),
  ('c4', 'indicator', 'culture', 'cultural exchange'),
  ('c5', 'indicator', 'culture', 'city branding'),
  ('c6', 'network', 'cooperation', '都市外交'),
  ('c7', 'network', 'cooperation', 'sister cities'),
  ('c8', 'network', 'cooperation', 'UCLG'),
  ('c9', 'indicator', 'research', 'experience sharing');
WITH pairs(p, doc, c) AS (
  SELECT p.id, p.doc_id, 'c' || (3 * (p.id % 3) + k.k)
  FROM paragraphs p, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) k
  WHERE (p.id + k.k) % 4 <> 0
  UNION ALL
  SELECT p.id, p.doc_id, 'c9' FROM paragraphs p WHERE p.id % 5 = 0)
INSERT INTO mentions(doc_id, paragraph_id, sentence, concept_id, start, end, form)
SELECT doc, p, 0, c, 0, 1, 'x' FROM pairs;
