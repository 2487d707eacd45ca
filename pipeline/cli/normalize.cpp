// dipmine normalize: clean or fold stdin with the language normalisers.
#include <fmt/format.h>

#include <iostream>
#include <iterator>
#include <optional>
#include <string>

#include "cli/command.h"
#include "text/normalize_text.h"

namespace dipmine::cli {
namespace {

CommandRegistration normalize_cmd(
    "normalize", "Write stdin's clean (or folded) text, or its tokens with byte offsets",
    [](CLI::App& cmd, GlobalOptions&) {
      static std::string lang = "auto";
      static bool fold = false, tokens = false;
      cmd.add_option("--lang", lang, "auto (per paragraph), fa, en or ja")
          ->check(CLI::IsMember({"auto", "fa", "en", "ja"}));
      cmd.add_flag("--fold", fold, "Write the folded matching key instead of the clean text");
      cmd.add_flag("--tokens", tokens,
                   "One token a line: BEGIN<TAB>END<TAB>TOKEN (byte offsets in the input; "
                   "Japanese character bigrams add <TAB>bigram)");
      return [] {
        std::string input{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
        const std::optional<text::Lang> l =
            lang == "auto" ? std::nullopt : text::parse_lang(lang);
        if (!tokens) {
          fmt::print("{}", text::normalize_text(input, l, fold).text);
          return 0;
        }
        std::string out;
        for (const auto& t : text::text_tokens(input, l, fold)) {
          out += fmt::format("{}\t{}\t{}{}\n", t.begin, t.end, t.text, t.bigram ? "\tbigram" : "");
        }
        fmt::print("{}", out);
        return 0;
      };
    });

}  // namespace
}  // namespace dipmine::cli
