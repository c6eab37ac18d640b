// Rebuilding the Custodian record from canonical attributes, row by row of a mapping (see
// c7n/internal/record.h). Transforms are undone where that is exact; where it is not (`equals:`,
// `lookup:`, keyed blocks) the key is refused with the reason rather than guessed.
#include "c7n/internal/record.h"

#include <atomic>
#include <functional>
#include <set>

#include "c7n/internal/ast_build.h"

namespace edict::c7n::internal {

namespace {

using loaders::internal::AttrMap;
using Base = std::function<ExprPtr()>;

// Blocks whose Custodian source is a list (the mapping turns a single object into a one-element
// list too, so the row alone does not say which it was). Every other block source is an object.
const std::set<std::string>& list_sources() {
  static const std::set<std::string> names = {"Grants", "Rules", "IpPermissions", "IpPermissionsEgress", "settings",
                                              "environmentVariables", "containerDefinitions", "environment"};
  return names;
}

struct Tree {
  std::map<std::string, Tree> kids;
  std::vector<std::string> order;  // kids in first-seen order, so the record reads like the mapping
  ExprPtr leaf;
  Shape leaf_shape;
  bool is_leaf = false;
};

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    out.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

Tree& at(Tree& root, const std::vector<std::string>& segs, size_t n) {
  Tree* t = &root;
  for (size_t i = 0; i < n; ++i) {
    if (!t->kids.count(segs[i])) t->order.push_back(segs[i]);
    t = &t->kids[segs[i]];
  }
  return *t;
}

void set_leaf(Tree& root, const std::vector<std::string>& segs, ExprPtr leaf, Shape shape) {
  Tree& t = at(root, segs, segs.size());
  if (t.is_leaf && t.leaf && leaf) {
    // Two canonical attributes for one Custodian key (S3 `Name` is both `id` and `bucket`): the
    // first that is known and set, so a plan's `bucket` stands in for an `id` known after apply.
    Span s = t.leaf->span;
    std::vector<ExprPtr> args;
    args.push_back(clone(*t.leaf));
    ExprPtr usable = binary_expr(lang::Op::And, call_expr("known", std::move(args), s),
                                 binary_expr(lang::Op::Ne, clone(*t.leaf), null_expr(s), s), s);
    t.leaf = if_expr(std::move(usable), std::move(t.leaf), std::move(leaf), s);
    return;
  }
  if (t.is_leaf || !t.kids.empty()) return;  // a refused key stays refused
  t.is_leaf = true;
  t.leaf = std::move(leaf);
  t.leaf_shape = std::move(shape);
}

ExprPtr emit(Tree& t, Span s) {
  if (t.is_leaf) return t.leaf ? std::move(t.leaf) : null_expr(s);
  ExprPtr obj = node(lang::ExprKind::Object, s);
  for (const std::string& k : t.order) {
    Tree& kid = t.kids[k];
    if (kid.is_leaf && !kid.leaf) continue;  // refused: not in the record
    obj->keys.push_back(k);
    obj->kids.push_back(emit(kid, s));
  }
  return obj;
}

Shape shape_of(const Tree& t) {
  if (t.is_leaf) return t.leaf_shape;
  Shape s;
  s.open = false;
  for (const auto& [k, kid] : t.kids) s.members[k] = shape_of(kid);
  return s;
}

// `if x == null then null else e`: an absent block stays absent, not an empty list.
ExprPtr unless_null(ExprPtr x, ExprPtr e, Span s) {
  return if_expr(binary_expr(lang::Op::Eq, std::move(x), null_expr(s), s), null_expr(s), std::move(e), s);
}

std::atomic<int> g_var{0};  // fresh comprehension variable names

void add_rows(Tree& root, const std::vector<AttrMap>& rows, const Base& base, const std::string& file, Span s);

// The value of one row (a leaf) and its shape; a refused row gets a null leaf and the reason.
void add_row(Tree& root, const AttrMap& row, const Base& base, const std::string& file, Span s) {
  if (row.custodian.empty()) return;
  std::string path = row.custodian[0];
  auto canonical = [&] { return member_expr(base(), row.name, s); };
  Shape refused;
  auto refuse = [&](const std::string& key_path, const std::string& why) {
    refused.refused = why;
    set_leaf(root, split(key_path), nullptr, refused);
  };
  size_t bracket = path.find('[');
  if (bracket != std::string::npos && path.compare(bracket, 4, "[*].") != 0) {
    return refuse(path.substr(0, bracket), file + " reads '" + path + "' (one element picked by a flag), which cannot be turned back");
  }
  if (!row.each_key.empty()) return refuse(path, file + " turns the object '" + path + "' into keyed blocks, which cannot be turned back");
  if (row.as.rfind("equals:", 0) == 0 || row.as.rfind("lookup:", 0) == 0) {
    return refuse(path, file + " turns '" + path + "' into canonical '" + row.name + "' with `as: " + row.as +
                            "`, which loses the original value");
  }
  if (bracket != std::string::npos) {
    // LIST[*].REST: the canonical value is the list of REST values; rebuild [{REST: v} for v ...].
    std::string list_path = path.substr(0, bracket), rest = path.substr(bracket + 4);
    if (rest.find('[') != std::string::npos || !row.each.empty()) return refuse(list_path, file + " reads '" + path + "', which cannot be turned back");
    std::string var = "c7n_v" + std::to_string(++g_var);
    Tree inner;
    std::vector<std::string> rest_segs = split(rest);
    set_leaf(inner, rest_segs, name_expr(var, s), Shape{});
    Shape elem = shape_of(inner);
    ExprPtr list = comprehension_expr(var, canonical(), emit(inner, s), nullptr, s);
    return set_leaf(root, split(list_path), unless_null(canonical(), std::move(list), s), elem);
  }
  std::vector<std::string> segs = split(path);
  if (!row.each.empty()) {
    Tree inner;
    ExprPtr value;
    if (list_sources().count(segs.back())) {
      std::string var = "c7n_b" + std::to_string(++g_var);
      add_rows(inner, row.each, [var, s] { return name_expr(var, s); }, file, s);
      Shape elem = shape_of(inner);
      value = comprehension_expr(var, canonical(), emit(inner, s), nullptr, s);
      return set_leaf(root, segs, unless_null(canonical(), std::move(value), s), elem);
    }
    add_rows(inner, row.each, [&] { return index_expr(canonical(), number_expr(0, s), s); }, file, s);
    Shape obj = shape_of(inner);
    return set_leaf(root, segs, unless_null(canonical(), emit(inner, s), s), obj);
  }
  ExprPtr value;
  if (row.as == "tags") {
    std::vector<ExprPtr> args;
    args.push_back(canonical());
    value = call_expr("c7n_tag_list", std::move(args), s);
  } else if (row.as == "list") {
    value = index_expr(canonical(), number_expr(0, s), s);
  } else if (row.as == "json") {
    std::vector<ExprPtr> args;
    args.push_back(canonical());
    value = call_expr("to_string", std::move(args), s);
  } else {
    value = canonical();
  }
  set_leaf(root, segs, std::move(value), Shape{});
}

void add_rows(Tree& root, const std::vector<AttrMap>& rows, const Base& base, const std::string& file, Span s) {
  for (const AttrMap& row : rows) add_row(root, row, base, file, s);
}

}  // namespace

Record build_record(const loaders::internal::TypeMap& type, const std::string& name, Span s) {
  Tree root;
  const std::string param = "r";
  Base self = [param, s] { return name_expr(param, s); };
  add_rows(root, type.attributes, self, type.file, s);
  for (const loaders::internal::ChildMap& child : type.children) {
    if (child.custodian.empty()) continue;
    // The child resource linked to this one (S3 encryption, public access block), rebuilt the same
    // way: [ {child record} for c in resources(T) if c.LINK refers r ][0].
    std::string var = "c7n_c" + std::to_string(++g_var);
    Tree inner;
    add_rows(inner, child.attributes, [var, s] { return name_expr(var, s); }, type.file, s);
    Shape child_shape = shape_of(inner);
    std::vector<ExprPtr> args;
    args.push_back(name_expr(child.type, s));
    ExprPtr domain = call_expr("resources", std::move(args), s);
    ExprPtr cond = binary_expr(lang::Op::Refers, member_expr(name_expr(var, s), child.link, s), self(), s);
    ExprPtr list = comprehension_expr(var, std::move(domain), emit(inner, s), std::move(cond), s);
    // No child: the whole annotation is absent (Custodian records `{}`; both are `empty`).
    std::vector<std::string> segs = split(child.custodian[0]);
    ExprPtr value = index_expr(clone(*list), number_expr(0, s), s);
    Shape shape = child_shape;
    for (size_t i = segs.size(); i-- > 1;) {
      ExprPtr obj = node(lang::ExprKind::Object, s);
      obj->keys.push_back(segs[i]);
      obj->kids.push_back(std::move(value));
      value = std::move(obj);
      Shape outer;
      outer.open = false;
      outer.members[segs[i]] = std::move(shape);
      shape = std::move(outer);
    }
    std::vector<ExprPtr> len_args;
    len_args.push_back(std::move(list));
    ExprPtr none = binary_expr(lang::Op::Eq, call_expr("len", std::move(len_args), s), number_expr(0, s), s);
    set_leaf(root, {segs[0]}, if_expr(std::move(none), null_expr(s), std::move(value), s), shape);
  }
  Record out;
  out.shape = shape_of(root);
  out.def.name = name;
  out.def.name_span = s;
  out.def.span = s;
  out.def.params.push_back({param, s});
  out.def.body = emit(root, s);
  return out;
}

}  // namespace edict::c7n::internal
