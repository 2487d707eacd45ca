// Reading a web page (HTML saved from a browser) into the text a reader sees.
//
//   DecodedFile f = read_html("page.html", utf8_markup);
//   // f.text: paragraphs separated by blank lines; f.title: <title>, else the first <h1>
//   // f.notes: how many blocks of page furniture were left out
//
// The markup arrives already decoded to UTF-8 (reader.cpp chooses the
// charset: BOM, then the page's <meta> declaration, then detection) and is
// parsed with libxml2's HTML parser, which mends broken markup as browsers do
// and decodes entities. Left out: <head> (its <title> becomes the title),
// script, style, noscript, template, svg, math, canvas, iframe, object,
// audio, video, select, textarea, button, comments, ruby readings (rt, rtc)
// and their fallback parentheses (rp), counted in a note; elements with the
// `hidden` attribute or an inline style display:none; and the page's
// furniture (ingest/html_furniture.h: menus, banners, footers, share, comment
// and ad blocks, marked by element, role, class or id, or lists of links),
// counted in a note with its characters. When that leaves under 500
// characters, parts marked only by class or id (or lists of links) stay;
// when the landmarks alone leave nothing, everything stays.
// Block elements (p, div, li, h1-h6, tr, blockquote, section, article, ...)
// end a paragraph; white space inside a paragraph collapses to one space, as
// on screen, except in <pre>. One <br> is a line break (the paragraph goes on
// unless the line ends a sentence: ingest/paragraphs.h); two are a paragraph
// break. Table cells are apart by a space, rows by a paragraph break. Two
// numbers in neighbouring elements (`24</time><span>4`) are apart by a space:
// the page's style lays them apart, and a number made of both is on no page.
// Pages pasted together keep all their text: a <!DOCTYPE> after the first
// tag is ignored (libxml2 would stop there), and the walk starts at the
// document, not its first <html>.
// Safe from any thread. Built into the module dipmine-markup.so (libxml2),
// loaded at the first HTML or office document (common/modules.h).
#pragma once
#include <string>

#include "ingest/reader.h"

namespace dipmine::ingest {

// `charset` is left to the caller. Error when the markup cannot be parsed
// at all (libxml2 mends almost anything) or holds no text.
// `keep_page_furniture`: leave nothing out as furniture (`ingest
// --keep-page-furniture`).
DecodedFile read_html(const std::string& path, const std::string& utf8, bool keep_page_furniture = false);

}  // namespace dipmine::ingest
