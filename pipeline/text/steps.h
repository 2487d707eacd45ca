// Building blocks for normalisers: each step rewrites a MappedText and keeps the
// map to the ORIGINAL text (not to the step's input), so steps chain freely.
//
//   MappedText t = sanitize_utf8(original);   // always the first step
//   t = apply_nfkc(std::move(t));
//   t = fa::letter_variants(std::move(t));
//
// A language's normaliser is a short, visible list of such steps (see
// persian_normalizer.cpp, english_normalizer.cpp, japanese_normalizer.cpp).
// Every step here is a pure function of its input (plus compiled-in data), safe
// from any thread, never throws for any input, and assumes valid UTF-8 (which
// sanitize_utf8 guarantees). A step that changes nothing returns its input
// without copying. Steps keep the map monotone (output order = original order)
// except fa::repair_visual_order, which moves pieces of words (see normalizer.h).
#pragma once
#include <functional>
#include <string>

#include "text/normalizer.h"
#include "text/utf8.h"

namespace dipmine::text {

// The identity map over `original`, with every invalid UTF-8 byte replaced by
// U+FFFD (mapped to that byte). Later steps may assume valid UTF-8.
// `valid_prefix`: bytes [0, valid_prefix) are known to be valid UTF-8 and
// end at a character boundary (only the rest is checked).
MappedText sanitize_utf8(std::string_view original, size_t valid_prefix = 0);

// Calls `fn` on every code point of `in` (invalid bytes arrive as U+FFFD). If fn
// returns false the code point is kept as it is; if true, it is replaced by
// `out` (which may be empty: deletion). Replacements map to the code point's
// original range.
using CodePointRewrite = std::function<bool(char32_t cp, std::u32string& out)>;
MappedText map_code_points(const MappedText& in, const CodePointRewrite& fn);

// Appends code point `cp` (or `bytes`) to `out`, every byte mapped to [b, e).
void push_mapped(MappedText& out, char32_t cp, uint32_t b, uint32_t e);
void push_mapped(MappedText& out, std::string_view bytes, uint32_t b, uint32_t e);
// Appends input bytes [i, j) of `in` to `out` with their maps (a few runs).
void copy_mapped(MappedText& out, const MappedText& in, size_t i, size_t j);
// Appends only the map of input bytes [i, j) of `in`, for output bytes that
// start at out.text.size(); the caller then appends j - i bytes of text with
// the same character boundaries (a same-length rewrite of those bytes).
void copy_map(MappedText& out, const MappedText& in, size_t i, size_t j);
// A text goes through several steps in a row, each building a new text from
// the last one and dropping that: a step gives the buffers of the text it has
// consumed back (recycle_buffers), and the next new text of the same thread
// takes them (new_mapped_text) instead of allocating. new_mapped_text returns
// an empty text with at least these capacities; it takes a spare buffer only
// if it is at most about twice as big as asked (the result may be kept long).
MappedText new_mapped_text(size_t text_bytes, size_t runs);
void recycle_buffers(MappedText&& used);
// Appends `in` to `out` with every original offset moved by `shift`.
void append_shifted(MappedText& out, const MappedText& in, uint32_t shift);
// Appends one run to out.runs (merged with the previous one when it continues
// it). Low level: copy_mapped and push_mapped keep text and map in step.
// Inline: every copied piece and every changed character passes here.
inline void add_map_run(MappedText& out, MappedText::Run r) {
  if (!out.runs.empty()) {
    MappedText::Run& p = out.runs.back();
    if (p.out == r.out) {  // the previous run is empty: replace it
      p = r;
      if (out.runs.size() >= 2) {  // and it may now continue the one before
        const MappedText::Run q = out.runs[out.runs.size() - 2];
        if ((q.oe == MappedText::kVerbatim && r.oe == MappedText::kVerbatim &&
             q.ob + (r.out - q.out) == r.ob) ||
            (q.oe != MappedText::kVerbatim && q.oe == r.oe && q.ob == r.ob)) {
          out.runs.pop_back();
        }
      }
      return;
    }
    if (p.oe == MappedText::kVerbatim && r.oe == MappedText::kVerbatim) {
      if (p.ob + (r.out - p.out) == r.ob) return;  // continues the previous copy
    } else if (p.oe == r.oe && p.ob == r.ob) {
      return;  // the same range again
    }
  }
  out.runs.push_back(r);
}
// The index of the run holding output byte i, and the range of byte i in run k.
size_t map_run_at(const MappedText& m, size_t i);
// Where run k ends: the next run's first byte, or the end of the text.
inline size_t map_run_end(const MappedText& m, size_t k) {
  return k + 1 < m.runs.size() ? m.runs[k + 1].out : m.text.size();
}
std::pair<uint32_t, uint32_t> run_byte_range(const MappedText& m, size_t k, size_t i);

// Reads the map of one MappedText at (mostly) increasing positions, each read
// amortised O(1): what a step uses instead of begin[i] in its loop.
class MapCursor {
 public:
  explicit MapCursor(const MappedText& m) : m_(m) {}
  const MappedText& map() const { return m_; }
  // The index of the run holding byte i (as map_run_at); the map must have runs.
  size_t run_at(size_t i) {
    seek(i);
    return k_;
  }
  // {begin[i], end[j - 1]}: the range of the whole characters in bytes [i, j).
  std::pair<uint32_t, uint32_t> range(size_t i, size_t j) {
    if (m_.runs.empty()) return {0, 0};
    seek(i);
    const MappedText::Run& r = m_.runs[k_];
    if (j <= map_run_end(m_, k_)) {
      if (r.oe != MappedText::kVerbatim) return {r.ob, r.oe};
      return {static_cast<uint32_t>(r.ob + (i - r.out)), static_cast<uint32_t>(r.ob + (j - r.out))};
    }
    const uint32_t b = run_byte_range(m_, k_, i).first;
    seek(j - 1);
    return {b, run_byte_range(m_, k_, j - 1).second};
  }

 private:
  void seek(size_t i) {
    if (m_.runs[k_].out > i) {
      k_ = map_run_at(m_, i);
      return;
    }
    while (k_ + 1 < m_.runs.size() && m_.runs[k_ + 1].out <= i) ++k_;
  }
  const MappedText& m_;
  size_t k_ = 0;
};

// copy_map and copy_mapped reading the input through `in` (its map()): for a
// step that copies pieces of one text left to right, each call then costs
// O(1 + runs copied) instead of a search for the first run.
void copy_map(MappedText& out, MapCursor& in, size_t i, size_t j);
void copy_mapped(MappedText& out, MapCursor& in, size_t i, size_t j);

// The fast form of map_code_points for hot paths: `fn(cp)` returns the single
// replacement code point, 0 to delete, or cp itself to keep. No allocation
// when nothing changes (the input is returned).
template <typename Fn>
MappedText rewrite_each(MappedText&& in, Fn fn) {
  // A replacement of the same UTF-8 length (ي → ی) is written in place: the
  // map of those bytes is already the code point's range. Only deletions and
  // length changes make a new text.
  std::string& s = in.text;
  MappedText out;
  MapCursor cursor(in);
  bool copying = false;
  size_t kept = 0;  // input bytes [kept, i) not yet copied to out
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    const auto b0 = static_cast<unsigned char>(s[i]);
    const char32_t cp = b0 < 0x80 ? b0 : decode_utf8(s, i, len);
    const char32_t r = fn(cp);
    if (r != cp) {
      const size_t rlen = r == 0 ? 0 : r < 0x80 ? 1 : r < 0x800 ? 2 : r < 0x10000 ? 3 : 4;
      if (rlen == len && !(cp == 0xFFFD && len == 1)) {
        std::string tmp;  // at most 4 bytes: no allocation
        append_utf8(tmp, r);
        s.replace(i, len, tmp);
      } else {
        if (!copying) {
          copying = true;
          out = new_mapped_text(s.size(), in.runs.size() + 16);
        }
        copy_mapped(out, cursor, kept, i);
        if (r != 0) {
          const auto [ob, oe] = cursor.range(i, i + len);
          push_mapped(out, r, ob, oe);
        }
        kept = i + len;
      }
    }
    i += len;
  }
  if (!copying) return std::move(in);
  copy_mapped(out, cursor, kept, s.size());
  recycle_buffers(std::move(in));
  return out;
}

// ICU NFKC, with ICU's edit record so offsets stay exact; unchanged text keeps
// its finer map. (NFKC keeps ZWNJ and soft hyphens.)
MappedText apply_nfkc(const MappedText& in);
MappedText apply_nfkc(MappedText&& in);
// ICU NFKC_Casefold (note: deletes ZWNJ, soft hyphens and other ignorables).
MappedText apply_nfkc_casefold(const MappedText& in);
MappedText apply_nfkc_casefold(MappedText&& in);
// ICU full case folding only.
MappedText apply_casefold(const MappedText& in);

// ---- Script-level steps shared by all languages (arabic_steps.cpp) ----
namespace fa {
// ي ى ے → ی, ك → ک, ۀ ہ ە ة → ه (ة is 003's ezafe: توسعة پایدار).
MappedText letter_variants(MappedText&& in);
// Removes tatweel (شــهر) and stray directional/joiner controls (LRM, RLM, ALM,
// embeddings, isolates, ZWJ, BOM) and every other default-ignorable code point
// (ZWSP, soft hyphen, ...), which fold would drop and so glue words. ZWNJ is
// kept (see zwnj_* steps). Runs before NFKC.
MappedText remove_tatweel_and_controls(MappedText&& in);
// Fused: sanitize_utf8 then remove_tatweel_and_controls, exactly, the common
// blocks (ASCII and Arabic letters) checked once for both.
MappedText sanitize_and_remove_controls(std::string_view original);
// What NFKC would make of two kinds of compatibility form, done before the
// steps that must see it (the tatweel removal, fix_reversed_punctuation),
// so that a second clean or fold finds nothing more to do: the presentation
// forms of a tatweel and a haraka (ﹿ U+FE7F -> ـْ; U+FE71..U+FE7F medial
// forms, U+FCF2..U+FCF4) → the haraka alone; the parentheses （ ） ﹙ ﹚ ︵ ︶
// ⁽ ⁾ ₍ ₎ → ( ).
MappedText unpack_compat_forms(MappedText&& in);
// »...« → «...» and )X( → (X): per line of Arabic script and per kind of mark,
// all marks swapped when they nest only read backwards (RTL extraction
// reversed them). Idempotent: swapped marks nest as written. Runs before NFKC
// (presentation forms count as Arabic script; full-width parentheses are not
// marks).
MappedText fix_reversed_punctuation(MappedText&& in);
// Doubled ZWNJ made single; ZWNJ not between a letter (or mark) and a letter
// (beside a space, punctuation, line edge) removed.
MappedText zwnj_tidy(MappedText&& in);
// Words written apart joined with ZWNJ (the space becomes the ZWNJ): the verb
// prefix (می شود → می‌شود) and the suffixes ها های هایی تر ترین (کتاب ها →
// کتاب‌ها), ام ات اش ای اند ایم اید after a final ه (خانه ای → خانه‌ای, شده اند
// → شده‌اند), and the parts of
// a compound the dictionary writes with ZWNJ (زمین لرزه → زمین‌لرزه). A lone
// letter split off by a stray space is joined to its neighbour, the space
// deleted (ر وش → روش), when that makes a known word on one side only and the
// two are not both words. Decided on word keys only, and never when the joined
// word is one the repair would reorder.
MappedText zwnj_join_words(MappedText&& in);
// ZWNJ inserted after the می/نمی verb prefix of a word written joined:
// میشود → می‌شود (not میز, میلیون, میان, میزبانی: the rest must look like a
// conjugated verb).
MappedText zwnj_verb_prefix(MappedText&& in);
// ZWNJ inserted where a final ه was run into its suffix: واژههای → واژه‌های,
// منطقهای → منطقه‌ای (ای and تر only when the vocabulary knows the stem).
MappedText zwnj_suffixes(MappedText&& in);
// Fold only: harakat, superscript alef and hamza above removed; أ إ آ ٱ → ا,
// ؤ → و, ئ → ی, standalone ء removed.
MappedText fold_marks_and_hamza(MappedText&& in);
// Fold only: Persian and Arabic-Indic digits → ASCII, ٫ → '.', ٬ → ','.
MappedText fold_digits(MappedText&& in);
// Fold only, after fold_chars: the spellings of a word that differ in the
// seat of its hamza, or leave it out, given the key of the usual spelling
// (مسؤول, مسوول → مسیول as مسئول; مسأله, مساله → مسیله as مسئله; هیأت,
// هیات → هییت; سئوال → سوال). A list of word starts (persian_hamza_seats.cpp),
// at a word's start or after بی نا غیر پر با مدیر.
MappedText fold_hamza_seats(MappedText&& in);
// Whether fold_hamza_seats rewrites a word with this key (fa_key), and the
// key it gives (the key itself when it does not).
bool has_hamza_seat_variant(std::string_view key);
std::string hamza_seat_key(std::string_view key);
// Fused forms of the steps above, each exactly the chain it names, in one pass:
// apply_nfkc then letter_variants (clean), and apply_nfkc_casefold then
// letter_variants, fold_marks_and_hamza and fold_digits (fold).
MappedText nfkc_and_letter_variants(MappedText&& in);
MappedText fold_chars(MappedText&& in);
// `&` between two letters (LibreOffice kashida justification: دیپلماس&&ی)
// dropped, as tatweel is.
MappedText drop_kashida_ampersands(MappedText&& in);
// Letter repairs (persian_letters.cpp): lam-alef read backwards by Word-made
// PDFs (األمل → الأمل, باال → بالا; المقاوالت → المقاولات when the dictionary
// knows the word), اهلل → الله, a letter repeated three or more times
// collapsed (خیلییییی → خیلی) unless the word is known so, and a space put
// between a word and a Latin letter or digit glued to it (UCLGشهر, مسافت۹).
MappedText repair_letters(MappedText&& in);
// Visual-order repair (visual_order.cpp): word pieces put back in reading order
// by the shipped vocabulary, then runs of repaired words reversed. Moves bytes:
// the map is NOT monotone inside a repaired word or run.
MappedText repair_visual_order(MappedText&& in);
// True if repair_visual_order would reorder `word` (one word, no spaces).
bool would_repair(std::string_view word);
// Fused: drop_kashida_ampersands, repair_letters, repair_visual_order,
// zwnj_tidy and zwnj_join_words in turn, exactly;
// the words are scanned and looked up once for both word steps when the first
// two leave the text as it is (the common case).
// `folded`: `in` went through fold_chars (no ZWNJ is left), and words are
// joined by deleting the space between them, as fold_chars would delete the
// ZWNJ put there. The word steps decide on the words' keys alone, which
// fold_chars keeps, so this is the text of fold_chars(repair_tidy_and_join(x))
// for x the text before fold_chars.
MappedText repair_tidy_and_join(MappedText&& in, bool folded = false);
}  // namespace fa

// ---- English (english_steps.cpp) ----
namespace en {
// A footnote number set as a superscript right after a word of three or
// more letters (Smith¹, cities²³) is a separate token: a space before it
// (NFKC makes it a digit, which would glue it to the word: smith1). Powers
// of short units stay (km², m³).
MappedText space_before_superscripts(MappedText&& in);
// Removes soft hyphens (U+00AD).
MappedText remove_soft_hyphens(MappedText&& in);
// A word hyphenated across a line break re-joined (govern-\nments → governments)
// unless the hyphen belongs there (non-\ngovernmental, UN-\nHabitat, a past
// participle as in mixed-\nmode, or the hyphenated form appears elsewhere in
// the text).
MappedText join_hyphenated_breaks(MappedText&& in);
// Hard-wrapped lines of one paragraph joined: a single line break (with the
// spaces around it) becomes one space; a blank line (paragraph break) stays.
MappedText join_wrapped_lines(MappedText&& in);
// Fold only: ‘ ’ ‛ ′ → ', “ ” „ ″ « » → ", ‐ ‑ ‒ – — ― − → -.
MappedText fold_quotes_and_dashes(MappedText&& in);
// Fused, in one pass, exactly: apply_nfkc_casefold, fold_quotes_and_dashes,
// fa::letter_variants, fa::fold_marks_and_hamza, fa::fold_digits, then
// latin_base (below).
MappedText fold_chars(MappedText&& in);
// Fold only: each ASCII-letter word replaced by its Snowball English stem
// (applied until it stops changing, so folding is idempotent), a possessive
// 's after it dropped (Tsujii's → tsujii). A word glued to a letter or digit
// (C40, naïve) is kept as it is; a symbol beside it (Corporation⇤) does not
// glue.
MappedText stem_words(MappedText&& in);
// The stem stem_words gives one lower-case ASCII word (a fixed point).
// British spellings get the stem of the American one (american_spelling).
std::string stem_word(std::string_view word);
// The American spelling of a lower-case British one, from lists
// (english_spellings.cpp), else the word itself: -ise/-isation/-yse of the
// listed stems (organise, decentralised, globalisation, analyse → -ize...;
// never exercise, advise, enterprise, promise, rise, wise, precise),
// -our (labour, neighbourhood, behaviour, favour, honour, colour),
// centre, theatre, fibre, programme.
std::string american_spelling(std::string_view word);
// A Latin letter with diacritics as its ASCII base letter (é → e, ã → a,
// ā → a, ü → u; ø, ł, ß and ı have no such decomposition and stay), and a
// combining diacritical mark (U+0300..U+036F) as nothing (0): part of
// fold_chars, so that São Paulo, Montréal and Māori are found as typed
// without them.
char32_t latin_base(char32_t c);
// Fold only, before stem_words: the hyphen of co-operat-, co-ordinat-,
// co-occur- at a word start dropped (co-operation → cooperation).
MappedText join_co_prefixes(MappedText&& in);
}  // namespace en

// ---- Japanese (japanese_steps.cpp) ----
namespace ja {
// Prolonged sound mark variants after kana (－ ｰ ― ‐ - 〜 ～ after カ) → ー.
MappedText prolonged_sound_marks(MappedText&& in);
// Fused, in one pass, exactly: apply_nfkc_casefold, fa::fold_digits, then
// old and variant kanji as today's form (國際 → 国際, 髙橋 → 高橋, 長﨑 →
// 長崎) and the small ヶ ヵ as ケ カ (霞ヶ関 = 霞ケ関). 霞が関 stays apart:
// が is also the particle.
MappedText fold_chars(MappedText&& in);
// The form in use today of an old or variant kanji (國 → 国, 髙 → 高, 﨑 →
// 崎); the small ヶ and ヵ of 霞ヶ関, 一ヵ月 as the full-size ケ and カ (both
// are written); any other code point as it is. Part of fold_chars.
char32_t modern_form(char32_t c);
// Fold only: the long vowel mark ー that ends a katakana word of 4 characters
// or more is dropped (ユーザー -> ユーザ, サーバー -> サーバ, コンピューター ->
// コンピュータ: both spellings are in use, JIS Z 8301 writes the short one);
// カー, キー, ツアー keep theirs. Its bytes join the range of the letter before.
MappedText drop_final_long_vowel(MappedText&& in);
}  // namespace ja

}  // namespace dipmine::text
