// Finding test files next to rules, and reading one (yaml-cpp) into a TestFile. Every problem is
// reported with the file, line and column of the YAML node at fault.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "lang/diagnostics.h"
#include "loaders/loader.h"
#include "ruletest/internal/fixture.h"

namespace edict::ruletest {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTestSuffix = ".test.yaml";

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

struct BadTest {
  Pos pos;
  std::string message;
};

Pos pos_of(const YAML::Node& n) {
  YAML::Mark m = n.Mark();
  return m.is_null() ? Pos{} : Pos{m.line + 1, m.column + 1};
}

[[noreturn]] void fail(const YAML::Node& n, std::string message) { throw BadTest{pos_of(n), std::move(message)}; }

// A plain (unquoted) scalar under the YAML 1.2 core schema: null, booleans, decimal numbers.
FixtureValue plain_scalar(const std::string& s) {
  FixtureValue v;
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return v;
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE") {
    v.kind = FixtureValue::Kind::Bool;
    v.boolean = s[0] == 't' || s[0] == 'T';
    return v;
  }
  const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
  double d = 0;
  auto [end, ec] = std::from_chars(begin, s.data() + s.size(), d);
  bool numeric = std::isdigit(static_cast<unsigned char>(s.back())) || s.back() == '.';
  if (ec == std::errc() && end == s.data() + s.size() && numeric && s.find_first_of("xXpP") == std::string::npos) {
    v.kind = FixtureValue::Kind::Number;
    v.number = d;
    return v;
  }
  v.kind = FixtureValue::Kind::String;
  v.text = s;
  return v;
}

// The keys of a mapping, checked against the allowed ones and for duplicates.
void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, const char* what) {
  std::set<std::string> seen;
  for (const auto& kv : map) {
    if (!kv.first.IsScalar()) fail(kv.first, std::string("keys of ") + what + " must be plain names");
    std::string key = kv.first.Scalar();
    if (!seen.insert(key).second) fail(kv.first, "duplicate key '" + key + "'");
    if (allowed.empty()) continue;
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string best = lang::did_you_mean(key, allowed);
      std::string list;
      for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
      fail(kv.first, "unknown key '" + key + "' in " + what +
                         (best.empty() ? " (expected " + list + ")" : " (did you mean '" + best + "'?)"));
    }
  }
}

FixtureValue value(const YAML::Node& n, int depth) {
  if (depth > 64) fail(n, "fixture values nest too deeply");
  const std::string& tag = n.Tag();
  FixtureValue v;
  v.pos = pos_of(n);
  if (tag == "!unknown") {
    bool bare = n.IsNull() || (n.IsScalar() && n.Scalar().empty());
    if (!bare && !(n.IsScalar() && (n.Scalar() == "set" || n.Scalar() == "unset"))) {
      fail(n, "`!unknown` takes nothing, `set` or `unset` (whether the configuration sets the attribute)");
    }
    v.kind = FixtureValue::Kind::Unknown;
    if (!bare) v.text = n.Scalar();
    return v;
  }
  if (tag == "!ref") {
    if (!n.IsScalar() || n.Scalar().empty()) fail(n, "`!ref` needs the address of a resource: !ref aws_s3_bucket.logs");
    v.kind = FixtureValue::Kind::Ref;
    v.text = n.Scalar();
    return v;
  }
  bool plain = tag == "?" || tag.empty();
  if (!plain && tag != "!" && tag.rfind("tag:yaml.org,2002:", 0) != 0) {
    fail(n, "unknown tag '" + tag + "' (fixtures know `!unknown` and `!ref ADDRESS`)");
  }
  if (n.IsNull()) return v;
  if (n.IsScalar()) {
    if (plain) {
      FixtureValue p = plain_scalar(n.Scalar());
      p.pos = v.pos;
      return p;
    }
    v.kind = FixtureValue::Kind::String;
    v.text = n.Scalar();
    return v;
  }
  if (n.IsSequence()) {
    v.kind = FixtureValue::Kind::List;
    for (const YAML::Node& item : n) v.items.push_back(value(item, depth + 1));
    return v;
  }
  check_keys(n, {}, "an object");
  v.kind = FixtureValue::Kind::Object;
  for (const auto& kv : n) v.members.push_back(FixtureMember{kv.first.Scalar(), value(kv.second, depth + 1)});
  return v;
}

bool parse_status(const std::string& s, engine::Status& out) {
  for (engine::Status st : {engine::Status::Pass, engine::Status::Fail, engine::Status::Skip, engine::Status::Unknown,
                            engine::Status::Error}) {
    if (engine::status_name(st) == s) {
      out = st;
      return true;
    }
  }
  return false;
}

TestCase read_test(const YAML::Node& t, const fs::path& dir) {
  if (!t.IsMap()) fail(t, "a test is a mapping with `name`, `resources` or `fixture`, and `expect`");
  check_keys(t, {"name", "fixture", "resources", "expect"}, "a test");
  TestCase tc;
  tc.pos = pos_of(t);
  YAML::Node name = t["name"];
  if (!name || !name.IsScalar() || name.Scalar().empty()) fail(t, "a test needs a `name`");
  tc.name = name.Scalar();
  if (YAML::Node f = t["fixture"]) {
    std::vector<YAML::Node> items;
    if (f.IsSequence()) {
      for (const YAML::Node& item : f) items.push_back(item);
    } else {
      items.push_back(f);
    }
    for (const YAML::Node& item : items) {
      if (!item.IsScalar() || item.Scalar().empty())
        fail(item, "`fixture` is a plan or state JSON file (or a list of them)");
      tc.fixtures.push_back((dir / item.Scalar()).lexically_normal().string());
      tc.fixture_pos.push_back(pos_of(item));
    }
  }
  if (YAML::Node rs = t["resources"]) {
    if (!rs.IsMap()) fail(rs, "`resources` maps addresses to attributes: aws_db_instance.main: {multi_az: true}");
    check_keys(rs, {}, "`resources`");
    for (const auto& kv : rs) {
      InlineResource r;
      r.address = kv.first.Scalar();
      r.pos = pos_of(kv.first);
      internal::Address a;
      if (!internal::parse_address(r.address, a))
        fail(kv.first, "'" + r.address + "' is not a resource address (TYPE.NAME)");
      if (!kv.second.IsNull() && !kv.second.IsMap())
        fail(kv.second, "the attributes of '" + r.address + "' must be a mapping");
      r.attributes = value(kv.second, 0);
      r.attributes.kind = FixtureValue::Kind::Object;
      tc.resources.push_back(std::move(r));
    }
  }
  if (tc.resources.empty() && tc.fixtures.empty()) fail(t, "test '" + tc.name + "' needs `resources` or a `fixture`");
  YAML::Node ex = t["expect"];
  if (!ex || !ex.IsMap() || ex.size() == 0) fail(t, "test '" + tc.name + "' needs `expect`: RULE: {ADDRESS: STATUS}");
  check_keys(ex, {}, "`expect`");
  for (const auto& rule : ex) {
    if (!rule.second.IsMap() || rule.second.size() == 0) {
      fail(rule.second,
           "expectations of " + rule.first.Scalar() + " map addresses to statuses: {aws_db_instance.main: pass}");
    }
    check_keys(rule.second, {}, "an expectation");
    for (const auto& kv : rule.second) {
      Expectation e;
      e.rule = rule.first.Scalar();
      e.rule_pos = pos_of(rule.first);
      e.address = kv.first.Scalar();
      e.address_pos = pos_of(kv.first);
      if (!kv.second.IsScalar() || !parse_status(kv.second.Scalar(), e.status)) {
        std::string got = kv.second.IsScalar() ? kv.second.Scalar() : std::string();
        std::string best = lang::did_you_mean(got, {"pass", "fail", "skip", "unknown", "error"});
        fail(kv.second, (got.empty() ? std::string("a status") : "'" + got + "'") +
                            " is not a status: use pass, fail, skip, unknown or error" +
                            (best.empty() ? "" : " (did you mean '" + best + "'?)"));
      }
      tc.expect.push_back(std::move(e));
    }
  }
  return tc;
}

}  // namespace

bool find_tests(const std::vector<std::string>& paths, TestPlan& out, std::string& error) {
  std::set<fs::path> seen;
  auto add = [&](std::vector<std::string>& list, const fs::path& p) {
    std::error_code ec;
    if (seen.insert(fs::weakly_canonical(p, ec)).second) list.push_back(p.lexically_normal().string());
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (fs::recursive_directory_iterator it(path, ec), end; it != end && !ec; it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        std::string name = it->path().filename().string();
        if (ends_with(name, kTestSuffix)) add(out.test_files, it->path());
        if (it->path().extension() == ".edict") add(out.rule_files, it->path());
      }
      if (ec) {
        error = "cannot read directory '" + path + "': " + ec.message();
        return false;
      }
    } else if (!fs::exists(path, ec)) {
      error = "cannot read '" + path + "': No such file or directory";
      return false;
    } else if (ends_with(path, kTestSuffix)) {
      add(out.test_files, path);
      fs::path rules = path.substr(0, path.size() - kTestSuffix.size()) + ".edict";
      if (fs::exists(rules, ec)) add(out.rule_files, rules);
    } else {
      add(out.rule_files, path);
      fs::path p(path);
      fs::path tests = p.parent_path() / (p.stem().string() + std::string(kTestSuffix));
      if (fs::exists(tests, ec)) add(out.test_files, tests);
    }
  }
  std::sort(out.rule_files.begin(), out.rule_files.end());
  std::sort(out.test_files.begin(), out.test_files.end());
  return true;
}

bool load_test_file(const std::string& path, TestFile& out, std::string& error) {
  out.path = path;
  std::string text;
  try {
    text = loaders::read_input(path);
  } catch (const loaders::InputError& e) {
    error = std::string("cannot read the test file: ") + e.what();
    return false;
  }
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) fail(root, "a test file is a mapping with a `tests` list");
    check_keys(root, {"tests"}, "a test file");
    YAML::Node tests = root["tests"];
    if (!tests || !tests.IsSequence() || tests.size() == 0) fail(root, "a test file needs a non-empty `tests` list");
    std::set<std::string> names;
    for (const YAML::Node& t : tests) {
      TestCase tc = read_test(t, fs::path(path).parent_path());
      if (!names.insert(tc.name).second) fail(t["name"], "a test named '" + tc.name + "' is already in this file");
      out.tests.push_back(std::move(tc));
    }
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp gives it the message "bad file"
    error = internal::at(path, e.mark.is_null() ? Pos{} : Pos{e.mark.line + 1, e.mark.column + 1},
                         "nesting is too deep for the YAML reader");
    return false;
  } catch (const YAML::Exception& e) {
    error = internal::at(path, e.mark.is_null() ? Pos{} : Pos{e.mark.line + 1, e.mark.column + 1}, e.msg);
    return false;
  } catch (const BadTest& e) {
    error = internal::at(path, e.pos, e.message);
    return false;
  }
  return true;
}

}  // namespace edict::ruletest
