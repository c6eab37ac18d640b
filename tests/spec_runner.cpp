// Runs the spec tests: data files under tests/spec/ executed through the edict CLI.
//   *.edict  with `# input:` lines: `edict evaluate --format json`; `# expect: RULE ADDRESS STATUS`
//            lines must match the results exactly (plus optional expect-why / expect-message /
//            expect-unknown / exit lines).
//   *.edict  without `# input:`: `edict check FILE`, compared with the golden FILE.expected.
//   *.test   expression tests, one per line: `EXPR => VALUE` (or `EXPR =>! error text`), run with
//            `edict eval`; `# input: FILE` applies to the lines after it.
//   *.cmd    `# args: ...` (and optional `# stdin: FILE`): any command line, compared with the
//            golden FILE.expected (exit code, stdout, stderr). `# file: NAME` lines add files the
//            command writes (e.g. --output reports) to the golden; they are deleted afterwards.
// Every command runs in the spec file's directory, so paths in goldens are relative.
// Usage: edict_spec --edict PATH [--update-golden] DIR_OR_FILE...
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string g_edict;
bool g_update = false;

struct Run {
  int exit = 0;
  std::string out, err;
  std::string files;  // `# file:` outputs, rendered for the golden
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Splits a command line on spaces, honouring double quotes. A quote that opens a word delimits
// it and is dropped ("two words"); quotes inside a word are kept, so that addresses such as
// module.m["a"].aws_s3_bucket.b can be written as they are (spaces between them still count).
std::vector<std::string> split_args(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  bool in_quotes = false, have = false, delimiting = false;
  for (char c : s) {
    if (c == '"' && (!have || delimiting)) {
      in_quotes = !in_quotes;
      delimiting = in_quotes;
      have = true;
    } else if (c == '"') {
      in_quotes = !in_quotes;
      cur += c;
    } else if (c == ' ' && !in_quotes) {
      if (have) out.push_back(cur);
      cur.clear();
      have = false;
    } else {
      cur += c;
      have = true;
    }
  }
  if (have) out.push_back(cur);
  return out;
}

Run run(const fs::path& dir, const std::vector<std::string>& args, const std::string& stdin_file = "") {
  char out_name[] = "/tmp/edict-spec-out-XXXXXX";
  char err_name[] = "/tmp/edict-spec-err-XXXXXX";
  int fo = mkstemp(out_name), fe = mkstemp(err_name);
  close(fo);
  close(fe);
  std::string cmd = "cd " + quote(dir.string()) + " && NO_COLOR=1 EDICT_NOW=2026-01-01T00:00:00Z timeout 60 " + quote(g_edict);
  for (const std::string& a : args) cmd += " " + quote(a);
  cmd += " < " + (stdin_file.empty() ? std::string("/dev/null") : quote(stdin_file));
  cmd += " > " + std::string(out_name) + " 2> " + std::string(err_name);
  int status = std::system(cmd.c_str());
  Run r;
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out_name);
  r.err = slurp(err_name);
  fs::remove(out_name);
  fs::remove(err_name);
  return r;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\n' || s.back() == '\t')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return s.substr(i);
}

bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

struct Outcome {
  bool ok = true;
  std::vector<std::string> problems;
  void fail(std::string p) {
    ok = false;
    problems.push_back(std::move(p));
  }
};

std::string render_golden(const Run& r) {
  return "exit: " + std::to_string(r.exit) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err + r.files;
}

void compare_golden(const fs::path& file, const Run& r, Outcome& o) {
  fs::path golden = file;
  golden += ".expected";
  std::string actual = render_golden(r);
  if (g_update) {
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  if (!fs::exists(golden)) {
    o.fail("missing golden file " + golden.string() + " (run with --update-golden)");
    return;
  }
  std::string expected = slurp(golden);
  if (expected != actual) o.fail("output differs from " + golden.filename().string() + ":\n--- expected\n" + expected + "--- actual\n" + actual);
}

void run_rule_spec(const fs::path& file, Outcome& o) {
  std::string text = slurp(file);
  std::istringstream in(text);
  std::string line;
  std::vector<std::string> inputs, extra;
  std::set<std::string> expected;
  std::vector<std::array<std::string, 3>> why, message, unknown;
  int exit_expected = -1;
  while (std::getline(in, line)) {
    line = trim(line);
    if (!starts_with(line, "#")) continue;
    std::string body = trim(line.substr(1));
    auto arg = [&](const char* key) { return trim(body.substr(std::string(key).size())); };
    if (starts_with(body, "input:")) {
      inputs.push_back(arg("input:"));
    } else if (starts_with(body, "args:")) {
      for (const std::string& a : split_args(arg("args:"))) extra.push_back(a);
    } else if (starts_with(body, "expect:")) {
      auto parts = split_args(arg("expect:"));
      if (parts.size() != 3) {
        o.fail("bad expect line: " + line);
        continue;
      }
      expected.insert(parts[0] + " " + parts[1] + " " + parts[2]);
    } else if (starts_with(body, "exit:")) {
      exit_expected = std::stoi(arg("exit:"));
    } else {
      for (auto [key, list] : {std::pair{"expect-why:", &why}, {"expect-message:", &message}, {"expect-unknown:", &unknown}}) {
        if (!starts_with(body, key)) continue;
        std::string rest = arg(key);
        auto parts = split_args(rest);
        if (parts.size() < 3) {
          o.fail(std::string("bad ") + key + " line: " + line);
          break;
        }
        size_t skip = rest.find(parts[1]) + parts[1].size();
        list->push_back({parts[0], parts[1], trim(rest.substr(skip))});
      }
    }
  }
  std::vector<std::string> args = {"evaluate", "--format", "json", "--rules", file.filename().string()};
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.end(), inputs.begin(), inputs.end());
  Run r = run(file.parent_path(), args);
  if (r.exit == 2) {
    o.fail("edict could not evaluate (exit 2):\n" + r.err);
    return;
  }
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(r.out);
  } catch (const std::exception& e) {
    o.fail(std::string("output is not JSON: ") + e.what() + "\n" + r.out + r.err);
    return;
  }
  std::set<std::string> actual;
  bool failing = false;
  for (const auto& item : doc["results"]) {
    std::string status = item["status"];
    actual.insert(item["rule"].get<std::string>() + " " + item["resource"]["address"].get<std::string>() + " " + status);
    if (status == "fail" || status == "error") failing = true;
  }
  for (const std::string& e : expected) {
    if (!actual.count(e)) o.fail("expected result missing: " + e);
  }
  for (const std::string& a : actual) {
    if (!expected.count(a)) o.fail("unexpected result: " + a);
  }
  int want_exit = exit_expected >= 0 ? exit_expected : (failing ? 1 : 0);
  if (r.exit != want_exit) o.fail("exit code " + std::to_string(r.exit) + ", expected " + std::to_string(want_exit));
  auto find = [&](const std::string& rule, const std::string& address) -> const nlohmann::json* {
    for (const auto& item : doc["results"]) {
      if (item["rule"] == rule && item["resource"]["address"] == address) return &item;
    }
    return nullptr;
  };
  for (const auto& [rule, address, want] : why) {
    const nlohmann::json* item = find(rule, address);
    bool hit = false;
    if (item && item->contains("why")) {
      for (const auto& w : (*item)["why"]) hit = hit || w.get<std::string>().find(want) != std::string::npos;
    }
    if (!hit) o.fail("no `why` line of " + rule + " " + address + " contains: " + want + (item ? "\n  got: " + item->dump() : ""));
  }
  for (const auto& [rule, address, want] : message) {
    const nlohmann::json* item = find(rule, address);
    if (!item || (*item)["message"] != want) o.fail("message of " + rule + " " + address + " is not: " + want + (item ? "\n  got: " + (*item)["message"].dump() : ""));
  }
  for (const auto& [rule, address, want] : unknown) {
    const nlohmann::json* item = find(rule, address);
    bool hit = false;
    if (item && item->contains("unknown_paths")) {
      for (const auto& p : (*item)["unknown_paths"]) hit = hit || p == want;
    }
    if (!hit) o.fail("unknown_paths of " + rule + " " + address + " lacks: " + want + (item ? "\n  got: " + item->dump() : ""));
  }
}

void run_check_spec(const fs::path& file, Outcome& o) {
  Run r = run(file.parent_path(), {"check", file.filename().string()});
  compare_golden(file, r, o);
}

void run_cmd_spec(const fs::path& file, Outcome& o) {
  std::istringstream in(slurp(file));
  std::string line, args_line, stdin_file;
  std::vector<std::string> outputs;
  while (std::getline(in, line)) {
    line = trim(line);
    if (starts_with(line, "# args:")) args_line = trim(line.substr(7));
    if (starts_with(line, "# stdin:")) stdin_file = trim(line.substr(8));
    if (starts_with(line, "# file:")) outputs.push_back(trim(line.substr(7)));
  }
  if (args_line.empty()) {
    o.fail("no `# args:` line");
    return;
  }
  for (const std::string& f : outputs) fs::remove(file.parent_path() / f);  // left over by an interrupted run
  Run r = run(file.parent_path(), split_args(args_line), stdin_file.empty() ? "" : fs::absolute(file.parent_path() / stdin_file).string());
  for (const std::string& f : outputs) {
    fs::path p = file.parent_path() / f;
    r.files += "--- file " + f + "\n" + (fs::exists(p) ? slurp(p) : std::string("(not written)\n"));
    fs::remove(p);
  }
  compare_golden(file, r, o);
}

void run_expr_spec(const fs::path& file, Outcome& o) {
  std::istringstream in(slurp(file));
  std::string line, input;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string t = trim(line);
    if (t.empty()) continue;
    if (starts_with(t, "# input:")) {
      input = trim(t.substr(8));
      continue;
    }
    if (starts_with(t, "#")) continue;
    bool want_error = false;
    size_t arrow = t.rfind(" =>! ");
    if (arrow != std::string::npos) {
      want_error = true;
    } else {
      arrow = t.rfind(" => ");
    }
    if (arrow == std::string::npos) {
      o.fail(file.filename().string() + ":" + std::to_string(n) + ": no ' => ' in line");
      continue;
    }
    std::string expr = trim(t.substr(0, arrow));
    std::string want = trim(t.substr(arrow + (want_error ? 5 : 4)));
    std::vector<std::string> args = {"eval"};
    if (!input.empty()) {
      args.push_back("--input");
      args.push_back(input);
    }
    // After `--`, an expression such as `-x` is not taken for an option.
    args.push_back("--");
    args.push_back(expr);
    Run r = run(file.parent_path(), args);
    std::string where = file.filename().string() + ":" + std::to_string(n) + ": " + expr;
    if (want_error) {
      if (r.exit == 0) {
        o.fail(where + "\n  expected an error containing: " + want + "\n  got value: " + trim(r.out));
      } else if (r.err.find(want) == std::string::npos) {
        o.fail(where + "\n  expected an error containing: " + want + "\n  got: " + trim(r.err));
      }
    } else if (r.exit != 0 || trim(r.out) != want) {
      o.fail(where + "\n  expected: " + want + "\n  got:      " + trim(r.out) + (r.err.empty() ? "" : "\n  stderr: " + trim(r.err)));
    }
  }
}

bool has_input_line(const fs::path& file) {
  std::istringstream in(slurp(file));
  std::string line;
  while (std::getline(in, line)) {
    if (starts_with(trim(line), "# input:") || starts_with(trim(line), "# expect:")) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> dirs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--edict" && i + 1 < argc) {
      g_edict = fs::absolute(argv[++i]).string();
    } else if (a == "--update-golden") {
      g_update = true;
    } else {
      dirs.emplace_back(a);
    }
  }
  if (g_edict.empty() || dirs.empty()) {
    std::cerr << "usage: edict_spec --edict PATH [--update-golden] DIR...\n";
    return 2;
  }
  std::vector<fs::path> files;
  for (const fs::path& d : dirs) {
    if (fs::is_regular_file(d)) {  // a single spec file, e.g. to refresh one golden
      files.push_back(d);
      continue;
    }
    for (const auto& e : fs::recursive_directory_iterator(d)) {
      if (!e.is_regular_file()) continue;
      std::string ext = e.path().extension().string();
      if (ext != ".edict" && ext != ".test" && ext != ".cmd") continue;
      // Files that specs include live in subfolders named `rules` or `inputs`; they are not tests.
      // Only subfolders count: the area folder itself may be called `rules` (tests/spec/rules/).
      bool helper = false;
      for (const auto& part : fs::relative(e.path().parent_path(), d)) helper = helper || part == "rules" || part == "inputs";
      if (!helper) files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  size_t passed = 0, failed = 0;
  for (const fs::path& f : files) {
    Outcome o;
    std::string ext = f.extension().string();
    if (ext == ".test") {
      run_expr_spec(f, o);
    } else if (ext == ".cmd") {
      run_cmd_spec(f, o);
    } else if (has_input_line(f)) {
      run_rule_spec(f, o);
    } else {
      run_check_spec(f, o);
    }
    if (o.ok) {
      ++passed;
    } else {
      ++failed;
      std::cout << "FAIL " << f.string() << "\n";
      for (const std::string& p : o.problems) std::cout << "  " << p << "\n";
    }
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
