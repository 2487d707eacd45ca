// Errors that reach the user. Every module reports failure by throwing one of
// these with a one-line message that names the file, line or argument at fault;
// the CLI maps UsageError to exit code 2 and every other Error to exit code 1.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

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

// `text` on one line, as every message must be: control characters (a
// newline or tab in a file name) become \n, \r, \t or \xNN.
inline std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7F) {
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace dipmine
