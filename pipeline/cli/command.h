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

// "dipmine: MESSAGE" on stderr, on one line (common/error.h one_line).
void print_message(std::string_view message);

}  // namespace dipmine::cli
