// Internal to the bib module: what the JSON readers share.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "bib/entry.h"

namespace dipmine::bib::detail {

// A string, number or array of strings (joined by "; ") under `key`; "" else.
std::string str(const nlohmann::json& item, const char* key);
// CSL's issued: {"date-parts": [[2020, 5]]}, {"raw": "2020"} or {"literal": ...}.
std::string year_of(const nlohmann::json& item);
// The parsed document as an array of items with each item's line (an
// object is one item; Zotero's {"items"} and OpenAlex's {"results"} are
// looked into; JSON Lines too); false, with a message naming `what`, when
// the text is no JSON or holds no array.
bool parse_items(std::string_view text, Sink& sink, const char* what, nlohmann::json& doc,
                 std::vector<size_t>& lines);

}  // namespace dipmine::bib::detail
