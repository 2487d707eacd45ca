// PubMed XML (efetch with retmode=xml; "PubMed XML" downloads):
// <PubmedArticleSet><PubmedArticle><MedlineCitation>... and
// <PubmedBookArticle><BookDocument>... Read with bib/mini_xml.h; the fields
// are those the MEDLINE text reader (medline.cpp) takes, so the same paper
// gives the same record from either export.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "bib/entry.h"
#include "bib/mini_xml.h"
#include "bib/readers.h"

namespace dipmine::bib::detail {
namespace {

std::string text_of(const XmlNode* n) { return squeeze(gather_text(n)); }

// "Family, Given" as MEDLINE's FAU writes it; a group by its name.
std::vector<std::string> authors_of(const XmlNode* list) {
  std::vector<std::string> out;
  if (list == nullptr) return out;
  for (const XmlNode* a : list->all("Author")) {
    std::string family = text_of(a->child("LastName")), given = text_of(a->child("ForeName"));
    if (given.empty()) given = text_of(a->child("Initials"));
    if (!family.empty()) out.push_back(given.empty() ? family : family + ", " + given);
    else if (std::string group = text_of(a->child("CollectiveName")); !group.empty()) out.push_back(group);
  }
  return out;
}

// A structured abstract's parts as paragraphs, each with its label
// ("BACKGROUND: ..."), as the MEDLINE text writes them.
std::string abstract_of(const XmlNode* abstract) {
  std::string out;
  if (abstract == nullptr) return out;
  for (const XmlNode* part : abstract->all("AbstractText")) {
    std::string text = text_of(part);
    if (text.empty()) continue;
    if (const std::string_view label = part->attribute("Label"); !label.empty()) {
      text = std::string(label) + ": " + text;
    }
    if (!out.empty()) out += "\n\n";
    out += text;
  }
  return out;
}

// The year of a <PubDate>: <Year>, else the first year of <MedlineDate>
// ("1998 Dec-1999 Jan").
std::string year_of(const XmlNode* date) {
  if (date == nullptr) return {};
  if (std::string y = text_of(date->child("Year")); !y.empty()) return y;
  const std::string m = text_of(date->child("MedlineDate"));
  for (size_t i = 0; i + 4 <= m.size(); ++i) {
    if (std::all_of(m.begin() + static_cast<std::ptrdiff_t>(i), m.begin() + static_cast<std::ptrdiff_t>(i) + 4,
                    [](char c) { return c >= '0' && c <= '9'; })) {
      return m.substr(i, 4);
    }
  }
  return {};
}

// The DOI of the paper itself: <ELocationID EIdType="doi">, else the
// <ArticleId IdType="doi"> of <PubmedData>'s own list (the references'
// lists name other papers' DOIs).
std::string doi_of(const XmlNode* article, const XmlNode* pubmed_data) {
  if (article != nullptr) {
    for (const XmlNode* e : article->all("ELocationID")) {
      if (e->attribute("EIdType") == "doi") return text_of(e);
    }
  }
  if (const XmlNode* ids = xml_at(pubmed_data, {"ArticleIdList"})) {
    for (const XmlNode* id : ids->all("ArticleId")) {
      if (id->attribute("IdType") == "doi") return text_of(id);
    }
  }
  return {};
}

void keywords_of(const XmlNode* citation, Entry& e) {
  for (const XmlNode* list : citation->all("KeywordList")) {
    for (const XmlNode* k : list->all("Keyword")) {
      if (std::string v = text_of(k); !v.empty()) e.author_keywords.push_back(std::move(v));
    }
  }
  if (const XmlNode* mesh = citation->child("MeshHeadingList")) {
    for (const XmlNode* h : mesh->all("MeshHeading")) {
      if (std::string v = text_of(h->child("DescriptorName")); !v.empty()) e.index_keywords.push_back(std::move(v));
    }
  }
}

Entry article_entry(const XmlNode* a) {
  Entry e;
  e.line = a->line;
  const XmlNode* citation = a->child("MedlineCitation");
  const XmlNode* article = xml_at(citation, {"Article"});
  e.id = text_of(xml_at(citation, {"PMID"}));
  e.title = text_of(xml_at(article, {"ArticleTitle"}));
  if (e.title.empty()) e.title = text_of(xml_at(article, {"VernacularTitle"}));
  e.abstract = abstract_of(xml_at(article, {"Abstract"}));
  e.venue = text_of(xml_at(article, {"Journal", "Title"}));
  if (e.venue.empty()) e.venue = text_of(xml_at(article, {"Journal", "ISOAbbreviation"}));
  e.year = year_of(xml_at(article, {"Journal", "JournalIssue", "PubDate"}));
  if (e.year.empty()) e.year = year_of(xml_at(article, {"ArticleDate"}));
  e.authors = authors_of(xml_at(article, {"AuthorList"}));
  e.language = text_of(xml_at(article, {"Language"}));
  e.doi = doi_of(article, a->child("PubmedData"));
  if (citation != nullptr) keywords_of(citation, e);
  return e;
}

Entry book_entry(const XmlNode* a) {
  Entry e;
  e.line = a->line;
  const XmlNode* doc = a->child("BookDocument");
  e.id = text_of(xml_at(doc, {"PMID"}));
  e.title = text_of(xml_at(doc, {"ArticleTitle"}));
  if (e.title.empty()) e.title = text_of(xml_at(doc, {"Book", "BookTitle"}));
  e.abstract = abstract_of(xml_at(doc, {"Abstract"}));
  e.venue = e.title == text_of(xml_at(doc, {"Book", "BookTitle"})) ? std::string()
                                                                     : text_of(xml_at(doc, {"Book", "BookTitle"}));
  e.year = year_of(xml_at(doc, {"Book", "PubDate"}));
  e.authors = authors_of(xml_at(doc, {"AuthorList"}));
  if (e.authors.empty()) e.authors = authors_of(xml_at(doc, {"Book", "AuthorList"}));
  e.language = text_of(xml_at(doc, {"Language"}));
  e.doi = doi_of(nullptr, a->child("PubmedBookData"));
  if (const XmlNode* ids = xml_at(doc, {"ArticleIdList"}); e.doi.empty() && ids != nullptr) {
    for (const XmlNode* id : ids->all("ArticleId")) {
      if (id->attribute("IdType") == "doi") e.doi = text_of(id);
    }
  }
  if (doc != nullptr) keywords_of(doc, e);
  return e;
}

// The articles and book articles below `n`, in document order.
void articles_in(const XmlNode& n, std::vector<const XmlNode*>& out) {
  for (const auto& c : n.children) {
    if (c->name == "PubmedArticle" || c->name == "PubmedBookArticle") out.push_back(c.get());
    else if (!c->name.empty()) articles_in(*c, out);
  }
}

}  // namespace

void read_pubmed_xml(std::string_view text, Sink& sink) {
  const std::unique_ptr<XmlNode> root = parse_export_xml(text, sink);
  if (!root) return;
  std::vector<const XmlNode*> articles;
  articles_in(*root, articles);
  for (const XmlNode* a : articles) {
    Entry e = a->name == "PubmedArticle" ? article_entry(a) : book_entry(a);
    if (!e.id.empty()) e.url = fmt::format("https://pubmed.ncbi.nlm.nih.gov/{}/", e.id);
    sink.add(std::move(e));
  }
}

}  // namespace dipmine::bib::detail
