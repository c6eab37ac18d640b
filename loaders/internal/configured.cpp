// Set versus unknown: marks each unknown attribute value of a planned resource with what the
// plan's configuration says of it (Setness::Set when the configuration gives the attribute an
// expression, Setness::Unset when it leaves the attribute out), so that `is_set` can tell
// "kms_key_id = aws_kms_key.k.arn" (unknown, set) from a value the provider computes.
#include "loaders/internal/json_value.h"
#include "loaders/internal/terraform.h"

namespace edict::loaders::internal {

namespace {

// An expression object of the configuration tree ({}, or references/constant_value only), as
// opposed to a nested block (config_tree.cpp keeps both as objects).
bool is_expression(const Value& c) {
  static const Symbol references = intern_key("references"), constant_value = intern_key("constant_value");
  if (!c.is_object()) return false;
  for (const Member& m : c.as_object()) {
    if (m.key != references && m.key != constant_value) return false;
  }
  return true;
}

// Marks every unknown inside `v` with `s`.
void mark_all(Value& v, Setness s) {
  if (v.is_unknown()) {
    v = Value::unknown(s);
  } else if (v.is_list()) {
    for (const Value& item : v.as_list()) mark_all(const_cast<Value&>(item), s);
  } else if (v.is_object()) {
    for (const Member& m : v.as_object()) mark_all(const_cast<Value&>(m.value), s);
  }
}

// `v` is an attribute value (or a nested block) and `config` what the configuration holds for it:
// nullptr when the configuration leaves it out. Recursion follows the value's nesting, which the
// JSON reader has already bounded.
void mark(Value& v, const Value* config) {
  if (config == nullptr) return mark_all(v, Setness::Unset);
  if (is_expression(*config) || v.is_unknown()) return mark_all(v, Setness::Set);
  if (v.is_object() && config->is_object()) {
    for (const Member& m : v.as_object()) mark(const_cast<Value&>(m.value), config->find(m.key));
  } else if (v.is_list() && config->is_list()) {
    // Nested blocks: the configuration lists the blocks it writes, in order. When the counts
    // differ (dynamic blocks) nothing can be said of the unknowns inside.
    auto blocks = config->as_list();
    auto items = v.as_list();
    if (blocks.size() != items.size()) return;
    for (size_t i = 0; i < items.size(); ++i) mark(const_cast<Value&>(items[i]), &blocks[i]);
  }
}

}  // namespace

// Invariant: runs before ResourceSet::finish(), on attribute values this input's loader made in
// the set's arena and shares with nothing, so writing through them is safe.
void mark_configured(model::Resource& r, const Value* expressions) {
  if (!r.attrs.is_object()) return;
  for (const Member& m : r.attrs.as_object()) {
    const Value* config = expressions == nullptr ? nullptr : expressions->find(m.key);
    mark(const_cast<Value&>(m.value), config);
  }
}

}  // namespace edict::loaders::internal
