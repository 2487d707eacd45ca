// Reading a journal article in JATS XML (PubMed Central's .nxml, the
// publishers' XML of the NLM/JATS DTDs) into a document with its metadata.
//
//   DecodedFile f = read_jats("pone.0046493.nxml", utf8_xml);
//   // f.text: title, abstract, body paragraphs (blank lines between)
//   // f.title, f.year, f.doi, f.authors ("Family, Given; ..."), f.venue,
//   // f.keywords (kwd), f.index_keywords (article-categories subjects)
//
// Read: front/article-meta's article-title, contrib-group/contrib of type
// author (name: surname, given-names; or string-name, collab), pub-date
// (epub, ppub, pub or collection first; its year), article-id of
// pub-id-type doi, journal-title, kwd-group/kwd, subj-group subjects (not
// the "heading" group: "Research Article"), every <abstract> (its section
// titles and paragraphs) and <body>: each sec/title, p, list item, quote and
// figure, table or supplementary-material caption is a paragraph.
// Left out, with one note counting them: <back> (references, acknowledgements,
// footnotes, appendices), tables' cells (their captions are kept), figures'
// graphics and labels, formulas (inline and displayed: MathML and TeX make no
// readable text), sub-articles (peer reviews, replies).
// The markup arrives decoded to UTF-8; the DTD is never loaded (no network).
// Error when the XML cannot be parsed or holds no <article>.
// Safe from any thread. Built into the module dipmine-markup.so (libxml2).
#pragma once
#include <string>

#include "ingest/reader.h"

namespace dipmine::ingest {

DecodedFile read_jats(const std::string& path, const std::string& utf8);

}  // namespace dipmine::ingest
