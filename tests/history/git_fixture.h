// Test fixtures for history/: a throwaway git repository in a temporary directory, built with
// the git CLI (test set-up only; edict itself reads it through libgit2), and the edict binary.
#pragma once

#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace edict::testing {

namespace fs = std::filesystem;

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs a shell command; returns its exit status and (with `out`) its standard output, followed by
// its standard error when `with_stderr`.
inline int sh(const std::string& cmd, std::string* out = nullptr, bool with_stderr = false) {
  std::string redirect = std::string(out ? "" : " >/dev/null") + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* p = popen(("{ " + cmd + "; }" + redirect).c_str(), "r");
  if (p == nullptr) return -1;
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  int status = pclose(p);
  if (out) *out = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A unique empty directory, removed on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() / ("edict-history-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

// A git repository on branch main, with a fixed identity and no user or system configuration.
class TempRepo {
 public:
  TempRepo() {
    setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
    setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
    setenv("GIT_AUTHOR_NAME", "Ada Author", 1);
    setenv("GIT_AUTHOR_EMAIL", "ada@example.com", 1);
    setenv("GIT_COMMITTER_NAME", "Ada Author", 1);
    setenv("GIT_COMMITTER_EMAIL", "ada@example.com", 1);
    git("init -q -b main");
  }
  std::string path() const { return dir_.str(); }

  // Runs `git ARGS` in the repository; the test fails when git does.
  std::string git(const std::string& args) {
    std::string out;
    int rc = sh("cd " + shell_quote(path()) + " && git " + args, &out);
    INFO("git " << args);
    REQUIRE(rc == 0);
    return out;
  }

  void write(const std::string& rel, const std::string& text) {
    fs::path p = dir_.path() / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  void remove(const std::string& rel) { fs::remove(dir_.path() / rel); }

  // Commits everything in the work tree (even nothing) and returns the new commit's id.
  std::string commit(const std::string& message) {
    git("add -A");
    git("commit -q --allow-empty -m " + shell_quote(message));
    return head();
  }
  std::string head() { return rev("HEAD"); }
  std::string rev(const std::string& spec) {
    std::string id = git("rev-parse " + shell_quote(spec));
    return id.substr(0, id.find('\n'));
  }

 private:
  TempDir dir_;
};

// The edict binary next to the tests' build directory (build/edict for build/tests/*), or empty.
inline std::string edict_binary() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  fs::path exe = self.parent_path().parent_path() / "edict";
  return fs::exists(exe, ec) ? exe.string() : std::string();
}

}  // namespace edict::testing
