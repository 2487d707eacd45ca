#include "store/search.h"

#include <elf.h>
#include <fmt/format.h>
#include <link.h>
#include <unicode/uversion.h>

#include <cstring>
#include <functional>

#include "store/fts_tokenizer.h"
#include "store/ranked_rows.h"
#include "store/topk_index.h"

namespace dipmine::store {
namespace {

// Marks FTS5 puts around hits and for cut text: control characters that real
// paragraphs do not contain (STX, ETX, EOT).
constexpr char kOpen = '\x02', kClose = '\x03', kCut = '\x04';

std::vector<SnippetPart> split_marked(const std::string& marked, bool* cut_before,
                                      bool* cut_after) {
  std::vector<SnippetPart> parts;
  std::string text;
  bool hit = false;
  auto flush = [&] {
    if (!text.empty()) parts.push_back({std::move(text), hit});
    text.clear();
  };
  for (size_t k = 0; k < marked.size(); ++k) {
    const char c = marked[k];
    if (c == kOpen || c == kClose) {
      flush();
      hit = c == kOpen;
    } else if (c == kCut) {
      if (k == 0 && cut_before) *cut_before = true;
      else if (cut_after) *cut_after = true;
    } else {
      text += c;
    }
  }
  flush();
  return parts;
}

// A stable fingerprint of the tokenizer's rules: the tokens of a probe text
// that exercises every language and rule (FNV-1a over keys and offsets).
std::string compute_tokenizer_fingerprint() {
  static const char* probes[] = {
      "بین‌المللی بینالمللی بین المللی میشود می شود کتاب‌ها كتاب ي ۲۰۱۵ دیپلماسی شهری توسعة پایدار",
      // Cases the visual-order repair and fold changed on (a ZWNJ beside the
      // space in a backwards run; a variant before hamza above).
      "ةتوسع \u200cیشهر ة\u0654 »۲۰۱۵«",
      // Issue 15/16 repairs: script changes, a refused negation, a lone
      // letter, lam-alef, ALLAH, kashida &, compounds, repeated letters.
      "UCLGشهر C40در مسافت۹ می\u200cتوانن ر وش األمل المقاوالت اهلل دیپلماس&&ی زمین لرزه ای خیلییییی",
      "City Diplomacy, UN-Habitat's networks: running cities 2015 ÉCOLE ﬁnance",
      // Issue 15 tokens: a ZWNJ between two words, a curly possessive, a
      // compound hyphenated at a line break, footnote marks.
      "عنوان\u200cپیوست Tsujii’s mixed-\nmode Corporation⇤ Smith¹",
      "東京都に住む。上海協力機構（ＳＣＯ）の市長ﾀﾞｲｱﾛｰｸﾞ 2025年",
      // The word-final long vowel mark the fold drops.
      "ユーザー登録とサーバー",
      // Spelling variants fold equates: hamza seats, British spellings, co-.
      "مسؤولان هیأت مدیره سئوال مساله",
      "Decentralised co-operation: organisations, the centre, labour",
      // A full stop that lost its space.
      "کنند.موضوعی is.Another e.g.",
      // The present perfect's ending written apart.
      "شده اند کرده ایم",
      // A run of one letter whose collapse leaves a reversed lam-alef; a lone
      // letter beside a word that takes a suffix.
      "طاللل ه مب ها",
      // Old and variant kanji, the small ヶ.
      "國際 髙橋 霞ヶ関 橫浜 步 每",
      // Latin letters with diacritics.
      "São Paulo Montréal Māori",
      // The ezafe after ه written with a ZWNJ.
      "زمینه‌ی کتابخانه‌ی",
      // Hyphenated compounds and their solid key; a range and a dash are not.
      "non-parallel COVID-19 state-of-the-art 2015-2020 Tehran–Kyoto",
      // British spellings added after a fourth trial.
      "kilometres defence licence judgement grey travelled",
  };
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  };
  for (const char* p : probes) {
    for (const text::Term& t : paragraph_terms(p)) {
      mix(t.key);
      mix(fmt::format("|{}|{}|{}/", t.begin, t.end, t.colocated));
    }
  }
  return fmt::format("{:016x}", h);
}

std::string tokenizer_fingerprint() {
  static const std::string fingerprint = compute_tokenizer_fingerprint();
  return fingerprint;
}

// The GNU build id of the running program in hex ("" without one).
std::string program_build_id() {
  std::string id;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* out) -> int {
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& ph = info->dlpi_phdr[i];
          if (ph.p_type != PT_NOTE) continue;
          const size_t align = ph.p_align >= 8 ? 8 : 4;
          auto pad = [align](size_t n) { return (n + align - 1) & ~(align - 1); };
          const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
          const char* end = p + ph.p_memsz;
          while (p + sizeof(ElfW(Nhdr)) <= end) {
            const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
            const char* name = p + sizeof(ElfW(Nhdr));
            const char* desc = name + pad(note->n_namesz);
            if (desc + note->n_descsz > end) break;
            if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
              auto& hex = *static_cast<std::string*>(out);
              for (uint32_t k = 0; k < note->n_descsz; ++k) {
                hex += fmt::format("{:02x}", static_cast<unsigned char>(desc[k]));
              }
              return 1;
            }
            p = desc + pad(note->n_descsz);
          }
        }
        return 1;  // the first object listed is the program: stop there
      },
      &id);
  return id;
}

// What names this program's tokenizer: its build id and the ICU it runs with
// (a shared ICU can change under the same program). "" when unknown.
const std::string& build_key() {
  static const std::string key = [] {
    const std::string id = program_build_id();
    UVersionInfo icu;
    u_getVersion(icu);
    char version[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(icu, version);
    return id.empty() ? id : id + "/icu-" + version;
  }();
  return key;
}

// The fingerprint of this program's tokenizer. Computing it tokenises the
// probe texts in three languages, which loads the Persian dictionary and
// ICU's Japanese word dictionary: most of a search's start-up. So a command
// that writes the store records it beside the build it came from
// ('tokenizer_of_build' = "BUILD FINGERPRINT"), and a search by the same
// build reads it instead. Another build computes it.
std::string fingerprint_of_this_build(Corpus& corpus) {
  if (!build_key().empty()) {
    Statement q(corpus.db(), "SELECT value FROM fts_state WHERE key = 'tokenizer_of_build'");
    if (q.step()) {
      const std::string value = q.column_text(0);
      if (value.size() > build_key().size() && value.compare(0, build_key().size(), build_key()) == 0 &&
          value[build_key().size()] == ' ') {
        return value.substr(build_key().size() + 1);
      }
    }
  }
  return tokenizer_fingerprint();
}

void record_build_fingerprint(Corpus& corpus) {
  if (build_key().empty()) return;
  Statement q(corpus.db(),
              "INSERT OR REPLACE INTO fts_state(key, value) VALUES ('tokenizer_of_build', ?)");
  q.bind(1, build_key() + " " + tokenizer_fingerprint());
  q.run();
}

}  // namespace

std::vector<SearchHit> search(Corpus& corpus, const Query& query, const SearchOptions& options,
                              RankingStats* stats) {
  // Rank first (the expensive part touches only rowids and scores), then
  // fetch snippets for the page of hits alone.
  // One snapshot: the top-k index, the full-text index and the rows agree.
  ReadSnapshot snapshot(corpus.db());
  RankingStats local;
  if (stats == nullptr) stats = &local;
  std::vector<SearchHit> hits;
  for (const RankedRow& r : best_rows(corpus, query, static_cast<size_t>(std::max(options.offset, 0)),
                                      static_cast<size_t>(std::max(options.limit, 0)), stats)) {
    SearchHit h;
    h.paragraph_id = r.rowid;
    h.score = r.score;
    hits.push_back(std::move(h));
  }
  Statement detail(corpus.db(),
                   "SELECT p.doc_id, p.ordinal, p.lang, coalesce(nullif(d.title, ''), d.name), "
                   "d.year, snippet(paragraphs_fts, 0, char(2), char(3), char(4), ?) "
                   "FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid "
                   "JOIN documents d ON d.id = p.doc_id "
                   "WHERE paragraphs_fts MATCH ? AND paragraphs_fts.rowid = ?");
  for (SearchHit& h : hits) {
    detail.bind(1, static_cast<int64_t>(options.snippet_tokens));
    detail.bind(2, stats->expression).bind(3, h.paragraph_id);
    if (detail.step()) {
      h.doc_id = detail.column_int(0);
      h.ordinal = detail.column_int(1);
      h.lang = detail.column_text(2);
      h.title = detail.column_text(3);
      if (!detail.column_is_null(4)) h.year = static_cast<int>(detail.column_int(4));
      h.snippet = split_marked(detail.column_text(5), &h.snippet_cut_before, &h.snippet_cut_after);
    }
    detail.reset();
  }
  return hits;
}

SearchCount count_matches(Corpus& corpus, const Query& query) {
  const SqlFilters f = sql_filters(query, true);
  Statement q(corpus.db(), fmt::format("SELECT count(*), count(DISTINCT p.doc_id) FROM "
                                       "paragraphs_fts{} WHERE paragraphs_fts MATCH ?{}",
                                       f.joins, f.where));
  int i = 1;
  q.bind(i++, query.match);
  for (const auto& b : f.binds) b(q, i);
  q.step();
  return {q.column_int(0), q.column_int(1)};
}

std::vector<SnippetPart> highlight_paragraph(Corpus& corpus, const Query& query,
                                             int64_t paragraph_id) {
  Statement q(corpus.db(),
              "SELECT highlight(paragraphs_fts, 0, char(2), char(3)) FROM paragraphs_fts "
              "WHERE paragraphs_fts MATCH ? AND rowid = ?");
  q.bind(1, query.match).bind(2, paragraph_id);
  if (!q.step()) return {};
  return split_marked(q.column_text(0), nullptr, nullptr);
}

IndexStats index_stats(Corpus& corpus) {
  IndexStats s;
  Statement rows(corpus.db(), "SELECT count(*) FROM paragraphs_fts_docsize");
  rows.step();
  s.paragraphs = rows.column_int(0);
  Statement segs(corpus.db(), "SELECT count(DISTINCT segid) FROM paragraphs_fts_idx");
  segs.step();
  s.segments = segs.column_int(0);
  return s;
}

OptimizeReport optimize_index(Corpus& corpus, bool rebuild) {
  OptimizeReport r;
  r.before = index_stats(corpus);
  // An index made by another tokenizer would be merged and ranked as it is,
  // missing what this build's tokens find: it is rebuilt, as --rebuild does.
  r.stale = !rebuild && index_is_stale(corpus);
  rebuild = rebuild || r.stale;
  {
    Transaction tx(corpus.db());
    if (rebuild) corpus.db().exec("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild')");
    corpus.db().exec("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('optimize')");
    if (rebuild) mark_index_current(corpus);
    record_build_fingerprint(corpus);
    if (rebuild || !TopkIndex::is_current(corpus)) {
      const TopkIndex::BuildStats built = TopkIndex::build(corpus);
      r.topk_built = true;
      r.topk_terms = built.terms;
      r.topk_pairs = built.pairs.side_by_side.pairs;
      r.topk_together = built.pairs.together.pairs;
      r.topk_together_coarse = built.pairs.together_coarse.pairs;
      r.topk_pairs_skipped = built.pairs.skipped;
    }
    tx.commit();
  }
  r.after = index_stats(corpus);
  if (auto topk = TopkIndex::open_if_fresh(corpus)) {
    r.topk_blocks = static_cast<int64_t>(topk->blocks());
    r.topk_block_rows = topk->block_rows();
  }
  return r;
}

bool index_is_stale(Corpus& corpus) {
  Statement q(corpus.db(), "SELECT value FROM fts_state WHERE key = 'tokenizer'");
  if (!q.step()) return false;  // never recorded: built by this build's migration
  return q.column_text(0) != fingerprint_of_this_build(corpus);
}

void mark_index_current(Corpus& corpus) {
  Statement q(corpus.db(), "INSERT OR REPLACE INTO fts_state(key, value) VALUES ('tokenizer', ?)");
  q.bind(1, tokenizer_fingerprint());
  q.run();
  record_build_fingerprint(corpus);
}

bool refresh_stale_index(Corpus& corpus) {
  const bool stale = index_is_stale(corpus);
  Transaction tx(corpus.db());
  if (stale) {
    corpus.db().exec("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild')");
    TopkIndex::invalidate(corpus.db());
  }
  mark_index_current(corpus);
  tx.commit();
  return stale;
}

}  // namespace dipmine::store
