#include "store/store_state.h"

namespace dipmine::store {

std::optional<std::string> get_state(Database& db, const std::string& key) {
  Statement q(db, "SELECT value FROM store_state WHERE key = ?");
  q.bind(1, key);
  if (!q.step()) return std::nullopt;
  return q.column_text(0);
}

void set_state(Database& db, const std::string& key, const std::string& value) {
  Statement q(db, "INSERT OR REPLACE INTO store_state(key, value) VALUES(?, ?)");
  q.bind(1, key).bind(2, value);
  q.run();
}

std::vector<std::pair<std::string, std::string>> states_with_prefix(Database& db,
                                                                    const std::string& prefix) {
  // Keys from `prefix` up to (not including) the next string after every key
  // with that prefix: prefix + U+10FFFF's last byte is past any UTF-8 text.
  Statement q(db, "SELECT key, value FROM store_state WHERE key >= ? AND key < ? ORDER BY key");
  q.bind(1, prefix).bind(2, prefix + "\xff");
  std::vector<std::pair<std::string, std::string>> out;
  while (q.step()) out.emplace_back(q.column_text(0), q.column_text(1));
  return out;
}

}  // namespace dipmine::store
