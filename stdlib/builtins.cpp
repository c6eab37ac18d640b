// The builtin table: each builtin declared once with its signature, docs and implementation.
// The checker reads it, the VM binds entries by index, and stdlib_markdown() renders it.
#include "stdlib/builtins.h"

#include <algorithm>
#include <unordered_map>

#include "stdlib/internal/c7n.h"
#include "stdlib/internal/functions.h"

namespace edict::stdlib {

namespace {

using T = Type;
using namespace internal;
constexpr uint8_t kVariadic = 255;

// Entries are grouped by category in the order the docs present them (see markdown.cpp).
// Laid out by hand, several fields a line, so one builtin reads as one block.
// clang-format off
std::vector<Builtin> make_table() {
  return {
      // strings
      {.name = "len", .category = "strings",
       .doc = "The number of characters (UTF-8 code points) of a string, elements of a list or members of an "
              "object; `len(null)` is 0.",
       .example = R"(len("héllo") == 5)", .params = {{"x", {T::String, T::List, T::Object}}}, .result = {T::Number},
       .fn = fn_len},
      {.name = "lower", .category = "strings",
       .doc = "`s` with ASCII letters in lower case.", .example = R"(lower("AbC") == "abc")",
       .params = {{"s", {T::String}}}, .result = {T::String}, .fn = fn_lower},
      {.name = "upper", .category = "strings",
       .doc = "`s` with ASCII letters in upper case.", .example = R"(upper("eu-west-1") == "EU-WEST-1")",
       .params = {{"s", {T::String}}}, .result = {T::String}, .fn = fn_upper},
      {.name = "trim", .category = "strings",
       .doc = "`s` without leading and trailing whitespace.", .example = R"(trim("  a b ") == "a b")",
       .params = {{"s", {T::String}}}, .result = {T::String}, .fn = fn_trim},
      {.name = "startswith", .category = "strings",
       .doc = "Whether `s` begins with `prefix`.",
       .example = R"(startswith("arn:aws:s3:::logs", "arn:aws:s3:") == true)",
       .params = {{"s", {T::String}}, {"prefix", {T::String}}}, .result = {T::Bool}, .fn = fn_startswith},
      {.name = "endswith", .category = "strings",
       .doc = "Whether `s` ends with `suffix`.", .example = R"(endswith("logs.example.com", ".com") == true)",
       .params = {{"s", {T::String}}, {"suffix", {T::String}}}, .result = {T::Bool}, .fn = fn_endswith},
      {.name = "contains",
       .category = "strings",
       .doc = "Substring test for a string, element membership (structural equality) for a list, key presence "
              "for an object.",
       .example = R"(contains(["tcp", "udp"], "udp") == true)",
       .params = {{"haystack", {T::String, T::List, T::Object}}, {"needle", {T::Any}}}, .result = {T::Bool},
       .sees_unknown = true, .fn = fn_contains},
      {.name = "split", .category = "strings",
       .doc = "The parts of `s` between occurrences of `sep`; an empty `sep` splits into characters.",
       .example = R"(split("a,b,,c", ",") == ["a", "b", "", "c"])",
       .params = {{"s", {T::String}}, {"sep", {T::String}}}, .result = {T::List}, .fn = fn_split},
      {.name = "join", .category = "strings",
       .doc = "The elements joined with `sep` between them; elements that are not strings are written as JSON.",
       .example = R"(join(["a", 1, true], "-") == "a-1-true")",
       .params = {{"items", {T::List}}, {"sep", {T::String}}}, .result = {T::String}, .fn = fn_join},
      {.name = "replace",
       .category = "strings", .doc = "`s` with every occurrence of `old` replaced (unchanged when `old` is empty).",
       .example = R"(replace("a-b-c", "-", "_") == "a_b_c")",
       .params = {{"s", {T::String}}, {"old", {T::String}}, {"new", {T::String}}}, .result = {T::String},
       .fn = fn_replace},
      {.name = "substr",
       .category = "strings",
       .doc = "At most `length` characters of `s` from `start` (negative: counted from the end), to the end when "
              "`length` is left out; bounds past either end are clamped.",
       .example = R"(substr("production", 0, 4) == "prod")",
       .params = {{"s", {T::String}}, {"start", {T::Number}}, {.name = "length", .types = {T::Number},
       .optional = true}}, .result = {T::String}, .fn = fn_substr},
      {.name = "to_string", .category = "strings",
       .doc = "Strings unchanged, other values as JSON text; null stays null.",
       .example = R"(to_string(443) == "443")", .params = {{"x", {T::Any}}}, .result = {T::String},
       .fn = fn_to_string},
      {.name = "format", .category = "strings",
       .doc = "The template with each `{}` replaced by the next value, written as by `to_string` (null as "
              "`null`); `{{` and `}}` stand for braces. The number of values must match.",
       .example = R"(format("{}/{}", "tcp", 22) == "tcp/22")",
       .params = {{"template", {T::String}}, {.name = "values", .types = {T::Any}, .variadic = true}},
       .result = {T::String}, .fn = fn_format, .check = check_format},
      // regex
      {.name = "matches", .category = "regex",
       .doc = "Whether the RE2 regular expression matches anywhere in `s` (use `^` and `$` to match all of it).",
       .example = R"(matches("prod-db-01", "^prod-") == true)",
       .params = {{"s", {T::String}}, {"pattern", {T::String}}}, .result = {T::Bool}, .fn = fn_matches,
       .check = check_regex},
      {.name = "regex_find", .category = "regex",
       .doc = "The first match of the RE2 regular expression in `s`, or null when there is none.",
       .example = R"(regex_find("db-0042", "[0-9]+") == "0042")",
       .params = {{"s", {T::String}}, {"pattern", {T::String}}}, .result = {T::String}, .fn = fn_regex_find,
       .check = check_regex},
      {.name = "regex_replace",
       .category = "regex",
       .doc = "`s` with every match of the RE2 regular expression replaced; `\\1` to `\\9` in the replacement "
              "insert capture groups and `\\0` the whole match.",
       .example = R"(regex_replace("a1b22c", "[0-9]+", "#") == "a#b#c")",
       .params = {{"s", {T::String}}, {"pattern", {T::String}}, {"replacement", {T::String}}}, .result = {T::String},
       .fn = fn_regex_replace,
       .check = check_regex},
      {.name = "glob", .category = "regex",
       .doc = "Whether all of `s` matches the glob, case-sensitively: `*` is any run of characters (`:` and `/` "
              "included, as in IAM), `?` one character, `[abc]`, `[a-z]` and `[!a-z]` a set; `\\` quotes.",
       .example = R"(glob("s3:GetObject", "s3:Get*") == true)",
       .params = {{"s", {T::String}}, {"pattern", {T::String}}}, .result = {T::Bool}, .fn = fn_glob,
       .check = check_glob},
      {.name = "glob_i", .category = "regex",
       .doc = "Like `glob`, ignoring ASCII case (IAM action names are case-insensitive).",
       .example = R"(glob_i("S3:getobject", "s3:Get*") == true)",
       .params = {{"s", {T::String}}, {"pattern", {T::String}}}, .result = {T::Bool}, .fn = fn_glob_i,
       .check = check_glob},
      // net
      {.name = "cidr_contains",
       .category = "net", .doc = "Whether the block contains the address, or every address of the second block.",
       .example = R"(cidr_contains("10.0.0.0/8", "10.1.2.0/24") == true)",
       .params = {{"cidr", {T::String}}, {"ip_or_cidr", {T::String}}}, .result = {T::Bool}, .fn = fn_cidr_contains,
       .check = check_cidr},
      {.name = "cidr_overlaps", .category = "net",
       .doc = "Whether two blocks share at least one address.",
       .example = R"(cidr_overlaps("10.0.0.0/16", "10.0.255.0/24") == true)",
       .params = {{"a", {T::String}}, {"b", {T::String}}}, .result = {T::Bool}, .fn = fn_cidr_overlaps,
       .check = check_cidr},
      {.name = "cidr_is_public", .category = "net",
       .doc = "Whether the block holds any publicly routable address: false only when it lies entirely inside "
              "private and special-purpose space (RFC 1918, loopback, link-local, CGNAT 100.64.0.0/10, "
              "0.0.0.0/8, documentation, benchmarking, multicast and reserved ranges; IPv6 `::`, `::1`, "
              "fc00::/7, fe80::/10, ff00::/8, 100::/64, 2001:db8::/32).",
       .example = R"(cidr_is_public("192.168.0.0/16") == false)", .params = {{"cidr", {T::String}}},
       .result = {T::Bool}, .fn = fn_cidr_is_public, .check = check_cidr},
      {.name = "cidr_is_world", .category = "net",
       .doc = "Whether the block is every address of its family (prefix length 0).",
       .example = R"(cidr_is_world("::/0") == true)", .params = {{"cidr", {T::String}}}, .result = {T::Bool},
       .fn = fn_cidr_is_world, .check = check_cidr},
      {.name = "cidr_prefix_len", .category = "net",
       .doc = "The prefix length of a block; 32 or 128 for a bare address.",
       .example = R"(cidr_prefix_len("10.0.0.0/8") == 8)", .params = {{"cidr", {T::String}}}, .result = {T::Number},
       .fn = fn_cidr_prefix_len, .check = check_cidr},
      {.name = "is_ipv4", .category = "net",
       .doc = "Whether `s` is an IPv4 address or block; false (never an error) for any other text.",
       .example = R"(is_ipv4("10.0.0.0/8") == true)", .params = {{"s", {T::String}}}, .result = {T::Bool},
       .fn = fn_is_ipv4},
      {.name = "is_ipv6", .category = "net",
       .doc = "Whether `s` is an IPv6 address or block; false (never an error) for any other text.",
       .example = R"(is_ipv6("2001:db8::/32") == true)", .params = {{"s", {T::String}}}, .result = {T::Bool},
       .fn = fn_is_ipv6},
      {.name = "port_range_covers",
       .category = "net",
       .doc = "Whether `from <= port <= to`, where -1 means 0 as `from` and 65535 as `to` (AWS's \"all\"); "
              "`from > to` covers nothing. The protocol is not looked at: Terraform writes all-protocol "
              "(`\"-1\"`) rules with ports 0 to 0.",
       .example = R"(port_range_covers(0, 65535, 3389) == true)",
       .params = {{"from", {T::Number}}, {"to", {T::Number}}, {"port", {T::Number}}}, .result = {T::Bool},
       .fn = fn_port_range_covers,
       .check = check_port},
      {.name = "port_ranges_overlap",
       .category = "net", .doc = "Whether two port ranges share a port, reading -1 as `port_range_covers` does.",
       .example = R"(port_ranges_overlap(20, 25, 22, 22) == true)",
       .params = {{"from1", {T::Number}}, {"to1", {T::Number}}, {"from2", {T::Number}}, {"to2", {T::Number}}},
       .result = {T::Bool}, .fn = fn_port_ranges_overlap,
       .check = check_port},
      // json
      {.name = "json_parse", .category = "json",
       .doc = "The value of JSON text. Text that starts with `%`, or is not JSON as it stands but contains "
              "`%7B`, is URL-decoded first (the IAM API's form); an object or list is returned as it is.",
       .example = R"(json_parse("[1, 2]") == [1, 2])", .params = {{"text", {T::String, T::List, T::Object}}},
       .result = {T::Any}, .fn = fn_json_parse, .check = check_json},
      {.name = "url_decode", .category = "json",
       .doc = "`s` with `%XX` escapes decoded; `+` stays `+` and malformed escapes are kept.",
       .example = R"(url_decode("a%20b%2Fc") == "a b/c")", .params = {{"s", {T::String}}}, .result = {T::String},
       .fn = fn_url_decode},
      {.name = "to_json", .category = "json",
       .doc = "Compact JSON text of a value (`\"null\"` for null; resources as their address).",
       .example = R"(to_json([1, true, null]) == "[1,true,null]")", .params = {{"x", {T::Any}}},
       .result = {T::String}, .fn = fn_to_json},
      {.name = "policy_statements", .category = "json",
       .doc = "The statements of an IAM policy (JSON text, URL-encoded or not, or an object) as a list, whether "
              "`Statement` is one object or a list; in each, `Action`, `NotAction`, `Resource` and "
              "`NotResource` become lists of strings when present, other keys are kept as they are.",
       .example = R"(policy_statements("{\"Statement\": {\"Action\": \"s3:*\"}}")[0].Action == ["s3:*"])",
       .params = {{"doc", {T::String, T::Object}}}, .result = {T::List}, .fn = fn_policy_statements,
       .check = check_json},
      // collections
      {.name = "keys", .category = "collections",
       .doc = "The keys of an object (or of a resource's attributes), in order.",
       .example = R"(keys({"a": 1, "b": 2}) == ["a", "b"])", .params = {{"o", {T::Object}}}, .result = {T::List},
       .fn = fn_keys},
      {.name = "values", .category = "collections",
       .doc = "The values of an object (or of a resource's attributes), in the order of `keys`.",
       .example = R"(values({"a": 1, "b": 2}) == [1, 2])", .params = {{"o", {T::Object}}}, .result = {T::List},
       .fn = fn_values},
      {.name = "as_list", .category = "collections",
       .doc = "`[]` for null, a list as it is, `[x]` for anything else: for attributes that hold either one "
              "value or a list.",
       .example = R"(as_list("s3:*") == ["s3:*"])", .params = {{"x", {T::Any}}}, .result = {T::List},
       .fn = fn_as_list},
      {.name = "flatten", .category = "collections",
       .doc = "The list with nested lists spliced in, one level deep.",
       .example = R"(flatten([[1, 2], 3, [[4]]]) == [1, 2, 3, [4]])", .params = {{"items", {T::List}}},
       .result = {T::List}, .fn = fn_flatten},
      {.name = "unique", .category = "collections",
       .doc = "The list without repeated elements, keeping the first of each.",
       .example = R"(unique(["a", "b", "a"]) == ["a", "b"])", .params = {{"items", {T::List}}}, .result = {T::List},
       .fn = fn_unique},
      {.name = "sort", .category = "collections",
       .doc = "A list of numbers, or of strings (by bytes), in ascending order.",
       .example = R"(sort([3, 1, 2]) == [1, 2, 3])", .params = {{"items", {T::List}}}, .result = {T::List},
       .fn = fn_sort},
      {.name = "sum", .category = "collections",
       .doc = "The sum of a list of numbers; 0 for an empty list.", .example = R"(sum([1, 2, 3]) == 6)",
       .params = {{"items", {T::List}}}, .result = {T::Number}, .fn = fn_sum},
      {.name = "min", .category = "collections",
       .doc = "The least of a list of numbers or of strings; null for an empty list.",
       .example = R"(min([3, 1, 2]) == 1)", .params = {{"items", {T::List}}}, .result = {T::Number, T::String},
       .fn = fn_min},
      {.name = "max", .category = "collections",
       .doc = "The greatest of a list of numbers or of strings; null for an empty list.",
       .example = R"(max(["b", "c", "a"]) == "c")", .params = {{"items", {T::List}}},
       .result = {T::Number, T::String}, .fn = fn_max},
      {.name = "has_key", .category = "collections",
       .doc = "Whether the object has the key, even when its value is null; false when `o` is null.",
       .example = R"(has_key({"a": null}, "a") == true)", .params = {{"o", {T::Object}}, {"key", {T::String}}},
       .result = {T::Bool}, .fn = fn_has_key},
      {.name = "get",
       .category = "collections",
       .doc = "`c[key]`, or `default` when `c` is null, the key is absent or the value is null. Lists take a "
              "whole-number index (negative: from the end); out of range gives `default`.",
       .example = R"(get({"a": 1}, "b", 0) == 0)",
       .params = {{"c", {T::Object, T::List}}, {"key", {T::String, T::Number}}, {"default", {T::Any}}},
       .result = {T::Any}, .fn = fn_get},
      {.name = "type_of", .category = "collections",
       .doc = "The kind of a value: `null`, `bool`, `number`, `string`, `list`, `object` or `resource`.",
       .example = R"(type_of([1]) == "list")", .params = {{"x", {T::Any}}}, .result = {T::String}, .fn = fn_type_of},
      {.name = "known", .category = "collections",
       .doc = "False when `x` is unknown or holds an unknown anywhere inside, else true. With `is_set`, the "
              "only builtins called with unknown arguments.",
       .example = R"(known([1, "a"]) == true)", .params = {{"x", {T::Any}}}, .result = {T::Bool},
       .sees_unknown = true, .fn = fn_known},
      {.name = "is_set", .category = "collections",
       .doc = "Whether an attribute is set: true when `x` is known and not null, false when it is null or "
              "absent. An attribute known only after apply is set when the plan's configuration gives it an "
              "expression (`kms_key_id = aws_kms_key.k.arn`), not set when the configuration leaves it out "
              "(the provider computes it), and unknown when the plan does not say.",
       .example = R"(is_set("k") == true)", .params = {{"x", {T::Any}}}, .result = {T::Bool}, .sees_unknown = true,
       .fn = fn_is_set},
      // numbers
      {.name = "abs", .category = "numbers", .doc = "The absolute value.",
       .example = "abs(-3) == 3", .params = {{"n", {T::Number}}}, .result = {T::Number},
       .fn = fn_abs},
      {.name = "floor", .category = "numbers",
       .doc = "The greatest whole number not above `n`.", .example = "floor(2.7) == 2",
       .params = {{"n", {T::Number}}}, .result = {T::Number}, .fn = fn_floor},
      {.name = "ceil", .category = "numbers",
       .doc = "The least whole number not below `n`.", .example = "ceil(2.1) == 3", .params = {{"n", {T::Number}}},
       .result = {T::Number}, .fn = fn_ceil},
      {.name = "round", .category = "numbers",
       .doc = "The nearest whole number; halves round away from zero.", .example = "round(2.5) == 3",
       .params = {{"n", {T::Number}}}, .result = {T::Number}, .fn = fn_round},
      {.name = "to_number", .category = "numbers",
       .doc = "A number as it is, or the value of a decimal string (blanks around it allowed); other text is "
              "an error.",
       .example = R"(to_number("8080") == 8080)", .params = {{"x", {T::Number, T::String}}}, .result = {T::Number},
       .fn = fn_to_number},
      // time
      {.name = "timestamp", .category = "time",
       .doc = "Unix seconds of an RFC 3339 timestamp (`Z` or an offset, optional fractional seconds); a date "
              "alone is midnight UTC and a missing offset means UTC. A number is returned as it is.",
       .example = R"(timestamp("2024-01-02T03:04:05+01:00") == 1704161045)",
       .params = {{"s", {T::String, T::Number}}}, .result = {T::Number}, .fn = fn_timestamp,
       .check = check_timestamp},
      {.name = "now", .category = "time",
       .doc = "The evaluation time in Unix seconds (`EDICT_NOW`, or the clock when the run starts), the same "
              "for every rule and resource of a run.",
       .example = R"(now() > timestamp("2020-01-01"))", .params = {}, .result = {T::Number}, .fn = fn_now,
       .pure = false},
      {.name = "age_days", .category = "time",
       .doc = "Whole days from `t` (a timestamp or Unix seconds) to `now()`, rounded down; negative for "
              "future times.",
       .example = "age_days(now() - 3 * 86400) == 3", .params = {{"t", {T::String, T::Number}}},
       .result = {T::Number}, .fn = fn_age_days, .check = check_timestamp, .pure = false},
      {.name = "days_between",
       .category = "time", .doc = "Whole days from `a` to `b` (timestamps or Unix seconds), rounded down.",
       .example = R"(days_between("2024-01-01", "2024-03-01") == 60)",
       .params = {{"a", {T::String, T::Number}}, {"b", {T::String, T::Number}}}, .result = {T::Number},
       .fn = fn_days_between, .check = check_timestamp},
      {.name = "duration", .category = "time",
       .doc = "Seconds in a duration: units `w`, `d`, `h`, `m`, `s` from largest to smallest (`\"1h30m\"`, "
              "`\"90d\"`), or ISO 8601 (`\"P90D\"`, `\"PT12H\"`, `\"P1DT2H\"`). Years and months are refused: "
              "they have no fixed length.",
       .example = R"(duration("1h30m") == 5400)", .params = {{"s", {T::String}}}, .result = {T::Number},
       .fn = fn_duration, .check = check_duration},
      // c7n: what the Cloud Custodian front end (c7n/) compiles policies to
      {.name = "c7n_value",
       .category = "c7n",
       .doc = "Cloud Custodian's `value` filter on a record: the key (`tag:K`, a member, or JMESPath) read, "
              "`value_regex` and `value_type` applied, the special values `absent`, `present`, `not-null` and "
              "`empty` tested, then the op with Python's semantics (a type error does not match). Null "
              "arguments are left out of the filter.",
       .example = R"(c7n_value({"Size": 8}, "Size", "gt", 4, null, null, null) == true)",
       .params = {{"record", {T::Object}}, {"key", {T::String}}, {"op", {T::String}}, {"value", {T::Any}}, {"value_type", {T::String}}, {"value_regex", {T::String}}, {"value_path", {T::String}}},
       .result = {T::Bool}, .sees_unknown = true, .fn = fn_c7n_value,
       .pure = false},
      {.name = "c7n_search", .category = "c7n",
       .doc = "The value of a Custodian key (`tag:K`, a member, or the JMESPath subset Custodian policies use).",
       .example = R"(c7n_search({"A": [{"B": 1}, {"B": 2}]}, "A[].B") == [1, 2])",
       .params = {{"record", {T::Any}}, {"expr", {T::String}}},
       .result = {T::Any}, .sees_unknown = true, .fn = fn_c7n_search},
      {.name = "c7n_items", .category = "c7n",
       .doc = "The list a `list-item` filter walks: `[]` when the key gives nothing, an error when it is not a list.",
       .example = R"(c7n_items({"A": null}, "A") == [])",
       .params = {{"record", {T::Any}}, {"key", {T::String}}},
       .result = {T::List}, .sees_unknown = true, .fn = fn_c7n_items},
      {.name = "c7n_compare",
       .category = "c7n", .doc = "A Custodian op (`eq`, `gt`, `in`, `intersect`, ...) between two values, with "
                                 "Python's semantics: a type error is false.",
       .example = R"(c7n_compare(3, "gte", 2) == true)",
       .params = {{"left", {T::Any}}, {"op", {T::String}}, {"right", {T::Any}}},
       .result = {T::Bool}, .sees_unknown = true, .fn = fn_c7n_compare},
      {.name = "c7n_tag_list", .category = "c7n",
       .doc = "A tag map as the AWS API's `[{Key, Value}]` list, the shape Custodian filters read.",
       .example = R"(c7n_tag_list({"Env": "prod"}) == [{"Key": "Env", "Value": "prod"}])",
       .params = {{"tags", {T::Object}}}, .result = {T::List}, .sees_unknown = true, .fn = fn_c7n_tag_list},
      {.name = "c7n_s3_encryption",
       .category = "c7n",
       .doc = "Custodian's S3 `bucket-encryption` filter on a bucket record (its first default-encryption "
              "rule); null arguments are left out.",
       .example = R"(c7n_s3_encryption({}, false, null, null) == true)",
       .params = {{"record", {T::Object}}, {"state", {T::Bool}}, {"crypto", {T::String}}, {"bucket_key_enabled", {T::Bool}}},
       .result = {T::Bool}, .sees_unknown = true, .fn = fn_c7n_s3_encryption},
      {.name = "c7n_s3_global_grants",
       .category = "c7n",
       .doc = "Custodian's S3 `global-grants` filter on a bucket's `grant` blocks: a grant to all users or "
              "all AWS users with one of `permissions` (any when empty); READ on a website bucket does not "
              "count unless `allow_website` is false.",
       .example = R"(c7n_s3_global_grants({"grant": [{"uri": "AllUsers", "permissions": ["READ"]}]}, true, []) == true)",
      
       .params = {{"bucket", {T::Resource, T::Object}}, {"allow_website", {T::Bool}}, {"permissions", {T::List}}},
       .result = {T::Bool},
       .sees_unknown = true, .fn = fn_c7n_s3_global_grants},
      {.name = "c7n_s3_public_block",
       .category = "c7n",
       .doc = "Custodian's S3 `check-public-block` filter on a bucket record: every setting named in `wanted` "
              "has that value, or with none named, some setting is off (no configuration: all off).",
       .example = R"(c7n_s3_public_block({}, {"BlockPublicAcls": false}) == true)",
       .params = {{"record", {T::Object}}, {"wanted", {T::Object}}},
       .result = {T::Bool}, .sees_unknown = true, .fn = fn_c7n_s3_public_block},
      // resources: domains, which the compiler lowers to indexed lookups (fn is null)
      {.name = "resources", .category = "resources",
       .doc = "All managed resources of a type, in input order; `TYPE` is a bare type name such as "
              "`aws_s3_bucket`.",
       .example = R"(some b in resources(aws_s3_bucket): b.bucket == "logs")", .params = {{"TYPE", {}}},
       .result = {T::List}, .domain = Domain::Resources},
      {.name = "data", .category = "resources",
       .doc = "The data sources of a type (`data.TYPE.NAME` in Terraform), which rules read but do not check.",
       .example = R"(some d in data(aws_caller_identity): d.account_id != null)", .params = {{"TYPE", {}}},
       .result = {T::List}, .domain = Domain::DataSources},
  };
}
// clang-format on

// Fills in what is derived from the parameters: arity and the signature the docs show.
void derive(Builtin& b) {
  b.signature = std::string(b.name) + "(";
  for (size_t i = 0; i < b.params.size(); ++i) {
    const Param& p = b.params[i];
    if (i > 0) b.signature += ", ";
    b.signature += p.name;
    if (p.optional) b.signature += "?";
    if (!p.types.empty()) b.signature += ": " + types_text(p.types);
    if (p.variadic) b.signature += "...";
    if (!p.optional && !p.variadic) b.min_args = static_cast<uint8_t>(i + 1);
  }
  b.max_args = !b.params.empty() && b.params.back().variadic ? kVariadic : static_cast<uint8_t>(b.params.size());
  b.signature += ") -> " + types_text(b.result);
}

}  // namespace

const char* type_name(Type t) {
  switch (t) {
    case Type::Any: return "any";
    case Type::Null: return "null";
    case Type::Bool: return "bool";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::List: return "list";
    case Type::Object: return "object";
    case Type::Resource: return "resource";
  }
  return "any";
}

std::string types_text(const Types& types) {
  std::string out;
  for (Type t : types) {
    if (!out.empty()) out += "|";
    out += type_name(t);
  }
  return out;
}

bool Builtin::accepts(size_t i, Type have) const {
  if (params.empty() || (i >= params.size() && !params.back().variadic)) return true;
  const Types& want = params[std::min(i, params.size() - 1)].types;
  if (want.empty()) return true;
  return std::find(want.begin(), want.end(), Type::Any) != want.end() ||
         std::find(want.begin(), want.end(), have) != want.end();
}

const std::vector<Builtin>& builtins() {
  static const std::vector<Builtin> table = [] {
    std::vector<Builtin> t = make_table();
    for (Builtin& b : t) derive(b);
    return t;
  }();
  return table;
}

int find_builtin(std::string_view name) {
  static const std::unordered_map<std::string_view, int> index = [] {
    std::unordered_map<std::string_view, int> out;
    const std::vector<Builtin>& table = builtins();
    for (size_t i = 0; i < table.size(); ++i) out.emplace(table[i].name, static_cast<int>(i));
    return out;
  }();
  auto it = index.find(name);
  return it == index.end() ? -1 : it->second;
}

}  // namespace edict::stdlib
