#include "text/char_table.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <mutex>

#include "text/char_flags_compute.h"
#include "text/utf8.h"

namespace dipmine::text::detail {
namespace {

std::mutex& block_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

uint8_t g_char_flags[0x110000];
std::atomic<bool> g_char_block_ready[kCharBlocks];

void build_char_block(size_t block) {
  const std::lock_guard<std::mutex> lock(block_mutex());
  if (g_char_block_ready[block].load(std::memory_order_relaxed)) return;
  for (char32_t c = static_cast<char32_t>(block << 8); c < ((block + 1) << 8); ++c) {
    g_char_flags[c] = compute_char_flags(c);
  }
  g_char_block_ready[block].store(true, std::memory_order_release);
}

}  // namespace dipmine::text::detail

namespace dipmine::text {
namespace {

struct NormalizedBlock {
  std::string forms[256];
};

std::atomic<const NormalizedBlock*> g_normalized[2][detail::kCharBlocks];

const NormalizedBlock* build_normalized_block(size_t block, bool casefold) {
  static std::mutex m;
  const std::lock_guard<std::mutex> lock(m);
  auto& slot = g_normalized[casefold ? 1 : 0][block];
  if (const NormalizedBlock* done = slot.load(std::memory_order_relaxed)) return done;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n2 = casefold ? icu::Normalizer2::getNFKCCasefoldInstance(status)
                                        : icu::Normalizer2::getNFKCInstance(status);
  auto* b = new NormalizedBlock;  // kept for the process lifetime
  for (size_t k = 0; k < 256; ++k) {
    const char32_t c = static_cast<char32_t>((block << 8) + k);
    std::string utf8;
    if (c >= 0xD800 && c <= 0xDFFF) {
      b->forms[k] = "\xEF\xBF\xBD";
      continue;
    }
    append_utf8(utf8, c);
    const uint8_t keeps = casefold ? kNfkcCfKeeps : kNfkcKeeps;
    if (U_FAILURE(status) || (char_flags(c) & keeps)) {
      b->forms[k] = utf8;
      continue;
    }
    icu::StringByteSink<std::string> sink(&b->forms[k]);
    UErrorCode st = U_ZERO_ERROR;
    n2->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink,
                      nullptr, st);
    if (U_FAILURE(st)) b->forms[k] = utf8;
  }
  slot.store(b, std::memory_order_release);
  return b;
}

}  // namespace

const std::string& normalized_alone(char32_t c, bool casefold) {
  if (c > 0x10FFFF) c = 0xFFFD;
  const NormalizedBlock* b = g_normalized[casefold ? 1 : 0][c >> 8].load(std::memory_order_acquire);
  if (b == nullptr) b = build_normalized_block(c >> 8, casefold);
  return b->forms[c & 0xFF];
}

}  // namespace dipmine::text
