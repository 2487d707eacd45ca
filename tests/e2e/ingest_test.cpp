#include <catch2/catch.hpp>

#include "harness.h"

using e2e::Sandbox;

TEST_CASE("ingest of the shipped corpus adds 5, then 5 unchanged", "[ingest]") {
  Sandbox s;
  const std::string corpus = (e2e::source_dir() / "corpus").string();
  auto r = s.run({"ingest", corpus});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("5 added, 0 updated, 0 unchanged, 0 failed") != std::string::npos);
  r = s.run({"ingest", corpus});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("0 added, 0 updated, 5 unchanged, 0 failed") != std::string::npos);
}
