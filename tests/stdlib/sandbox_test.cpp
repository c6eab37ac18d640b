// Rules cannot reach outside: no builtin reads files or the environment, opens sockets or runs
// commands. The libc entry points for those are interposed in this test binary, and every
// builtin's documented example runs through the compiler and the VM while they are watched.
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "compiler/compiler.h"
#include "tests/stdlib/helpers.h"
#include "vm/interpreter.h"

namespace {
std::atomic<bool> g_watching{false};
std::vector<std::string>& calls() {
  static std::vector<std::string> c;
  return c;
}
void note(const char* what, const char* arg) {
  if (g_watching.load()) {
    g_watching = false;  // recording allocates; nothing below must be caught again
    calls().push_back(std::string(what) + "(" + (arg ? arg : "") + ")");
    g_watching = true;
  }
}
template <class F>
F real(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}
}  // namespace

// Interposed for the whole process (they are defined in the executable); each forwards to libc.
extern "C" {
char* getenv(const char* name) {
  note("getenv", name);
  return real<char* (*)(const char*)>("getenv")(name);
}
char* secure_getenv(const char* name) {
  note("secure_getenv", name);
  return real<char* (*)(const char*)>("secure_getenv")(name);
}
int open(const char* path, int flags, ...) {
  note("open", path);
  va_list ap;
  va_start(ap, flags);
  mode_t mode = (flags & O_CREAT) ? static_cast<mode_t>(va_arg(ap, int)) : 0;
  va_end(ap);
  return real<int (*)(const char*, int, ...)>("open")(path, flags, mode);
}
int openat(int dir, const char* path, int flags, ...) {
  note("openat", path);
  va_list ap;
  va_start(ap, flags);
  mode_t mode = (flags & O_CREAT) ? static_cast<mode_t>(va_arg(ap, int)) : 0;
  va_end(ap);
  return real<int (*)(int, const char*, int, ...)>("openat")(dir, path, flags, mode);
}
FILE* fopen(const char* path, const char* mode) {
  note("fopen", path);
  return real<FILE* (*)(const char*, const char*)>("fopen")(path, mode);
}
int socket(int domain, int type, int protocol) {
  note("socket", nullptr);
  return real<int (*)(int, int, int)>("socket")(domain, type, protocol);
}
int connect(int fd, const struct sockaddr* addr, socklen_t len) {
  note("connect", nullptr);
  return real<int (*)(int, const struct sockaddr*, socklen_t)>("connect")(fd, addr, len);
}
int getaddrinfo(const char* node, const char* service, const struct addrinfo* hints, struct addrinfo** res) {
  note("getaddrinfo", node);
  return real<int (*)(const char*, const char*, const struct addrinfo*, struct addrinfo**)>("getaddrinfo")(
      node, service, hints, res);
}
int execve(const char* path, char* const argv[], char* const envp[]) {
  note("execve", path);
  return real<int (*)(const char*, char* const[], char* const[])>("execve")(path, argv, envp);
}
int system(const char* command) {
  note("system", command);
  return real<int (*)(const char*)>("system")(command);
}
FILE* popen(const char* command, const char* type) {
  note("popen", command);
  return real<FILE* (*)(const char*, const char*)>("popen")(command, type);
}
pid_t fork() {
  note("fork", nullptr);
  return real<pid_t (*)()>("fork")();
}
}

using namespace edict;

TEST_CASE("the interposed entry points do see a real call", "[stdlib][sandbox]") {
  // Without this, a broken interposition would make the next test pass vacuously.
  calls().clear();
  g_watching = true;
  (void)std::getenv("EDICT_SANDBOX_PROBE");
  FILE* f = std::fopen("/dev/null", "r");
  g_watching = false;
  if (f) std::fclose(f);
  REQUIRE(calls().size() == 2);
  CHECK(calls()[0] == "getenv(EDICT_SANDBOX_PROBE)");
  CHECK(calls()[1] == "fopen(/dev/null)");
}

TEST_CASE("every builtin's example runs without files, environment, network or commands", "[stdlib][sandbox]") {
  std::vector<std::string> ran;
  for (const stdlib::Builtin& b : stdlib::builtins()) {
    if (b.example.empty() || b.fn == nullptr) continue;
    auto sources = std::make_shared<lang::SourceManager>();
    uint32_t file = sources->add("<example>", std::string(b.example));
    lang::DiagnosticSink sink;
    compiler::ExpressionResult compiled = compiler::compile_expression(sources, file, sink);
    INFO(b.name << ": " << b.example);
    REQUIRE(compiled.program);
    model::ResourceSet set;
    set.finish();
    vm::Interpreter vm(*compiled.program, set, stdlib::testing::kNow);
    Value out;
    calls().clear();
    g_watching = true;
    bool ok = vm.run_value(compiled.entry, Value::null(), out);
    g_watching = false;
    CHECK(ok);
    CHECK(out.is_true());
    CHECK(calls().empty());
    for (const std::string& c : calls()) UNSCOPED_INFO(c);
    ran.emplace_back(b.name);
  }
  CHECK(ran.size() > 40);
}

TEST_CASE("only the clock builtins depend on more than their arguments", "[stdlib][sandbox]") {
  // `pure = false` is how a builtin says it reads something besides its arguments; the only such
  // thing a rule may read is the evaluation clock (EDICT_NOW, read once by the engine).
  std::vector<std::string> impure;
  for (const stdlib::Builtin& b : stdlib::builtins()) {
    if (!b.pure) impure.emplace_back(b.name);
  }
  CHECK(impure == std::vector<std::string>{"now", "age_days", "c7n_value"});  // value_type age, expiration
  // And no name suggests a way out, should one be added with pure = true by mistake.
  std::regex outside("(^|_)(file|read|open|env|getenv|exec|system|shell|command|http|fetch|socket|dns|"
                     "resolve|net_get|download|include|load|import|eval)($|_)");
  for (const stdlib::Builtin& b : stdlib::builtins()) {
    INFO(b.name);
    CHECK_FALSE(std::regex_search(std::string(b.name), outside));
  }
}
