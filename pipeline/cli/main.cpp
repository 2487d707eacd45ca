// dipmine: the command-line entry point. Parses the global options, dispatches
// to the registered subcommand, and turns errors into one line on stderr and
// an exit code (0 ok, 1 runtime error, 2 usage error).
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
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

}  // namespace dipmine::cli

int main(int argc, char** argv) {
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
    runs[sub] = c.setup(*sub, global);
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
    for (auto& [sub, run] : runs) {
      if (sub->parsed()) return run();
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
