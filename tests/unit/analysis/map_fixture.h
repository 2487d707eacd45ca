// A small store for the map tests, filled with SQL so that the tests depend on
// neither the lexicon matcher nor ingest.
//
// concepts: A (indicator, en "Alpha", fa "آلفا"), B (network, en "Beta"),
//           C (indicator, en "Gamma"); a mention of Z has no concepts row.
// documents: 1 (2010, en, "First paper"), 2 (2020, fa), 3 (no year, en)
// paragraphs: 11, 12 of doc 1 (en); 21 of doc 2 (fa); 31 of doc 3 (en)
// mentions (paragraph, sentence: concepts):
//   11,0: A B   11,1: A   12,0: C A   21,0: A B B   31,0: B C
#pragma once
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "store/corpus.h"

namespace maptest {

namespace fs = std::filesystem;

struct MapStore {
  fs::path dir;
  std::unique_ptr<dipmine::store::Corpus> corpus;

  MapStore() {
    std::string t = (fs::temp_directory_path() / "dipmine-map-XXXXXX").string();
    dir = mkdtemp(t.data());
    corpus = dipmine::store::Corpus::open((dir / "map.db").string(), dipmine::store::OpenMode::create);
    corpus->db().exec(R"sql(
INSERT INTO concepts(id, kind, dimension, label_en, label_fa) VALUES
  ('A', 'indicator', 'cooperation', 'Alpha', 'آلفا'),
  ('B', 'network', '', 'Beta', ''),
  ('C', 'indicator', 'culture', 'Gamma', '');
INSERT INTO documents(id, path, name, sha256, title, year, lang, format, charset, bytes) VALUES
  (1, '/d/1.txt', '1.txt', 's1', 'First paper', 2010, 'en', 'text', 'UTF-8', 10),
  (2, '/d/2.txt', '2.txt', 's2', '', 2020, 'fa', 'text', 'UTF-8', 10),
  (3, '/d/3.txt', '3.txt', 's3', 'Third', NULL, 'en', 'text', 'UTF-8', 10);
INSERT INTO paragraphs(id, doc_id, ordinal, lang, text) VALUES
  (11, 1, 0, 'en', 'p'), (12, 1, 1, 'en', 'p'), (21, 2, 0, 'fa', 'p'), (31, 3, 0, 'en', 'p');
INSERT INTO mentions(doc_id, paragraph_id, sentence, concept_id, start, end, form) VALUES
  (1, 11, 0, 'A', 0, 1, 'a'), (1, 11, 0, 'B', 2, 3, 'b'), (1, 11, 1, 'A', 4, 5, 'a'),
  (1, 12, 0, 'C', 0, 1, 'c'), (1, 12, 0, 'A', 2, 3, 'a'),
  (2, 21, 0, 'A', 0, 1, 'a'), (2, 21, 0, 'B', 2, 3, 'b'), (2, 21, 0, 'B', 4, 5, 'b'),
  (3, 31, 0, 'B', 0, 1, 'b'), (3, 31, 0, 'C', 2, 3, 'c');
)sql");
  }
  ~MapStore() {
    corpus.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

}  // namespace maptest
