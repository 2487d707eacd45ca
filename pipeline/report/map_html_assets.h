// The inline CSS and JavaScript of map.html (see report/map_html.h). Kept in a
// file of their own so the page logic reads as one piece.
#pragma once

namespace dipmine::report {

const char* map_html_css();
const char* map_html_js();

}  // namespace dipmine::report
