// Which reader a file goes to, judged from its first bytes and its name.
//
//   const InputFormat f = detect_format("page.htm", first_64k);   // InputFormat::html
//   std::string cs = html_declared_charset(first_64k);             // "windows-1256", or ""
//
// Content first: "%PDF-" is PDF; a ZIP archive ("PK\3\4") is an office
// document (Word .docx or OpenDocument .odt; office_reader.h tells which from
// its parts); an OLE2 compound file is an old binary .doc or a
// password-protected Office file, neither of which is read; text that starts
// (after a BOM, white space, an XML declaration and comments) with
// <!DOCTYPE html, <html, <head or <body is HTML. RTF ("{\rtf") and MHTML (a
// page saved as one file: .mht/.mhtml, or a MIME multipart/related message)
// are recognised so that they are refused by name instead of being stored as
// their markup. XML whose first element is <article> with a JATS/NLM
// doctype or a <front> (or a <pmc-articleset>) is a JATS article (PubMed
// Central .nxml), whatever its name. Then the name: .pdf, .docx, .odt, .html/.htm/.xhtml; .md is
// markdown; anything else is plain text.
// Pure functions; safe from any thread.
#pragma once
#include <string>
#include <string_view>

namespace dipmine::ingest {

enum class InputFormat { text, markdown, pdf, html, office, ole2, rtf, mhtml, jats };

InputFormat detect_format(const std::string& path, std::string_view head);

// The charset an HTML page declares in its first 4 KB: <meta charset=...> or
// <meta http-equiv="Content-Type" content="...; charset=...">, as ICU names
// it ("UTF-8", "windows-1256", "Shift_JIS", ...); ISO-8859-1 and US-ASCII
// read as windows-1252, as browsers do. "" when there is no declaration.
std::string html_declared_charset(std::string_view head);

// The lower-cased extension of `path` with its dot (".html"), or "".
std::string lower_extension(const std::string& path);

}  // namespace dipmine::ingest
