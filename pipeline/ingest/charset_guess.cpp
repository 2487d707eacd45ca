// Which legacy charset a text that is not UTF-8 is in. ICU's detector is
// right for Windows-1256 Persian and Shift_JIS/EUC-JP Japanese, but on short
// Chinese files (a BibTeX export of a few entries in GBK) it often answers
// ISO-8859-1 with low confidence, which decodes every byte into Latin-1 junk
// ("Ö÷Òª") without any error. Such bytes come in pairs of high bytes, which
// Western text almost never has; then the CJK charsets are tried and the one
// whose text is most plausible wins.
#include <unicode/ucsdet.h>

#include <string>
#include <vector>

#include "ingest/reader.h"
#include "ingest/text_decode.h"
#include "text/utf8.h"

namespace dipmine::ingest {
namespace {

bool latin_single_byte(const std::string& name) {
  return name == "ISO-8859-1" || name == "ISO-8859-2" || name == "ISO-8859-9" ||
         name == "ISO-8859-15" || name == "windows-1250" || name == "windows-1252" ||
         name == "windows-1254" || name == "windows-1257";
}

// Share of high bytes that stand next to another high byte. Latin text has
// its accented letters alone between ASCII ones (about 0.1-0.3); GBK, Big5,
// Shift_JIS and EUC-KR text is nearly all pairs (close to 1).
double paired_high_bytes(std::string_view bytes) {
  size_t high = 0, paired = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) continue;
    ++high;
    const bool prev = i > 0 && static_cast<unsigned char>(bytes[i - 1]) >= 0x80;
    const bool next = i + 1 < bytes.size() && static_cast<unsigned char>(bytes[i + 1]) >= 0x80;
    paired += prev || next;
  }
  return high == 0 ? 0.0 : static_cast<double>(paired) / static_cast<double>(high);
}

// Share of the non-ASCII characters of `utf8` that CJK text is made of:
// unified ideographs, kana, hangul syllables, CJK and full-width punctuation.
double cjk_plausibility(std::string_view utf8) {
  size_t other = 0, cjk = 0;
  for (size_t i = 0; i < utf8.size();) {
    size_t len = 1;
    const char32_t cp = text::decode_utf8(utf8, i, len);
    i += len;
    if (cp < 0x80) continue;
    const bool common = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3000 && cp <= 0x30FF) ||
                        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
                        (cp >= 0x2010 && cp <= 0x206F);
    ++(common ? cjk : other);
  }
  return cjk + other == 0 ? 0.0 : static_cast<double>(cjk) / static_cast<double>(cjk + other);
}

struct Match {
  std::string name;
  int confidence = 0;
};

std::vector<Match> icu_matches(std::string_view bytes) {
  std::vector<Match> out;
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  ucsdet_setText(det, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  int32_t n = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &n, &status);
  for (int32_t i = 0; U_SUCCESS(status) && i < n; ++i) {
    UErrorCode s2 = U_ZERO_ERROR;
    Match m{ucsdet_getName(matches[i], &s2), ucsdet_getConfidence(matches[i], &s2)};
    const std::string lang = ucsdet_getLanguage(matches[i], &s2);
    // ICU reports Windows-1256 Persian as ISO-8859-6, which lacks پ چ ژ گ.
    if (m.name == "ISO-8859-6" || m.name == "windows-1256" || lang == "ar" || lang == "fa") {
      m.name = "windows-1256";
    }
    out.push_back(std::move(m));
  }
  ucsdet_close(det);
  return out;
}

}  // namespace

std::string detect_legacy_charset(std::string_view bytes, std::string* decoded, int* confidence) {
  const std::vector<Match> matches = icu_matches(bytes);
  std::string chosen, text;
  int chosen_confidence = 0;
  for (const Match& m : matches) {
    if (m.confidence < 10) break;
    if (m.name == "UTF-8" || m.name.rfind("UTF-16", 0) == 0 || m.name.rfind("UTF-32", 0) == 0) {
      continue;  // already ruled out (not valid UTF-8; no BOM or NUL pattern)
    }
    if (decode_all(bytes, m.name, text)) {
      chosen = m.name;
      chosen_confidence = m.confidence;
      break;
    }
    text.clear();
  }
  if ((chosen.empty() || latin_single_byte(chosen)) && paired_high_bytes(bytes) > 0.8) {
    // High bytes in pairs: CJK double-byte text, not Latin letters.
    double best = 0.0;
    for (const char* cjk : {"GB18030", "Big5", "Shift_JIS", "EUC-JP", "EUC-KR"}) {
      std::string out;
      if (!decode_all(bytes, cjk, out)) continue;
      const double score = cjk_plausibility(out);
      // Ties (GBK bytes often decode as Big5 too) go to ICU's own ranking,
      // then to the order above (GB18030 covers GBK and GB2312).
      int icu = 0;
      for (const Match& m : matches) {
        if (m.name == cjk || (std::string_view(cjk) == "GB18030" && m.name == "GB2312")) icu = m.confidence;
      }
      const double ranked = score + icu / 10000.0;
      if (score >= 0.9 && ranked > best) {
        best = ranked;
        chosen = cjk;
        chosen_confidence = icu;
        text = std::move(out);
      }
    }
  }
  if (!chosen.empty() && decoded != nullptr) *decoded = std::move(text);
  if (confidence != nullptr) *confidence = chosen_confidence;
  return chosen;
}

}  // namespace dipmine::ingest
