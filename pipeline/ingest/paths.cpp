// expand_paths (ingest.h): the files a list of paths and folders names, and
// what was skipped in them.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "ingest/ingest.h"

namespace dipmine::ingest {
namespace {

namespace fs = std::filesystem;

bool hidden(const fs::path& p) {
  const std::string n = p.filename().string();
  return !n.empty() && n[0] == '.';
}

bool is_metadata_file(const fs::path& p) {
  // The corpus manifest and README describe the corpus; they are not documents.
  const std::string n = p.filename().string();
  return n == "manifest.tsv" || n == "README.md";
}

// A browser's "save page, complete" writes page.html and page_files/ (its
// scripts, styles, images): that folder is the page's, not documents.
bool is_saved_page_resources(const fs::path& dir) {
  const std::string n = dir.filename().string();
  const std::string suffix = "_files";
  if (n.size() <= suffix.size() || n.compare(n.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
  const std::string stem = n.substr(0, n.size() - suffix.size());
  std::error_code ec;
  for (const char* ext : {".html", ".htm", ".xhtml", ".HTML", ".HTM"}) {
    if (fs::is_regular_file(dir.parent_path() / (stem + ext), ec)) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& paths,
                                      std::vector<std::string>& messages,
                                      std::vector<std::string>* notes, bool allow_special) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      messages.push_back(fmt::format("{}: cannot read: {}", p, ec.message()));
    } else if (fs::is_directory(st)) {
      std::vector<std::string> found;
      size_t hidden_entries = 0, special = 0, linked_folders = 0, page_resources = 0;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code entry_ec;
        const fs::file_status es = it->status(entry_ec);
        if (hidden(it->path())) {
          if (fs::is_directory(es)) it.disable_recursion_pending();
          ++hidden_entries;
          continue;
        }
        if (entry_ec) {  // a symlink loop or a dangling link: one line, the rest goes on
          messages.push_back(fmt::format("{}: cannot read: {}", it->path().string(),
                                         entry_ec == std::errc::no_such_file_or_directory
                                             ? "dangling symbolic link"
                                             : entry_ec.message()));
          continue;
        }
        if (fs::is_directory(es) && is_saved_page_resources(it->path())) {
          it.disable_recursion_pending();
          ++page_resources;
        } else if (fs::is_directory(es)) {
          linked_folders += it->is_symlink(entry_ec) ? 1 : 0;  // not followed (loops)
        } else if (fs::is_regular_file(es)) {
          if (!is_metadata_file(it->path())) found.push_back(it->path().string());
        } else if (allow_special) {
          found.push_back(it->path().string());
        } else {
          ++special;
        }
      }
      if (ec) messages.push_back(fmt::format("{}: cannot list folder: {}", p, ec.message()));
      if (notes != nullptr) {
        if (hidden_entries > 0) {
          notes->push_back(fmt::format("{}: skipped {} hidden file{} or folder{} (name starts with '.')",
                                       p, hidden_entries, hidden_entries == 1 ? "" : "s",
                                       hidden_entries == 1 ? "" : "s"));
        }
        if (special > 0) {
          notes->push_back(fmt::format("{}: skipped {} FIFO{}, device{} or socket{} (not regular "
                                       "files; --allow-special reads them)",
                                       p, special, special == 1 ? "" : "s", special == 1 ? "" : "s",
                                       special == 1 ? "" : "s"));
        }
        if (page_resources > 0) {
          notes->push_back(fmt::format("{}: skipped {} folder{} of saved web pages' scripts, styles and "
                                       "images (NAME_files beside NAME.html)",
                                       p, page_resources, page_resources == 1 ? "" : "s"));
        }
        if (linked_folders > 0) {
          notes->push_back(fmt::format("{}: skipped {} symbolic link{} to folders (not followed; "
                                       "give the folder itself)",
                                       p, linked_folders, linked_folders == 1 ? "" : "s"));
        }
      }
      if (found.empty() && !ec) messages.push_back(fmt::format("{}: folder has no file to ingest", p));
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(st)) {
      files.push_back(p);
    } else {
      messages.push_back(fmt::format("{}: no such file or folder", p));
    }
  }
  return files;
}

std::string default_manifest(const std::vector<std::string>& paths) {
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec) && fs::exists(fs::path(p) / "manifest.tsv", ec)) {
      return (fs::path(p) / "manifest.tsv").string();
    }
  }
  return {};
}

}  // namespace dipmine::ingest
