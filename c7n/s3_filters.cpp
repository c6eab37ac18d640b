// The S3 resource filters a recorded bucket decides (c7n/internal/filters.h): `bucket-encryption`
// over the record's c7n:bucket-encryption annotation, `global-grants` over the bucket's grant
// blocks, each one builtin call (stdlib/c7n_s3.cpp). A `key` that KMS would resolve is refused.
#include <set>

#include "c7n/internal/ast_build.h"
#include "c7n/internal/filters.h"

namespace edict::c7n::internal {

namespace {

using lang::Code;

std::string scalar(const YAML::Node& n) { return n && n.IsScalar() ? n.Scalar() : std::string(); }

ExprPtr opt_string(const YAML::Node& n, lang::Span at) {
  return n && n.IsScalar() ? string_expr(n.Scalar(), at) : null_expr(at);
}

}  // namespace

ExprPtr Filters::s3(const std::string& type, const YAML::Node& f, const Scope& scope) {
  lang::Span at = cx_.span_of(f);
  const std::string& p = scope.policy;
  if (scope.resource != "aws.s3" || !scope.within.empty()) {
    cx_.report(Code::BadPolicy, at, "policy '" + p + "': filter '" + type + "' applies to aws.s3 buckets only" + where(scope));
    return nullptr;
  }
  YAML::Node m = f.IsMap() ? f : YAML::Node(YAML::NodeType::Map);
  auto boolean = [&](const char* k) -> ExprPtr {
    YAML::Node n = m[k];
    if (!n) return null_expr(at);
    ExprPtr e = constant(n);
    if (e->kind != lang::ExprKind::Bool) cx_.report(Code::BadPolicy, cx_.span_of(n), "policy '" + p + "': `" + k + "` must be true or false");
    return e;
  };
  std::vector<ExprPtr> args;
  if (type == "bucket-encryption") {
    if (f.IsMap() && !cx_.check_keys(f, {"type", "state", "crypto", "key", "bucket_key_enabled"}, "a bucket-encryption filter")) return nullptr;
    if (m["key"]) {
      cx_.report(Code::LivePolicyData, cx_.span_of(m["key"]), "policy '" + p + "': bucket-encryption with `key` cannot be decided offline",
                 {{false, {}, "it resolves the key's ARN, id and aliases with KMS DescribeKey and ListAliases"}});
      return nullptr;
    }
    std::string crypto = scalar(m["crypto"]);
    if (m["crypto"] && crypto != "AES256" && crypto != "aws:kms") {
      cx_.report(Code::BadPolicy, cx_.span_of(m["crypto"]), "policy '" + p + "': `crypto` is AES256 or aws:kms");
      return nullptr;
    }
    if (!check_key("c7n:bucket-encryption", m["type"] ? m["type"] : f, scope, "filter bucket-encryption, which reads")) return nullptr;
    args.push_back(scope.doc());
    args.push_back(boolean("state"));
    args.push_back(opt_string(m["crypto"], at));
    args.push_back(boolean("bucket_key_enabled"));
    return call_expr("c7n_s3_encryption", std::move(args), at);
  }
  if (type == "check-public-block") {
    static const std::vector<std::string> keys = {"type", "BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy",
                                                  "RestrictPublicBuckets"};
    if (f.IsMap() && !cx_.check_keys(f, keys, "a check-public-block filter")) return nullptr;
    if (!check_key("c7n:PublicAccessBlock", m["type"] ? m["type"] : f, scope, "filter check-public-block, which reads")) return nullptr;
    ExprPtr wanted = node(lang::ExprKind::Object, at);
    for (size_t i = 1; i < keys.size(); ++i) {
      if (!m[keys[i]]) continue;
      wanted->keys.push_back(keys[i]);
      wanted->kids.push_back(boolean(keys[i].c_str()));
    }
    args.push_back(scope.doc());
    args.push_back(std::move(wanted));
    return call_expr("c7n_s3_public_block", std::move(args), at);
  }
  if (f.IsMap() && !cx_.check_keys(f, {"type", "allow_website", "operator", "permissions"}, "a global-grants filter")) return nullptr;
  static const std::set<std::string> perms = {"READ", "WRITE", "WRITE_ACP", "READ_ACP", "FULL_CONTROL"};
  ExprPtr list = m["permissions"] ? constant(m["permissions"]) : node(lang::ExprKind::List, at);
  for (const ExprPtr& e : list->kids) {
    if (e->kind != lang::ExprKind::String || !perms.count(e->text)) {
      cx_.report(Code::BadPolicy, e->span, "policy '" + p + "': permissions are READ, WRITE, WRITE_ACP, READ_ACP or FULL_CONTROL");
      return nullptr;
    }
  }
  args.push_back(node(lang::ExprKind::Self, at));
  args.push_back(boolean("allow_website"));
  args.push_back(std::move(list));
  return call_expr("c7n_s3_global_grants", std::move(args), at);
}

}  // namespace edict::c7n::internal
