// Helpers shared by the loader tests: corpus paths, loading, and looking resources and edges up.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "loaders/loader.h"
#include "model/resource.h"
#include "tests/skip.h"

namespace edict::loaders::test {

inline std::string corpus_path(const std::string& relative) { return std::string(EDICT_CORPUS_DIR) + "/" + relative; }

// The real-data tests read the shared corpus; without it they are skipped (tests/skip.h).
inline bool have_corpus() {
  if (std::filesystem::is_directory(EDICT_CORPUS_DIR)) return true;
  edict::testing::skip_test(std::string("the corpus folder ") + EDICT_CORPUS_DIR + " is absent");
  return false;
}

// Loads one corpus file into `set` and finishes the set.
inline Format load_corpus(model::ResourceSet& set, const std::string& relative, const LoadOptions& opts = {}) {
  Format f = load_file(set, corpus_path(relative), opts);
  set.finish();
  return f;
}

inline const model::Resource& resource(const model::ResourceSet& set, std::string_view address) {
  const model::Resource* r = set.by_address(address);
  INFO("resource " << address);
  REQUIRE(r != nullptr);
  return *r;
}

// Attribute at a dotted path; numeric steps index lists. nullptr when absent.
inline const Value* attr(const model::Resource& r, std::string_view path) {
  const Value* v = &r.attrs;
  while (!path.empty() && v != nullptr) {
    size_t dot = path.find('.');
    std::string_view step = path.substr(0, dot);
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    if (v->is_list()) {
      size_t i = std::stoul(std::string(step));
      v = i < v->size() ? &v->as_list()[i] : nullptr;
    } else {
      v = v->find(step);
    }
  }
  return v;
}

// Addresses that `from` refers to at `path` (any path when empty), sorted.
inline std::vector<std::string> targets(const model::ResourceSet& set, std::string_view from, std::string_view path) {
  const model::Resource& r = resource(set, from);
  std::vector<uint32_t> ids = path.empty() ? set.targets(r.id) : set.targets(r.id, intern(path));
  std::vector<std::string> out;
  for (uint32_t id : ids) out.emplace_back(set.resources()[id].address);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

inline std::vector<std::string> strings(std::initializer_list<const char*> list) {
  std::vector<std::string> out(list.begin(), list.end());
  std::sort(out.begin(), out.end());
  return out;
}

// A scratch directory for files the tests write, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("edict_loaders_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string write(const std::string& name, std::string_view bytes) const {
    std::string p = (path_ / name).string();
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::filesystem::path path_;
};

}  // namespace edict::loaders::test
