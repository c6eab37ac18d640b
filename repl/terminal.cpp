// libedit front end (native histedit API) and the plain stdin loop. Ctrl-C drops the line being
// typed (and an unfinished definition); Ctrl-D or :quit ends the session; history is saved after
// every line, so it survives a killed terminal too.
#include "repl/terminal.h"

#include <histedit.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <clocale>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cwchar>
#include <iostream>

#include "repl/internal/render.h"

namespace edict::repl {

namespace {

// Ctrl-C. SIGINT stays blocked except while read_char() waits for a key (ppoll unblocks it
// atomically), so an interrupt that arrives at any moment, even while a line runs or between two
// el_gets() calls, ends the next wait instead of being lost.
volatile std::sig_atomic_t g_interrupted = 0;
sigset_t g_wait_mask;  // the mask while waiting: SIGINT unblocked
extern "C" void on_interrupt(int) { g_interrupted = 1; }

// libedit's character reader (EL_GETCFN): one UTF-8 character from stdin; -1 with errno EINTR
// after Ctrl-C, 0 at the end of input.
int read_char(EditLine*, wchar_t* out) {
  std::mbstate_t state{};
  while (true) {
    if (g_interrupted) {
      errno = EINTR;
      return -1;
    }
    pollfd p{STDIN_FILENO, POLLIN, 0};
    if (ppoll(&p, 1, nullptr, &g_wait_mask) < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    char byte = 0;
    ssize_t n = read(STDIN_FILENO, &byte, 1);
    if (n == 0) return 0;
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return -1;
    }
    wchar_t wc = 0;
    size_t k = std::mbrtowc(&wc, &byte, 1, &state);
    if (k == static_cast<size_t>(-2)) continue;  // inside a multibyte character
    if (k == static_cast<size_t>(-1)) {          // not valid in the locale: pass the byte on
      state = {};
      wc = static_cast<unsigned char>(byte);
    }
    *out = wc;
    return 1;
  }
}

struct Editor {
  Session& session;
  std::string prompt;  // keeps the text the prompt callback returns alive
};

Editor& editor_of(EditLine* el) {
  void* data = nullptr;
  el_get(el, EL_CLIENTDATA, &data);
  return *static_cast<Editor*>(data);
}

char* prompt(EditLine* el) {
  Editor& ed = editor_of(el);
  ed.prompt = ed.session.prompt();
  return ed.prompt.data();
}

size_t terminal_width() {
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

std::string common_prefix(const std::vector<std::string>& words) {
  std::string prefix = words.front();
  for (const std::string& w : words) {
    size_t n = 0;
    while (n < prefix.size() && n < w.size() && prefix[n] == w[n]) ++n;
    prefix.resize(n);
  }
  return prefix;
}

// Tab: insert what all candidates share; when that adds nothing, list them under the line.
unsigned char complete(EditLine* el, int) {
  Editor& ed = editor_of(el);
  const LineInfo* li = el_line(el);
  std::string_view before(li->buffer, static_cast<size_t>(li->cursor - li->buffer));
  Completion c = ed.session.complete(before);
  if (c.candidates.empty()) return CC_ERROR;
  size_t typed = before.size() - c.start;
  std::string insert = common_prefix(c.candidates).substr(std::min(typed, common_prefix(c.candidates).size()));
  if (c.candidates.size() == 1 && c.append_space) insert += ' ';
  if (!insert.empty()) {
    el_insertstr(el, insert.c_str());
    return CC_REFRESH;
  }
  if (c.candidates.size() == 1) return CC_NORM;
  std::fputs(("\n" + internal::columns(c.candidates, terminal_width() - 1)).c_str(), stdout);
  std::fflush(stdout);
  return CC_REDISPLAY;
}

std::string_view without_newline(const char* line, int count) {
  std::string_view s(line, static_cast<size_t>(count));
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

int run_editor(Session& session) {
  Editor ed{session, {}};
  std::setlocale(LC_CTYPE, "");  // UTF-8 input and output, as the terminal has it
  EditLine* el = el_init("edict", stdin, stdout, stderr);
  if (el == nullptr) return -1;
  History* hist = history_init();
  HistEvent ev;
  history(hist, &ev, H_SETSIZE, 1000);
  history(hist, &ev, H_SETUNIQUE, 1);
  const std::string& path = session.history_path();
  if (!path.empty()) history(hist, &ev, H_LOAD, path.c_str());  // a missing file is a new history

  el_set(el, EL_CLIENTDATA, &ed);
  el_set(el, EL_EDITOR, "emacs");
  el_set(el, EL_SIGNAL, 1);  // libedit restores the terminal around signals and tracks resizes
  el_set(el, EL_PROMPT, prompt);
  el_set(el, EL_GETCFN, read_char);
  el_set(el, EL_HIST, history, hist);
  el_set(el, EL_ADDFN, "edict-complete", "Complete the word before the cursor", complete);
  el_set(el, EL_BIND, "^I", "edict-complete", nullptr);
  el_source(el, nullptr);  // the user's ~/.editrc, if any

  struct sigaction on_int{}, old_int{};
  on_int.sa_handler = on_interrupt;
  sigemptyset(&on_int.sa_mask);
  sigaction(SIGINT, &on_int, &old_int);
  sigset_t sigint, old_mask;
  sigemptyset(&sigint);
  sigaddset(&sigint, SIGINT);
  sigprocmask(SIG_BLOCK, &sigint, &old_mask);
  g_wait_mask = old_mask;
  sigdelset(&g_wait_mask, SIGINT);

  while (!session.done()) {
    int count = 0;
    const char* line = el_gets(el, &count);
    if (g_interrupted) {
      g_interrupted = 0;
      session.cancel_input();
      std::fputs("\n", stdout);
      el_reset(el);
      continue;
    }
    if (line == nullptr || count <= 0) {
      std::fputs("\n", stdout);  // Ctrl-D: leave the prompt line
      break;
    }
    std::string text(without_newline(line, count));
    if (text.find_first_not_of(" \t") != std::string::npos) {
      history(hist, &ev, H_ENTER, text.c_str());
      if (!path.empty()) history(hist, &ev, H_SAVE, path.c_str());
    }
    std::fputs(session.execute(text).c_str(), stdout);
    std::fflush(stdout);
  }
  std::fputs(session.finish().c_str(), stdout);
  std::fflush(stdout);
  sigprocmask(SIG_SETMASK, &old_mask, nullptr);
  sigaction(SIGINT, &old_int, nullptr);
  history_end(hist);
  el_end(el);
  return 0;
}

}  // namespace

bool interactive() { return isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0; }

int run(Session& session, const std::string& greeting, bool use_terminal) {
  std::cout << greeting << std::flush;
  if (use_terminal) {
    session.set_color(std::getenv("NO_COLOR") == nullptr || *std::getenv("NO_COLOR") == '\0');
    int code = run_editor(session);
    if (code >= 0) return code;
  }
  std::string line;
  while (!session.done() && std::getline(std::cin, line)) std::cout << session.execute(line) << std::flush;
  std::cout << session.finish() << std::flush;
  return session.error_count() > 0 ? 1 : 0;
}

}  // namespace edict::repl
