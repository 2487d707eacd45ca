// Escaping for the markup dipmine writes: every label, title and key passes
// through here before it reaches SVG, HTML or XML, so `<script>` or `"&'` in a
// term comes out as text, never as markup.
//
//   out += "<text>" + xml_escape(label) + "</text>";
//   out += "<script type=\"application/json\">" + script_json(data) + "</script>";
//
// xml_escape: & < > " ' become entities; characters XML 1.0 forbids (C0
// controls other than tab, LF, CR; DEL is allowed) are dropped; invalid UTF-8
// bytes become U+FFFD. Good for element text and attribute values alike.
// script_json: compact JSON (UTF-8 kept) that is safe inside a <script>
// element: every < > & (they occur only inside JSON strings) and U+2028/U+2029
// are written as \u escapes, so neither `</script` nor `<!--` can appear and
// the data can neither close the element nor break the script; JSON.parse
// reads it back unchanged. Pure functions; thread-safe.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace dipmine::report {

std::string xml_escape(std::string_view text);
std::string script_json(const nlohmann::json& data);

}  // namespace dipmine::report
