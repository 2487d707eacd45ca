// dipmine: the command-line entry point. Parses the global options, dispatches
// to the registered subcommand, and turns errors into one line on stderr and
// an exit code (0 ok, 1 runtime error, 2 usage error).
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>

#include "cli/command.h"
#include "common/error.h"
#include "store/corpus.h"

namespace dipmine::cli {

std::string GlobalOptions::db_path() const { return store::resolve_db_path(db_flag); }

std::vector<RegisteredCommand>& registered_commands() {
  static std::vector<RegisteredCommand> list;
  return list;
}

CommandRegistration::CommandRegistration(std::string name, std::string description,
                                         CommandSetup setup) {
  registered_commands().push_back({std::move(name), std::move(description), std::move(setup)});
}

bool is_terminal(int fd) { return isatty(fd) == 1; }

void print_message(std::string_view message) {
  fmt::print(stderr, "dipmine: {}\n", one_line(message));
}

// The subcommand the command line names: the first argument that is not an
// option or the value of --db (the only global option that takes one). Only
// that subcommand's options are built (CLI11 objects, their defaults and
// checks); the others are added by name and description, which is all that
// `dipmine --help` and CLI11's errors show. "" when there is none.
std::string named_command(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--db") {
      ++i;
    } else if (arg == "--") {
      return i + 1 < argc ? argv[i + 1] : "";
    } else if (arg.empty() || arg[0] != '-') {
      return std::string(arg);
    }
  }
  return "";
}

}  // namespace dipmine::cli

namespace {

// Parses and runs the command line with the options of the subcommand `named`
// built ("*": of all of them).
int run_command_line(int argc, char** argv, const std::string& named) {
  using namespace dipmine;
  CLI::App app{"dipmine: text mining for city-diplomacy research (fa, en, ja)", "dipmine"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dipmine 0.1");
  cli::GlobalOptions global;
  app.add_option("--db", global.db_flag, "Database path (default: $DIPMINE_DB or ./dipmine.db)")
      ->envname("")
      ->trigger_on_parse(false);

  auto& commands = cli::registered_commands();
  std::sort(commands.begin(), commands.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  std::map<CLI::App*, cli::CommandRun> runs;
  for (auto& c : commands) {
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    sub->fallthrough();
    if (named == "*" || c.name == named) runs[sub] = c.setup(*sub, global);
  }

  // A word that names no command is said as such (CLI11 would say "A
  // subcommand is required").
  if (!named.empty() && named != "*" &&
      std::none_of(commands.begin(), commands.end(), [&](const auto& c) { return c.name == named; })) {
    std::string names;
    for (const auto& c : commands) names += (names.empty() ? "" : ", ") + c.name;
    cli::print_message(fmt::format("unknown command '{}' (the commands: {}; see dipmine --help)",
                                   one_line(named), names));
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    std::replace(what.begin(), what.end(), '\n', ' ');
    cli::print_message(what + " (see dipmine --help)");
    return 2;
  }
  try {
    for (CLI::App* sub : app.get_subcommands()) {
      const auto run = runs.find(sub);
      // CLI11 read another subcommand than named_command saw: build them all.
      if (run == runs.end()) return named == "*" ? 2 : run_command_line(argc, argv, "*");
      return run->second();
    }
    return 2;
  } catch (const UsageError& e) {
    cli::print_message(e.what());
    return 2;
  } catch (const Error& e) {
    cli::print_message(e.what());
    return 1;
  } catch (const std::exception& e) {
    cli::print_message(std::string("internal error: ") + e.what());
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Tesseract (the OCR module, loaded by the first scanned PDF page) runs its
  // recognition with OpenMP threads; ingest already reads files in parallel,
  // and on a busy 2-core machine the extra threads made one page 2.5x slower
  // in wall time (24.7 s against 9.6 s). OpenMP reads this when the module is
  // loaded; it is set here, before any thread exists, as setenv must be. A
  // user's own value stays.
  setenv("OMP_THREAD_LIMIT", "1", 0);
  return run_command_line(argc, argv, dipmine::cli::named_command(argc, argv));
}
