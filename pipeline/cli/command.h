// Subcommands register themselves: each cli/<name>.cpp holds one static
// CommandRegistration that adds its options to the CLI11 app and returns the
// function to run. The CLI layer parses and formats; the work is a library call.
//
//   static CommandRegistration reg("stats", "Counts per language and year",
//       [](CLI::App& cmd, GlobalOptions& g) {
//         return [&g] { ...; return 0; };
//       });
//
// A command returns its exit code; it throws dipmine::UsageError for a bad
// argument (exit 2) and dipmine::Error for a runtime failure (exit 1).
#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipmine::cli {

struct GlobalOptions {
  std::string db_flag;  // --db; resolve with store::resolve_db_path
  std::string db_path() const;
};

using CommandRun = std::function<int()>;
using CommandSetup = std::function<CommandRun(CLI::App& cmd, GlobalOptions& global)>;

struct CommandRegistration {
  CommandRegistration(std::string name, std::string description, CommandSetup setup);
};

struct RegisteredCommand {
  std::string name, description;
  CommandSetup setup;
};
std::vector<RegisteredCommand>& registered_commands();

// True when stdout (fd 1) or stderr (fd 2) is a terminal.
bool is_terminal(int fd);

// A year in a table or listing: the number, or "-" when the record has none.
inline std::string year_text(const std::optional<int>& year) {
  return year ? std::to_string(*year) : "-";
}

// A document's or paragraph's language: a document none of whose paragraphs
// is in a script of fa, en or ja has none, and a blank cell would read as a
// broken row.
inline std::string lang_text(const std::string& lang) { return lang.empty() ? "unknown" : lang; }

// "dipmine: MESSAGE" on stderr, on one line (common/error.h one_line).
void print_message(std::string_view message);

// A CLI11 check for a whole number in [lo, hi]: "must be a whole number from
// 1 to 100000 (got 'abc')" (CLI11's Range says "not in range" of a word).
inline CLI::Validator whole_number(long long lo, long long hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        long long v = 0;
        size_t used = 0;
        try {
          v = std::stoll(text, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used == 0 || used != text.size() || v < lo || v > hi) {
          return "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                 " (got '" + text + "')";
        }
        return {};
      },
      "INT in [" + std::to_string(lo) + " - " + std::to_string(hi) + "]");
}

}  // namespace dipmine::cli
