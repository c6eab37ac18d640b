// The REPL as a person uses it: the real `edict repl` binary driven through a pseudo-terminal
// (forkpty), so libedit does the line editing. Covers Tab completion, an error followed by
// recovery, multi-line input, Ctrl-C, history across two sessions, :quit and Ctrl-D.
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kTimeoutMs = 10000;  // generous: a shared CI machine may be slow, success is fast

// One `edict repl` under a pseudo-terminal. Output is kept raw (with libedit's escape sequences);
// expect() looks for text after what earlier expect() calls consumed.
class Terminal {
 public:
  Terminal(const std::vector<std::string>& args, const fs::path& home) {
    winsize ws{};
    ws.ws_row = 40;
    ws.ws_col = 120;
    pid_ = forkpty(&fd_, nullptr, nullptr, &ws);
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      // The test framework's signal handling must not leak into the REPL (Ctrl-C is tested).
      sigset_t none;
      sigemptyset(&none);
      sigprocmask(SIG_SETMASK, &none, nullptr);
      for (int sig : {SIGINT, SIGTERM, SIGQUIT, SIGPIPE}) signal(sig, SIG_DFL);
      if (chdir(EDICT_SOURCE_DIR) != 0) _exit(127);
      setenv("HOME", home.c_str(), 1);
      setenv("EDICT_HISTORY", (home / "history").c_str(), 1);
      setenv("TERM", "xterm", 1);
      setenv("NO_COLOR", "1", 1);
      std::vector<char*> argv;
      std::string binary = EDICT_BINARY;
      argv.push_back(binary.data());
      std::vector<std::string> copy = args;
      for (std::string& a : copy) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
  }
  ~Terminal() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) close(fd_);
  }
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;

  void send(std::string_view keys) {
    while (!keys.empty()) {
      ssize_t n = write(fd_, keys.data(), keys.size());
      REQUIRE(n > 0);
      keys.remove_prefix(static_cast<size_t>(n));
    }
  }

  // Waits until `text` is in the output after the consumed part; consumes through it.
  bool expect(std::string_view text) {
    auto deadline = Clock::now() + std::chrono::milliseconds(kTimeoutMs);
    while (true) {
      size_t at = out_.find(text, consumed_);
      if (at != std::string::npos) {
        consumed_ = at + text.size();
        return true;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0 || !read_some(static_cast<int>(left))) {
        UNSCOPED_INFO("waiting for: " << std::string(text) << "\nunconsumed output:\n" << out_.substr(consumed_));
        return false;
      }
    }
  }

  // Waits for the process to end; its exit code, or -1 on timeout or a signal.
  int wait_exit() {
    auto deadline = Clock::now() + std::chrono::milliseconds(kTimeoutMs);
    while (Clock::now() < deadline) {
      int status = 0;
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        UNSCOPED_INFO("exit status " << status);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      read_some(50);  // drain, so the child never blocks writing
    }
    return -1;
  }

 private:
  // Reads what is available within `ms`; false at the end of output or on timeout.
  bool read_some(int ms) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, ms) <= 0) return false;
    char buf[4096];
    ssize_t n = read(fd_, buf, sizeof buf);
    if (n <= 0) return false;  // EIO once the child has gone
    out_.append(buf, static_cast<size_t>(n));
    return true;
  }

  int fd_ = -1;
  pid_t pid_ = -1;
  bool exited_ = false;
  std::string out_;
  size_t consumed_ = 0;
};

fs::path fresh_home(const std::string& name) {
  fs::path home = fs::temp_directory_path() / ("edict-repl-pty-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(home);
  fs::create_directories(home);
  return home;
}

}  // namespace

TEST_CASE("repl in a terminal: completion, errors and recovery, multi-line input, Ctrl-C, :quit") {
  fs::path home = fresh_home("session");
  Terminal t({"repl", "examples/plan.json"}, home);
  REQUIRE(t.expect("loaded 14 resources"));
  REQUIRE(t.expect("edict> "));

  // Tab completes the command and then the only address starting with aws_db.
  t.send(":sh\t");
  REQUIRE(t.expect("ow "));
  t.send("aws_db\t");
  REQUIRE(t.expect("_instance.app "));
  t.send("\r");
  REQUIRE(t.expect("type    aws_db_instance"));
  REQUIRE(t.expect("storage_encrypted: false"));
  REQUIRE(t.expect("edict> "));

  // Several candidates: Tab lists them under the line, the prompt and line come back.
  t.send(":use aws_s3_bucket.\t");
  REQUIRE(t.expect("aws_s3_bucket.assets"));
  REQUIRE(t.expect("aws_s3_bucket.logs"));
  t.send("lo\t\r");
  REQUIRE(t.expect("using aws_s3_bucket.logs"));
  REQUIRE(t.expect("edict(aws_s3_bucket.logs)> "));

  // Attribute names of the selected resource, bare and after `x.`.
  t.send("force_de\t");
  REQUIRE(t.expect("stroy"));
  t.send("\r");
  REQUIRE(t.expect("true\r\n"));
  t.send("tags_all.Pro\t");
  REQUIRE(t.expect("ject"));
  t.send("\r");
  REQUIRE(t.expect("\"webapp\"\r\n"));

  // Errors never end the session.
  t.send(":show aws_s3_bucket.log\r");
  REQUIRE(t.expect("did you mean 'aws_s3_bucket.logs'?"));
  t.send("1 +\r");
  REQUIRE(t.expect("   ...> "));
  t.send(")\r");
  REQUIRE(t.expect("error[E0101]"));
  REQUIRE(t.expect("^"));
  t.send("1 + 1\r");
  REQUIRE(t.expect("2\r\n"));

  // A rule typed over several lines is defined and run at once.
  t.send("rule logs-tagged {\r");
  REQUIRE(t.expect("   ...> "));
  t.send("  on aws_s3_bucket\r");
  REQUIRE(t.expect("   ...> "));
  t.send("  assert \"Owner\" in keys(tags ?? {}) else \"{@address} has no Owner tag\"\r");
  REQUIRE(t.expect("   ...> "));
  t.send("}\r");
  REQUIRE(t.expect("rule logs-tagged defined"));
  REQUIRE(t.expect("aws_s3_bucket.logs has no Owner tag"));

  // Ctrl-C drops an unfinished definition; the next input is read afresh.
  t.send("rule half {\r");
  REQUIRE(t.expect("   ...> "));
  t.send("\x03");
  REQUIRE(t.expect("edict(aws_s3_bucket.logs)> "));
  t.send("40 + 2\r");
  REQUIRE(t.expect("42\r\n"));

  t.send(":quit\r");
  CHECK(t.wait_exit() == 0);
  fs::remove_all(home);
}

TEST_CASE("repl in a terminal: history is kept across sessions") {
  fs::path home = fresh_home("history");
  {
    Terminal first({"repl"}, home);
    REQUIRE(first.expect("edict> "));
    first.send("6 * 7\r");
    REQUIRE(first.expect("42\r\n"));
    first.send(":quit\r");
    REQUIRE(first.wait_exit() == 0);
  }
  std::ifstream saved(home / "history");
  std::stringstream text;
  text << saved.rdbuf();
  CHECK(text.str().find("6") != std::string::npos);

  Terminal second({"repl"}, home);
  REQUIRE(second.expect("edict> "));
  // Up twice: past `:quit` to `6 * 7`, which runs again.
  second.send("\x1b[A");
  REQUIRE(second.expect(":quit"));
  second.send("\x1b[A");
  REQUIRE(second.expect("7"));
  second.send("\r");
  REQUIRE(second.expect("42\r\n"));
  REQUIRE(second.expect("edict> "));
  // Ctrl-D on an empty line ends the session too. libedit switches the terminal to raw mode just
  // after it shows the prompt; a ^D typed before that is the terminal's own end-of-file.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  second.send("\x04");
  CHECK(second.wait_exit() == 0);
  fs::remove_all(home);
}
