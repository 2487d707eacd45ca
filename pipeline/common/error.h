// Errors that reach the user. Every module reports failure by throwing one of
// these with a one-line message that names the file, line or argument at fault;
// the CLI maps UsageError to exit code 2 and every other Error to exit code 1.
#pragma once
#include <stdexcept>
#include <string>

namespace dipmine {

// A runtime failure: unreadable file, corrupt database, bad data row (exit 1).
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The command line itself is wrong: bad flag value, malformed query (exit 2).
class UsageError : public Error {
 public:
  using Error::Error;
};

}  // namespace dipmine
