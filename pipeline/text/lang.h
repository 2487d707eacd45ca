// Languages dipmine knows, and a paragraph's language judged by its script.
//
//   Lang l = detect_lang("دیپلماسی شهری");   // Lang::fa
//   lang_name(l);                              // "fa"
//
// Detection counts words per script: Arabic script -> fa, kana or kanji -> ja,
// Latin -> en; the majority wins (kanji alone is also ja: Chinese is not a
// corpus language; reads_as_chinese below tells it). Words are runs of a
// script's letters, since Arabic and Persian leave short vowels unwritten: a
// Persian sentence with Latin names is fa, a tie goes to fa. Japanese has no
// spaces: two kana or kanji count as a word, so a Japanese sentence with a
// Latin name is ja. Arabic itself is fa too (reads_as_arabic below). Text with no letters at all is Lang::none. Pure functions,
// safe from any thread; invalid UTF-8 is skipped byte by byte, never an error.
#pragma once
#include <optional>
#include <string_view>

namespace dipmine::text {

enum class Lang { none, fa, en, ja };

// "fa", "en", "ja", or "" for Lang::none.
std::string_view lang_name(Lang lang);

// The language named `name` ("fa", "en", "ja"), or nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view name);

// The language of `text` judged by the script of its letters.
Lang detect_lang(std::string_view text);

// Whether Arabic-script `text` is Arabic rather than Persian: letters only one
// of them uses (ي ك ة ى against پ چ ژ گ ک ی) and common words (في من على
// إلى التي الذي هذا against است در از که این را برای) weigh it. Arabic text
// stays Lang::fa (every consumer of language codes knows fa, en, ja), but the
// Persian normaliser's clean keeps its Arabic spelling (docs/normalization.md).
bool reads_as_arabic(std::string_view text);

// Whether kana-less Han `text` is Chinese rather than Japanese: at least 50
// Han characters and fewer than one kana per 50 of them. Japanese prose writes
// its particles and endings in kana (a third of its letters or more), so
// only a heading or a list of names is Han alone, never a whole text.
// The counts are left in `han` and `kana` when given.
bool reads_as_chinese(std::string_view text, size_t* han = nullptr, size_t* kana = nullptr);

}  // namespace dipmine::text
