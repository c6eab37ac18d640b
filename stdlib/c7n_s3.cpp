// Cloud Custodian's S3 resource filters that a recorded bucket decides: `bucket-encryption`
// (over the record's c7n:bucket-encryption annotation) and `global-grants` (over the canonical
// grant blocks, which keep every permission of a Terraform grant). As s3.py, read to learn.
#include <string>

#include "stdlib/internal/c7n.h"
#include "stdlib/jmespath.h"

namespace edict::stdlib::internal {

namespace {

bool is_true(const Value* v) { return v && jmespath::truthy(*v); }

// Config spells permissions and grantees as the console does (Read, AllUsers); the API as S3 does.
std::string permission(std::string_view p) {
  if (p == "FullControl") return "FULL_CONTROL";
  if (p == "ReadAcp") return "READ_ACP";
  if (p == "WriteAcp") return "WRITE_ACP";
  std::string out(p);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  return out;
}

bool everyone(std::string_view uri) {
  return uri == "http://acs.amazonaws.com/groups/global/AllUsers" ||
         uri == "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" || uri == "AllUsers" ||
         uri == "AuthenticatedUsers";
}

}  // namespace

// c7n_s3_encryption(record, state, crypto, bucket_key_enabled): BucketEncryption.process_bucket,
// which looks only at the first rule of the default encryption configuration.
Value fn_c7n_s3_encryption(CallContext& ctx, Args args) {
  const Value& rec = args[0];
  if (!rec.is_object()) return rec.is_unknown() ? rec : type_error(ctx, "c7n_s3_encryption", "object", rec);
  const Value* be = find_member(rec, "c7n:bucket-encryption");
  Value rules = Value::null();
  if (be && be->is_unknown()) return Value::unknown();
  if (be && be->is_object()) {
    const Value* sse = find_member(*be, "ServerSideEncryptionConfiguration");
    if (sse && sse->is_unknown()) return Value::unknown();
    const Value* r = sse && sse->is_object() ? find_member(*sse, "Rules") : nullptr;
    if (r) rules = *r;
  }
  if (contains_unknown(rules)) return Value::unknown();
  const Value* first = rules.is_list() && rules.size() > 0 ? &rules.as_list()[0] : nullptr;
  const Value& bke = args[3];
  if (first && bke.is_bool()) {
    bool enabled = first->is_object() && is_true(find_member(*first, "BucketKeyEnabled"));
    return Value::boolean(bke.as_bool() ? enabled : !enabled);
  }
  bool state = !args[1].is_bool() || args[1].as_bool();
  if (!first) return Value::boolean(!state);
  bool encrypted = false;
  const Value* rule = first->is_object() ? find_member(*first, "ApplyServerSideEncryptionByDefault") : nullptr;
  if (rule && jmespath::truthy(*rule) && rule->is_object()) {
    const Value* algo = find_member(*rule, "SSEAlgorithm");
    std::string_view a = algo && algo->is_string() ? algo->as_string() : std::string_view();
    std::string_view crypto = args[2].is_string() ? args[2].as_string() : std::string_view();
    encrypted = crypto.empty() ? (a == "AES256" || a == "aws:kms") : a == crypto;
  }
  return Value::boolean(state ? encrypted : !encrypted);
}

// c7n_s3_global_grants(bucket, allow_website, permissions): GlobalGrantsFilter.process_bucket over
// the canonical `grant` blocks: a grant to everyone (or every AWS user) with one of the
// permissions (any when the list is empty), READ not counted on a website bucket when allowed.
Value fn_c7n_s3_global_grants(CallContext& ctx, Args args) {
  const Value* attrs = object_of(args[0]);
  if (!attrs) return type_error(ctx, "c7n_s3_global_grants", "resource", args[0]);
  const Value* grants = find_member(*attrs, "grant");
  if (!grants || grants->is_null()) return Value::boolean(false);
  if (grants->is_unknown()) return Value::unknown();
  if (!grants->is_list()) return type_error(ctx, "c7n_s3_global_grants", "list of grants", *grants);
  bool allow_website = !args[1].is_bool() || args[1].as_bool();
  const Value* website = find_member(*attrs, "website");
  bool unsure = false;
  for (const Value& g : grants->as_list()) {
    if (!g.is_object()) continue;
    const Value* uri = find_member(g, "uri");
    if (uri && uri->is_unknown()) {
      unsure = true;
      continue;
    }
    if (!uri || !uri->is_string() || !everyone(uri->as_string())) continue;
    const Value* perms = find_member(g, "permissions");
    if (perms && contains_unknown(*perms)) {
      unsure = true;
      continue;
    }
    std::vector<Value> list;
    if (perms && perms->is_list()) list.assign(perms->as_list().begin(), perms->as_list().end());
    if (perms && perms->is_string()) list.push_back(*perms);
    for (const Value& p : list) {
      if (!p.is_string()) continue;
      std::string perm = permission(p.as_string());
      if (allow_website && perm == "READ") {
        if (website && contains_unknown(*website)) {
          unsure = true;
          continue;
        }
        if (website && jmespath::truthy(*website)) continue;
      }
      bool wanted = !args[2].is_list() || args[2].size() == 0;
      if (args[2].is_list()) {
        for (const Value& w : args[2].as_list()) {
          if (w.is_string() && w.as_string() == perm) wanted = true;
        }
      }
      if (wanted) return Value::boolean(true);
    }
  }
  return unsure ? Value::unknown() : Value::boolean(false);
}

// c7n_s3_public_block(record, wanted): FilterPublicBlock.matches_filter. `wanted` holds the
// settings the policy names (each must be exactly that boolean); with none, a bucket matches when
// any setting is off. No configuration reads as every setting off, as Custodian records it.
Value fn_c7n_s3_public_block(CallContext& ctx, Args args) {
  static const char* const keys[] = {"BlockPublicPolicy", "BlockPublicAcls", "IgnorePublicAcls", "RestrictPublicBuckets"};
  const Value& rec = args[0];
  if (!rec.is_object()) return rec.is_unknown() ? rec : type_error(ctx, "c7n_s3_public_block", "object", rec);
  if (!args[1].is_object()) return type_error(ctx, "c7n_s3_public_block", "object", args[1]);
  const Value* config = find_member(rec, "c7n:PublicAccessBlock");
  if (config && config->is_unknown()) return *config;
  bool none = !config || config->is_null();
  auto setting = [&](const char* k) -> Value {
    if (none) return Value::boolean(false);
    const Value* v = config->is_object() ? find_member(*config, k) : nullptr;
    return v ? *v : Value::null();  // a missing key: Custodian raises KeyError; here it does not match
  };
  bool any_named = false, all_named = true, unsure = false;
  for (const char* k : keys) {
    const Value* want = find_member(args[1], k);
    if (!want) continue;
    any_named = true;
    Value have = setting(k);
    if (have.is_unknown()) unsure = true;
    else if (!(have.is_bool() && want->is_bool() && have.as_bool() == want->as_bool())) all_named = false;
  }
  if (any_named) return !all_named ? Value::boolean(false) : unsure ? Value::unknown() : Value::boolean(true);
  if (!none && config->is_object() && config->size() == 0) return Value::boolean(false);  // not all([]) is false
  bool any_off = false;
  for (const char* k : keys) {
    Value have = setting(k);
    if (have.is_unknown()) unsure = true;
    else if (!jmespath::truthy(have)) any_off = true;
  }
  return any_off ? Value::boolean(true) : unsure ? Value::unknown() : Value::boolean(false);
}

}  // namespace edict::stdlib::internal
