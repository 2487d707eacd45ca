// map.html: the co-occurrence map as one self-contained, interactive page.
//
//   HtmlOptions opt;  opt.title = "City diplomacy";  opt.mode = ColorMode::cluster;
//   write_file("map.html", map_html(map, opt));
//
// Everything is inline (data as JSON, CSS, JavaScript); the page makes no
// network request. It draws the map in SVG and offers: zoom (wheel) and pan
// (drag); hover on a node to highlight its links and show its counts; a
// search box that marks matching labels; a switch between cluster, year and
// language colouring (colours computed here, as in map.svg); a click on a node
// that lists the documents it occurs in (at most MapOptions::max_docs_per_node).
// Labels are shown largest first where they do not overlap at the current zoom.
// The data carries the `max_links` heaviest links (all of them highlight on
// hover); `draw_links` of those are drawn at rest.
// Self-test: opened with the URL hash #selftest, the page simulates a hover,
// a search, a colour switch, a click and a zoom, checks the DOM after each, and
// appends <pre id="selftest"> starting "SELFTEST PASS" or "SELFTEST FAIL"
// followed by one line per check (tests/browser runs it in headless Chromium).
// Every text reaches the page escaped: markup via xml_escape, data via
// script_json, and the script inserts labels and titles with textContent only.
// Deterministic; thread-safe.
#pragma once
#include <string>

#include "analysis/map.h"
#include "report/map_style.h"

namespace dipmine::report {

struct HtmlOptions {
  ColorMode mode = ColorMode::cluster;  // the colouring shown first
  std::string title = "Co-occurrence map";
  std::string caption;
  size_t max_links = 5000;
  size_t draw_links = 1000;
};

std::string map_html(const analysis::Map& map, const HtmlOptions& options);

}  // namespace dipmine::report
