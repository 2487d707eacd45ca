#include "store/fts_tokenizer.h"

#include <fmt/format.h>

#include <cstring>

#include "common/error.h"
#include "text/lang.h"
#include "text/normalizer.h"

namespace dipmine::store {

namespace {
thread_local const PrecomputedTerms* current_handover = nullptr;
thread_local size_t served_count = 0;
thread_local size_t computed_count = 0;
}  // namespace

struct TokenizerAccess {
  static const std::vector<text::Term>* offered(std::string_view text) {
    const PrecomputedTerms* h = current_handover;
    if (h == nullptr || h->terms_.empty() || h->text_.size() != text.size()) return nullptr;
    if (std::memcmp(h->text_.data(), text.data(), text.size()) != 0) return nullptr;
    return &h->terms_;
  }
};

namespace {

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

int emit(const std::vector<text::Term>& terms, void* ctx, TokenCallback token) {
  for (const text::Term& t : terms) {
    if (t.key.empty()) continue;
    const int rc = token(ctx, t.colocated ? FTS5_TOKEN_COLOCATED : 0, t.key.data(),
                         static_cast<int>(t.key.size()), static_cast<int>(t.begin),
                         static_cast<int>(t.end));
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

int tokenize(Fts5Tokenizer*, void* ctx, int flags, const char* data, int size,
             TokenCallback token) {
  const std::string_view text(data == nullptr ? "" : data, static_cast<size_t>(std::max(size, 0)));
  try {
    if ((flags & FTS5_TOKENIZE_QUERY) != 0) {
      if (text.substr(0, kQueryKeyMark.size()) == kQueryKeyMark) {
        // Keys folded by the query translator: hand each over as it is.
        size_t pos = kQueryKeyMark.size();
        while (pos <= text.size()) {
          size_t next = text.find(kQueryKeyMark, pos);
          if (next == std::string_view::npos) next = text.size();
          if (next > pos) {
            const int rc = token(ctx, 0, text.data() + pos, static_cast<int>(next - pos),
                                 0, static_cast<int>(text.size()));
            if (rc != SQLITE_OK) return rc;
          }
          pos = next + kQueryKeyMark.size();
        }
        return SQLITE_OK;
      }
      return emit(text::index_terms(text, text::detect_lang(text), text::TermMode::query), ctx,
                  token);
    }
    if ((flags & FTS5_TOKENIZE_DOCUMENT) != 0) {
      if (const auto* terms = TokenizerAccess::offered(text)) {
        ++served_count;
        return emit(*terms, ctx, token);
      }
    }
    if ((flags & FTS5_TOKENIZE_AUX) != 0) {  // highlight() and snippet(): positions, no alternatives
      return emit(text::index_terms(text, text::detect_lang(text), text::TermMode::highlight), ctx, token);
    }
    ++computed_count;
    return emit(paragraph_terms(text), ctx, token);
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (const std::exception&) {
    return SQLITE_ERROR;
  }
}

// The tokenizer keeps no state: the instance pointer is a dummy.
int create(void*, const char**, int argc, Fts5Tokenizer** out) {
  static int instance;
  if (argc != 0) return SQLITE_ERROR;  // "tokenize='dipmine'" takes no arguments
  *out = reinterpret_cast<Fts5Tokenizer*>(&instance);
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer*) {}

}  // namespace

fts5_api* fts5_api_for(Database& db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db.handle(), "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
    db.fail("this SQLite has no FTS5");
  }
  sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (api == nullptr || api->iVersion < 2) {
    throw Error(fmt::format("{}: this SQLite has no usable FTS5 (fts5_api v2 needed)", db.path()));
  }
  return api;
}

void register_fts_tokenizer(Database& db) {
  fts5_api* api = fts5_api_for(db);
  static fts5_tokenizer tokenizer{create, destroy, tokenize};
  if (api->xCreateTokenizer(api, "dipmine", nullptr, &tokenizer, nullptr) != SQLITE_OK) {
    db.fail("registering the FTS5 tokenizer 'dipmine'");
  }
}

std::vector<text::Term> paragraph_terms(std::string_view paragraph_text) {
  return text::index_terms(paragraph_text, text::detect_lang(paragraph_text),
                           text::TermMode::document);
}

std::vector<text::Term> paragraph_terms(std::string_view paragraph_text, text::Lang folded_as,
                                        text::MappedText&& prefix_folded, text::Lang detected) {
  const text::Lang lang = detected != text::Lang::none ? detected : text::detect_lang(paragraph_text);
  if (lang != folded_as) return paragraph_terms(paragraph_text);
  const text::MappedText folded = text::normalizer_for(lang).finish_fold(std::move(prefix_folded));
  return text::index_terms(paragraph_text, lang, text::TermMode::document, folded);
}

std::string query_key_string(const std::vector<std::string>& keys) {
  std::string s = "\"";
  for (const std::string& k : keys) {
    s += kQueryKeyMark;
    for (char c : k) {
      if (c == '"') s += '"';
      s += c;
    }
  }
  return s + "\"";
}

PrecomputedTerms::PrecomputedTerms(std::string_view text, const std::vector<text::Term>& terms)
    : previous_(current_handover), text_(text), terms_(terms) {
  current_handover = this;
}

PrecomputedTerms::~PrecomputedTerms() { current_handover = previous_; }

size_t PrecomputedTerms::served() { return served_count; }
size_t PrecomputedTerms::computed() { return computed_count; }

}  // namespace dipmine::store
