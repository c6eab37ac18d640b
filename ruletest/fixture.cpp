// Building a test's resource set: fixture files through the loaders, inline resources directly.
#include "ruletest/internal/fixture.h"

#include <cctype>
#include <unordered_map>

#include "lang/diagnostics.h"
#include "loaders/loader.h"

namespace edict::ruletest::internal {

namespace {

struct Step {
  std::string name;
  std::string key;  // inside [...], as written
  bool has_key = false;
  size_t begin = 0;  // offset of the step in the address
};

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

// `a.b["k.x"].c[0]` -> {a}, {b, "k.x"}, {c, 0}.
bool split(std::string_view s, std::vector<Step>& steps) {
  size_t i = 0;
  while (true) {
    Step st;
    st.begin = i;
    while (i < s.size() && name_char(s[i])) st.name += s[i++];
    if (st.name.empty()) return false;
    if (i < s.size() && s[i] == '[') {
      size_t start = ++i;
      if (i < s.size() && s[i] == '"') {
        for (++i; i < s.size() && s[i] != '"'; ++i) {
          if (s[i] == '\\') ++i;
        }
        if (i >= s.size()) return false;
        ++i;
      } else {
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      }
      if (i >= s.size() || s[i] != ']' || i == start) return false;
      st.key = std::string(s.substr(start, i - start));
      st.has_key = true;
      ++i;
    }
    steps.push_back(std::move(st));
    if (i == s.size()) return true;
    if (s[i] != '.') return false;
    ++i;
  }
}

// Collects `!ref` values: the attribute path (dots, no indices) and the address referred to.
struct Ref {
  std::string path;
  const FixtureValue* value;
};

Value convert(Arena& arena, const FixtureValue& v, const std::string& path, std::vector<Ref>& refs) {
  using K = FixtureValue::Kind;
  switch (v.kind) {
    case K::Null: return Value::null();
    case K::Bool: return Value::boolean(v.boolean);
    case K::Number: return Value::number(v.number);
    case K::String: return Value::string(arena, v.text);
    case K::Unknown:
      return Value::unknown(v.text == "set" ? Setness::Set : v.text == "unset" ? Setness::Unset : Setness::Unsure);
    case K::Ref: refs.push_back({path, &v}); return Value::unknown(Setness::Set);
    case K::List: {
      std::vector<Value> items;
      for (const FixtureValue& item : v.items) items.push_back(convert(arena, item, path, refs));
      return Value::list(arena, items);
    }
    case K::Object: {
      std::vector<Member> members;
      for (const auto& [key, item] : v.members) {
        members.push_back({intern(key), convert(arena, item, path.empty() ? key : path + "." + key, refs)});
      }
      return Value::object(arena, members);
    }
  }
  return Value::null();
}

}  // namespace

std::string at(const std::string& path, const Pos& pos, const std::string& message) {
  if (pos.line <= 0) return path + ": " + message;
  return lang::location(path, static_cast<size_t>(pos.line), static_cast<size_t>(pos.col)) + ": " + message;
}

bool parse_address(std::string_view text, Address& out) {
  std::vector<Step> steps;
  if (!split(text, steps)) return false;
  size_t i = 0;
  while (i + 2 < steps.size() && steps[i].name == "module" && !steps[i].has_key) i += 2;
  out = Address{};
  if (i > 0) out.module_path = std::string(text.substr(0, steps[i].begin - 1));
  if (steps.size() - i == 3 && steps[i].name == "data" && !steps[i].has_key) {
    out.data = true;
    ++i;
  }
  if (steps.size() - i != 2 || steps[i].has_key) return false;
  out.type = steps[i].name;
  out.name = steps[i + 1].name;
  out.index = steps[i + 1].key;
  return true;
}

bool build_fixture(const TestFile& file, const TestCase& test, model::ResourceSet& set,
                   std::vector<std::string>& errors) {
  size_t before = errors.size();
  for (size_t i = 0; i < test.fixtures.size(); ++i) {
    try {
      loaders::load_file(set, test.fixtures[i]);
    } catch (const loaders::InputError& e) {
      errors.push_back(at(file.path, test.fixture_pos[i], std::string("cannot load fixture: ") + e.what()));
    }
  }
  std::unordered_map<std::string, uint32_t> ids;
  for (const model::Resource& r : set.resources()) ids.emplace(std::string(r.address), r.id);
  uint32_t file_id = set.add_file(file.path);
  Arena& arena = set.arena();
  std::vector<std::pair<uint32_t, std::vector<Ref>>> refs;
  for (const InlineResource& ir : test.resources) {
    Address a;
    if (!parse_address(ir.address, a)) {
      errors.push_back(at(file.path, ir.pos, "'" + ir.address + "' is not a resource address (TYPE.NAME)"));
      continue;
    }
    if (ids.count(ir.address) != 0) {
      errors.push_back(at(file.path, ir.pos, "resource '" + ir.address + "' is defined twice"));
      continue;
    }
    model::Resource r;
    r.address = arena.copy(ir.address);
    r.type = arena.copy(a.type);
    r.name = arena.copy(a.name);
    r.module_path = arena.copy(a.module_path);
    r.index = arena.copy(a.index);
    r.source = "plan";  // fixtures stand for plans: rules reading @source see what a plan gives
    r.mode = a.data ? model::Mode::Data : model::Mode::Managed;
    r.action = a.data ? model::Action::Read : model::Action::Create;
    r.file = file_id;
    std::vector<Ref> found;
    r.attrs = convert(arena, ir.attributes, "", found);
    r.checked = !a.data;
    uint32_t id = set.add(r);
    ids.emplace(ir.address, id);
    refs.emplace_back(id, std::move(found));
  }
  for (const auto& [from, list] : refs) {
    for (const Ref& ref : list) {
      auto to = ids.find(ref.value->text);
      if (to == ids.end()) {
        errors.push_back(at(file.path, ref.value->pos,
                            "`!ref " + ref.value->text + "`: no resource with that address in this test"));
      } else if (to->second != from) {
        set.add_edge(from, intern(ref.path), to->second);
      }
    }
  }
  set.finish();
  return errors.size() == before;
}

}  // namespace edict::ruletest::internal
