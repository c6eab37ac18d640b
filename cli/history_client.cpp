// Running the history commands in `edict-history` (cli/history_client.h): exec for `stream` and
// `diff`, a child process for `evaluate --changed-since`, whose rule paths and ids come back on a
// pipe as NUL-terminated records ("P" path, "I" id).
#include "cli/history_client.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include "cli/history_commands.h"

extern char** environ;

namespace edict::cli {

namespace fs = std::filesystem;

std::string history_helper(std::string& looked) {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) {
    looked = "/proc/self/exe (" + ec.message() + ")";
    return "";
  }
  looked.clear();
  for (const fs::path& candidate : {self.parent_path() / "edict-history",
                                    self.parent_path() / EDICT_LIBEXEC_FROM_BIN / "edict-history"}) {
    fs::path p = candidate.lexically_normal();
    if (::access(p.c_str(), X_OK) == 0) return p.string();
    looked += (looked.empty() ? "" : ", ") + p.string();
  }
  return "";
}

namespace {

int missing_helper(const std::string& what, const std::string& looked) {
  std::cerr << "edict: error: " << what << " runs in edict-history, which is not installed with this edict (looked for "
            << looked << ")\n";
  return 2;
}

}  // namespace

int run_history(int argc, char** argv) {
  std::string looked;
  std::string helper = history_helper(looked);
  std::string what = std::string("edict ") + (argc > 1 ? argv[1] : "stream");
  if (helper.empty()) return missing_helper(what, looked);
  std::vector<char*> args(argv, argv + argc);
  args.push_back(nullptr);
  std::cout.flush();
  ::execv(helper.c_str(), args.data());
  std::cerr << "edict: error: could not run " << helper << ": " << std::strerror(errno) << "\n";
  return 2;
}

int changed_rules_since(const std::string& rev, std::vector<std::string>& rule_paths, std::vector<std::string>& ids) {
  std::string looked;
  std::string helper = history_helper(looked);
  if (helper.empty()) return missing_helper("evaluate --changed-since", looked);
  std::vector<std::string> words = {helper, "__changed-since", rev, "--"};
  words.insert(words.end(), rule_paths.begin(), rule_paths.end());
  std::vector<char*> args;
  for (std::string& w : words) args.push_back(w.data());
  args.push_back(nullptr);

  int fds[2];
  if (::pipe(fds) != 0) {
    std::cerr << "edict: error: could not create a pipe: " << std::strerror(errno) << "\n";
    return 2;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, helper.c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    std::cerr << "edict: error: could not run " << helper << ": " << std::strerror(rc) << "\n";
    return 2;
  }
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n > 0) {
      out.append(buf, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status)) {
    std::cerr << "edict: error: " << helper << " stopped by signal " << WTERMSIG(status) << "\n";
    return 2;
  }
  if (WEXITSTATUS(status) != 0) return WEXITSTATUS(status);  // it said why on stderr
  std::vector<std::string> paths;
  ids.clear();
  for (size_t start = 0; start < out.size();) {
    size_t end = out.find('\0', start);
    if (end == std::string::npos || (out[start] != 'P' && out[start] != 'I')) {
      std::cerr << "edict: error: " << helper << " gave a malformed answer to __changed-since\n";
      return 2;
    }
    std::string record = out.substr(start + 1, end - start - 1);
    (out[start] == 'P' ? paths : ids).push_back(std::move(record));
    start = end + 1;
  }
  rule_paths = std::move(paths);
  return 0;
}

}  // namespace edict::cli
