// `configuration` (FORMATS A.5) reduced to what reference resolution (references.cpp) reads, as a
// small Value tree in ctx.config_arena:
//   {root_module: M}   M = {resources: [{address, expressions: B, for_each_expression: E}],
//                           module_calls: {name: {count_expression: E, for_each_expression: E,
//                                                 expressions: B, module: M}},
//                           outputs: {name: {expression: E}}}
// E keeps only `references`; in a block B, `constant_value` contents are dropped, and an attribute
// whose expression has no references (it can lead nowhere) is kept as `{}`: only its presence
// matters, to tell an attribute the configuration sets from one it leaves out (configured.cpp).
// The rest is skipped.
#include <cstring>

#include "loaders/internal/json_value.h"
#include "loaders/internal/terraform.h"

namespace edict::loaders::internal {

namespace {

class ConfigReader {
 public:
  explicit ConfigReader(LoadContext& ctx) : ctx_(ctx), arena_(ctx.config_arena) {}

  // {root_module: M}
  Value configuration(od::value v, size_t depth) {
    return object(v, depth, [&](std::string_view key, od::value& value, size_t d, Value& out) {
      if (key != "root_module") return false;
      out = module(value, d);
      return true;
    });
  }

 private:
  // Reads an object, keeping the members `fn` accepts (fn converts them; of a fixed-key object,
  // only the first member of each key); returns null when `v` is not an object.
  template <class Fn>
  Value object(od::value& v, size_t depth, const Fn& fn, bool fixed_keys = true) {
    if (type_of(v) != od::json_type::object) return Value::null();
    check_depth(depth, v);
    size_t base = members_.size();
    for (auto result : take(v.get_object())) {
      od::field field = take(std::move(result));
      std::string_view key = key_text(field);
      Symbol symbol = intern_key(key);
      bool repeated = false;
      for (size_t i = base; fixed_keys && i < members_.size() && !repeated; ++i) repeated = members_[i].key == symbol;
      Value value;
      if (repeated || !fn(key, field.value(), depth + 1, value)) continue;
      members_.push_back({symbol, value});
    }
    return pop_object(base);
  }

  Value pop_object(size_t base) {
    size_t n = members_.size() - base;
    Member* members = arena_.make_array<Member>(n);
    if (n > 0) std::memcpy(static_cast<void*>(members), members_.data() + base, n * sizeof(Member));
    members_.resize(base);
    return Value::object(members, n);
  }

  // A list whose items `fn` converts.
  template <class Fn>
  Value list(od::value& v, size_t depth, const Fn& fn) {
    if (type_of(v) != od::json_type::array) return Value::null();
    check_depth(depth, v);
    size_t base = items_.size();
    for (auto result : take(v.get_array())) {
      od::value item = take(std::move(result));
      items_.push_back(fn(item, depth + 1));
    }
    size_t n = items_.size() - base;
    Value* items = arena_.make_array<Value>(n);
    if (n > 0) std::memcpy(static_cast<void*>(items), items_.data() + base, n * sizeof(Value));
    items_.resize(base);
    return Value::list(items, n);
  }

  Value module(od::value& v, size_t depth) {
    return object(v, depth, [&](std::string_view key, od::value& value, size_t d, Value& out) {
      if (key == "resources") {
        out = list(value, d, [&](od::value& r, size_t dr) {
          consumed(ctx_, r.raw_json_token().data());
          return resource(r, dr);
        });
      } else if (key == "module_calls" || key == "outputs") {
        bool calls = key == "module_calls";
        out = object(
            value, d,
            [&](std::string_view, od::value& item, size_t di, Value& o) {
              o = calls ? call(item, di) : output(item, di);
              return true;
            },
            false);
      } else {
        return false;
      }
      return true;
    });
  }

  Value resource(od::value& v, size_t depth) {
    return object(v, depth, [&](std::string_view key, od::value& value, size_t d, Value& out) {
      if (key == "address") {
        out = type_of(value) == od::json_type::string ? Value::string(arena_, string_text(value)) : Value::null();
      } else if (key == "expressions") {
        out = block(value, d);
      } else if (key == "for_each_expression") {
        out = expression(value, d);
      } else {
        return false;
      }
      return true;
    });
  }

  Value call(od::value& v, size_t depth) {
    return object(v, depth, [&](std::string_view key, od::value& value, size_t d, Value& out) {
      if (key == "count_expression" || key == "for_each_expression") {
        out = expression(value, d);  // only their presence matters
      } else if (key == "expressions") {
        out = block(value, d);
      } else if (key == "module") {
        out = module(value, d);
      } else {
        return false;
      }
      return true;
    });
  }

  Value output(od::value& v, size_t depth) {
    return object(v, depth, [&](std::string_view key, od::value& value, size_t d, Value& out) {
      if (key != "expression") return false;
      out = expression(value, d);
      return true;
    });
  }

  // {references: [...]} (or {} without references; null when not an object).
  Value expression(od::value& v, size_t depth) {
    return object(v, depth, [&](std::string_view key, od::value& value, size_t d, Value& out) {
      if (key != "references") return false;
      out = any(value, d);
      return true;
    });
  }

  // A block: nested blocks and expressions; see the top of the file.
  Value block(od::value& v, size_t depth) {
    if (type_of(v) == od::json_type::array) {
      return list(v, depth, [&](od::value& item, size_t d) { return block(item, d); });
    }
    if (type_of(v) != od::json_type::object) return any(v, depth);
    check_depth(depth, v);
    size_t base = members_.size();
    for (auto result : take(v.get_object())) {
      od::field field = take(std::move(result));
      Symbol key = intern_key(key_text(field));
      if (key == constant_value_) {
        members_.push_back({key, Value::null()});  // a literal: never a reference
        continue;
      }
      Value value = block(field.value(), depth + 1);
      if (leads_nowhere(value)) value = Value::object(nullptr, 0);
      members_.push_back({key, value});
    }
    return pop_object(base);
  }

  // An expression object without references: only constant_value (or nothing).
  bool leads_nowhere(const Value& v) const {
    if (!v.is_object()) return false;
    for (const Member& m : v.as_object()) {
      if (m.key != constant_value_) return false;
    }
    return true;
  }

  // Anything else, as it is (the strings of `references`).
  Value any(od::value& v, size_t depth) { return ctx_.converter.convert(arena_, v, depth); }

  LoadContext& ctx_;
  Arena& arena_;
  Symbol constant_value_ = intern_key("constant_value");
  std::vector<Member> members_;
  std::vector<Value> items_;
};

}  // namespace

void read_configuration(LoadContext& ctx, od::value configuration, size_t depth) {
  ctx.configuration = ConfigReader(ctx).configuration(configuration, depth);
}

}  // namespace edict::loaders::internal
