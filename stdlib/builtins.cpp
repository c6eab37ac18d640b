// The builtin table: each builtin declared once with its signature, docs and implementation.
// The checker reads it, the VM binds entries by index, and stdlib_markdown() renders it.
#include "stdlib/builtins.h"

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
      {.name = "len", .signature = "len(x: string|list|object) -> number", .category = "strings",
       .doc = "The number of characters (UTF-8 code points) of a string, elements of a list or members of an "
              "object; `len(null)` is 0.",
       .example = R"(len("héllo") == 5)", .min_args = 1, .max_args = 1, .params = {T::Any}, .result = T::Number,
       .fn = fn_len},
      {.name = "lower", .signature = "lower(s: string) -> string", .category = "strings",
       .doc = "`s` with ASCII letters in lower case.", .example = R"(lower("AbC") == "abc")", .min_args = 1,
       .max_args = 1, .params = {T::String}, .result = T::String, .fn = fn_lower},
      {.name = "upper", .signature = "upper(s: string) -> string", .category = "strings",
       .doc = "`s` with ASCII letters in upper case.", .example = R"(upper("eu-west-1") == "EU-WEST-1")",
       .min_args = 1, .max_args = 1, .params = {T::String}, .result = T::String, .fn = fn_upper},
      {.name = "trim", .signature = "trim(s: string) -> string", .category = "strings",
       .doc = "`s` without leading and trailing whitespace.", .example = R"(trim("  a b ") == "a b")",
       .min_args = 1, .max_args = 1, .params = {T::String}, .result = T::String, .fn = fn_trim},
      {.name = "startswith", .signature = "startswith(s: string, prefix: string) -> bool", .category = "strings",
       .doc = "Whether `s` begins with `prefix`.", .example = R"(startswith("arn:aws:s3:::logs", "arn:aws:s3:") == true)",
       .min_args = 2, .max_args = 2, .params = {T::String, T::String}, .result = T::Bool, .fn = fn_startswith},
      {.name = "endswith", .signature = "endswith(s: string, suffix: string) -> bool", .category = "strings",
       .doc = "Whether `s` ends with `suffix`.", .example = R"(endswith("logs.example.com", ".com") == true)",
       .min_args = 2, .max_args = 2, .params = {T::String, T::String}, .result = T::Bool, .fn = fn_endswith},
      {.name = "contains", .signature = "contains(haystack: string|list|object, needle: any) -> bool",
       .category = "strings",
       .doc = "Substring test for a string, element membership (structural equality) for a list, key presence "
              "for an object.",
       .example = R"(contains(["tcp", "udp"], "udp") == true)", .min_args = 2, .max_args = 2,
       .params = {T::Any, T::Any}, .result = T::Bool, .fn = fn_contains},
      {.name = "split", .signature = "split(s: string, sep: string) -> list", .category = "strings",
       .doc = "The parts of `s` between occurrences of `sep`; an empty `sep` splits into characters.",
       .example = R"(split("a,b,,c", ",") == ["a", "b", "", "c"])", .min_args = 2, .max_args = 2,
       .params = {T::String, T::String}, .result = T::List, .fn = fn_split},
      {.name = "join", .signature = "join(items: list, sep: string) -> string", .category = "strings",
       .doc = "The elements joined with `sep` between them; elements that are not strings are written as JSON.",
       .example = R"(join(["a", 1, true], "-") == "a-1-true")", .min_args = 2, .max_args = 2,
       .params = {T::List, T::String}, .result = T::String, .fn = fn_join},
      {.name = "replace", .signature = "replace(s: string, old: string, new: string) -> string",
       .category = "strings", .doc = "`s` with every occurrence of `old` replaced (unchanged when `old` is empty).",
       .example = R"(replace("a-b-c", "-", "_") == "a_b_c")", .min_args = 3, .max_args = 3,
       .params = {T::String, T::String, T::String}, .result = T::String, .fn = fn_replace},
      {.name = "substr", .signature = "substr(s: string, start: number, length?: number) -> string",
       .category = "strings",
       .doc = "At most `length` characters of `s` from `start` (negative: counted from the end), to the end when "
              "`length` is left out; bounds past either end are clamped.",
       .example = R"(substr("production", 0, 4) == "prod")", .min_args = 2, .max_args = 3,
       .params = {T::String, T::Number, T::Number}, .result = T::String, .fn = fn_substr},
      {.name = "to_string", .signature = "to_string(x: any) -> string", .category = "strings",
       .doc = "Strings unchanged, other values as JSON text; null stays null.",
       .example = R"(to_string(443) == "443")", .min_args = 1, .max_args = 1, .params = {T::Any},
       .result = T::String, .fn = fn_to_string},
      {.name = "format", .signature = "format(template: string, values: any...) -> string", .category = "strings",
       .doc = "The template with each `{}` replaced by the next value, written as by `to_string` (null as "
              "`null`); `{{` and `}}` stand for braces. The number of values must match.",
       .example = R"(format("{}/{}", "tcp", 22) == "tcp/22")", .min_args = 1, .max_args = kVariadic,
       .params = {T::String, T::Any}, .result = T::String, .fn = fn_format, .check = check_format},
      // regex
      {.name = "matches", .signature = "matches(s: string, pattern: string) -> bool", .category = "regex",
       .doc = "Whether the RE2 regular expression matches anywhere in `s` (use `^` and `$` to match all of it).",
       .example = R"(matches("prod-db-01", "^prod-") == true)", .min_args = 2, .max_args = 2,
       .params = {T::String, T::String}, .result = T::Bool, .fn = fn_matches, .check = check_regex},
      {.name = "regex_find", .signature = "regex_find(s: string, pattern: string) -> string", .category = "regex",
       .doc = "The first match of the RE2 regular expression in `s`, or null when there is none.",
       .example = R"(regex_find("db-0042", "[0-9]+") == "0042")", .min_args = 2, .max_args = 2,
       .params = {T::String, T::String}, .result = T::String, .fn = fn_regex_find, .check = check_regex},
      {.name = "regex_replace", .signature = "regex_replace(s: string, pattern: string, replacement: string) -> string",
       .category = "regex",
       .doc = "`s` with every match of the RE2 regular expression replaced; `\\1` to `\\9` in the replacement "
              "insert capture groups and `\\0` the whole match.",
       .example = R"(regex_replace("a1b22c", "[0-9]+", "#") == "a#b#c")", .min_args = 3, .max_args = 3,
       .params = {T::String, T::String, T::String}, .result = T::String, .fn = fn_regex_replace,
       .check = check_regex},
      {.name = "glob", .signature = "glob(s: string, pattern: string) -> bool", .category = "regex",
       .doc = "Whether all of `s` matches the glob, case-sensitively: `*` is any run of characters (`:` and `/` "
              "included, as in IAM), `?` one character, `[abc]`, `[a-z]` and `[!a-z]` a set; `\\` quotes.",
       .example = R"(glob("s3:GetObject", "s3:Get*") == true)", .min_args = 2, .max_args = 2,
       .params = {T::String, T::String}, .result = T::Bool, .fn = fn_glob, .check = check_glob},
      {.name = "glob_i", .signature = "glob_i(s: string, pattern: string) -> bool", .category = "regex",
       .doc = "Like `glob`, ignoring ASCII case (IAM action names are case-insensitive).",
       .example = R"(glob_i("S3:getobject", "s3:Get*") == true)", .min_args = 2, .max_args = 2,
       .params = {T::String, T::String}, .result = T::Bool, .fn = fn_glob_i, .check = check_glob},
      // net
      {.name = "cidr_contains", .signature = "cidr_contains(cidr: string, ip_or_cidr: string) -> bool",
       .category = "net", .doc = "Whether the block contains the address, or every address of the second block.",
       .example = R"(cidr_contains("10.0.0.0/8", "10.1.2.0/24") == true)", .min_args = 2, .max_args = 2,
       .params = {T::String, T::String}, .result = T::Bool, .fn = fn_cidr_contains, .check = check_cidr},
      {.name = "cidr_overlaps", .signature = "cidr_overlaps(a: string, b: string) -> bool", .category = "net",
       .doc = "Whether two blocks share at least one address.",
       .example = R"(cidr_overlaps("10.0.0.0/16", "10.0.255.0/24") == true)", .min_args = 2, .max_args = 2,
       .params = {T::String, T::String}, .result = T::Bool, .fn = fn_cidr_overlaps, .check = check_cidr},
      {.name = "cidr_is_public", .signature = "cidr_is_public(cidr: string) -> bool", .category = "net",
       .doc = "Whether the block holds any publicly routable address: false only when it lies entirely inside "
              "private and special-purpose space (RFC 1918, loopback, link-local, CGNAT 100.64.0.0/10, "
              "0.0.0.0/8, documentation, benchmarking, multicast and reserved ranges; IPv6 `::`, `::1`, "
              "fc00::/7, fe80::/10, ff00::/8, 100::/64, 2001:db8::/32).",
       .example = R"(cidr_is_public("192.168.0.0/16") == false)", .min_args = 1, .max_args = 1,
       .params = {T::String}, .result = T::Bool, .fn = fn_cidr_is_public, .check = check_cidr},
      {.name = "cidr_is_world", .signature = "cidr_is_world(cidr: string) -> bool", .category = "net",
       .doc = "Whether the block is every address of its family (prefix length 0).",
       .example = R"(cidr_is_world("::/0") == true)", .min_args = 1, .max_args = 1, .params = {T::String},
       .result = T::Bool, .fn = fn_cidr_is_world, .check = check_cidr},
      {.name = "cidr_prefix_len", .signature = "cidr_prefix_len(cidr: string) -> number", .category = "net",
       .doc = "The prefix length of a block; 32 or 128 for a bare address.",
       .example = R"(cidr_prefix_len("10.0.0.0/8") == 8)", .min_args = 1, .max_args = 1, .params = {T::String},
       .result = T::Number, .fn = fn_cidr_prefix_len, .check = check_cidr},
      {.name = "is_ipv4", .signature = "is_ipv4(s: string) -> bool", .category = "net",
       .doc = "Whether `s` is an IPv4 address or block; false (never an error) for any other text.",
       .example = R"(is_ipv4("10.0.0.0/8") == true)", .min_args = 1, .max_args = 1, .params = {T::String},
       .result = T::Bool, .fn = fn_is_ipv4},
      {.name = "is_ipv6", .signature = "is_ipv6(s: string) -> bool", .category = "net",
       .doc = "Whether `s` is an IPv6 address or block; false (never an error) for any other text.",
       .example = R"(is_ipv6("2001:db8::/32") == true)", .min_args = 1, .max_args = 1, .params = {T::String},
       .result = T::Bool, .fn = fn_is_ipv6},
      {.name = "port_range_covers", .signature = "port_range_covers(from: number, to: number, port: number) -> bool",
       .category = "net",
       .doc = "Whether `from <= port <= to`, where -1 means 0 as `from` and 65535 as `to` (AWS's \"all\"); "
              "`from > to` covers nothing. The protocol is not looked at: Terraform writes all-protocol "
              "(`\"-1\"`) rules with ports 0 to 0.",
       .example = R"(port_range_covers(0, 65535, 3389) == true)", .min_args = 3, .max_args = 3,
       .params = {T::Number, T::Number, T::Number}, .result = T::Bool, .fn = fn_port_range_covers,
       .check = check_port},
      {.name = "port_ranges_overlap",
       .signature = "port_ranges_overlap(from1: number, to1: number, from2: number, to2: number) -> bool",
       .category = "net", .doc = "Whether two port ranges share a port, reading -1 as `port_range_covers` does.",
       .example = R"(port_ranges_overlap(20, 25, 22, 22) == true)", .min_args = 4, .max_args = 4,
       .params = {T::Number, T::Number, T::Number, T::Number}, .result = T::Bool, .fn = fn_port_ranges_overlap,
       .check = check_port},
      // json
      {.name = "json_parse", .signature = "json_parse(text: string) -> any", .category = "json",
       .doc = "The value of JSON text. Text that starts with `%`, or is not JSON as it stands but contains "
              "`%7B`, is URL-decoded first (the IAM API's form); an object or list is returned as it is.",
       .example = R"(json_parse("[1, 2]") == [1, 2])", .min_args = 1, .max_args = 1, .params = {T::Any},
       .result = T::Any, .fn = fn_json_parse, .check = check_json},
      {.name = "url_decode", .signature = "url_decode(s: string) -> string", .category = "json",
       .doc = "`s` with `%XX` escapes decoded; `+` stays `+` and malformed escapes are kept.",
       .example = R"(url_decode("a%20b%2Fc") == "a b/c")", .min_args = 1, .max_args = 1, .params = {T::String},
       .result = T::String, .fn = fn_url_decode},
      {.name = "to_json", .signature = "to_json(x: any) -> string", .category = "json",
       .doc = "Compact JSON text of a value (`\"null\"` for null; resources as their address).",
       .example = R"(to_json([1, true, null]) == "[1,true,null]")", .min_args = 1, .max_args = 1,
       .params = {T::Any}, .result = T::String, .fn = fn_to_json},
      {.name = "policy_statements", .signature = "policy_statements(doc: string|object) -> list", .category = "json",
       .doc = "The statements of an IAM policy (JSON text, URL-encoded or not, or an object) as a list, whether "
              "`Statement` is one object or a list; in each, `Action`, `NotAction`, `Resource` and "
              "`NotResource` become lists of strings when present, other keys are kept as they are.",
       .example = R"(policy_statements("{\"Statement\": {\"Action\": \"s3:*\"}}")[0].Action == ["s3:*"])",
       .min_args = 1, .max_args = 1, .params = {T::Any}, .result = T::List, .fn = fn_policy_statements,
       .check = check_json},
      // collections
      {.name = "keys", .signature = "keys(o: object) -> list", .category = "collections",
       .doc = "The keys of an object (or of a resource's attributes), in order.",
       .example = R"(keys({"a": 1, "b": 2}) == ["a", "b"])", .min_args = 1, .max_args = 1, .params = {T::Any},
       .result = T::List, .fn = fn_keys},
      {.name = "values", .signature = "values(o: object) -> list", .category = "collections",
       .doc = "The values of an object (or of a resource's attributes), in the order of `keys`.",
       .example = R"(values({"a": 1, "b": 2}) == [1, 2])", .min_args = 1, .max_args = 1, .params = {T::Any},
       .result = T::List, .fn = fn_values},
      {.name = "as_list", .signature = "as_list(x: any) -> list", .category = "collections",
       .doc = "`[]` for null, a list as it is, `[x]` for anything else: for attributes that hold either one "
              "value or a list.",
       .example = R"(as_list("s3:*") == ["s3:*"])", .min_args = 1, .max_args = 1, .params = {T::Any},
       .result = T::List, .fn = fn_as_list},
      {.name = "flatten", .signature = "flatten(items: list) -> list", .category = "collections",
       .doc = "The list with nested lists spliced in, one level deep.",
       .example = R"(flatten([[1, 2], 3, [[4]]]) == [1, 2, 3, [4]])", .min_args = 1, .max_args = 1,
       .params = {T::List}, .result = T::List, .fn = fn_flatten},
      {.name = "unique", .signature = "unique(items: list) -> list", .category = "collections",
       .doc = "The list without repeated elements, keeping the first of each.",
       .example = R"(unique(["a", "b", "a"]) == ["a", "b"])", .min_args = 1, .max_args = 1, .params = {T::List},
       .result = T::List, .fn = fn_unique},
      {.name = "sort", .signature = "sort(items: list) -> list", .category = "collections",
       .doc = "A list of numbers, or of strings (by bytes), in ascending order.",
       .example = R"(sort([3, 1, 2]) == [1, 2, 3])", .min_args = 1, .max_args = 1, .params = {T::List},
       .result = T::List, .fn = fn_sort},
      {.name = "sum", .signature = "sum(items: list) -> number", .category = "collections",
       .doc = "The sum of a list of numbers; 0 for an empty list.", .example = R"(sum([1, 2, 3]) == 6)",
       .min_args = 1, .max_args = 1, .params = {T::List}, .result = T::Number, .fn = fn_sum},
      {.name = "min", .signature = "min(items: list) -> number|string", .category = "collections",
       .doc = "The least of a list of numbers or of strings; null for an empty list.",
       .example = R"(min([3, 1, 2]) == 1)", .min_args = 1, .max_args = 1, .params = {T::List}, .result = T::Any,
       .fn = fn_min},
      {.name = "max", .signature = "max(items: list) -> number|string", .category = "collections",
       .doc = "The greatest of a list of numbers or of strings; null for an empty list.",
       .example = R"(max(["b", "c", "a"]) == "c")", .min_args = 1, .max_args = 1, .params = {T::List},
       .result = T::Any, .fn = fn_max},
      {.name = "has_key", .signature = "has_key(o: object, key: string) -> bool", .category = "collections",
       .doc = "Whether the object has the key, even when its value is null; false when `o` is null.",
       .example = R"(has_key({"a": null}, "a") == true)", .min_args = 2, .max_args = 2,
       .params = {T::Any, T::String}, .result = T::Bool, .fn = fn_has_key},
      {.name = "get", .signature = "get(c: object|list, key: string|number, default: any) -> any",
       .category = "collections",
       .doc = "`c[key]`, or `default` when `c` is null, the key is absent or the value is null. Lists take a "
              "whole-number index (negative: from the end); out of range gives `default`.",
       .example = R"(get({"a": 1}, "b", 0) == 0)", .min_args = 3, .max_args = 3, .params = {T::Any, T::Any, T::Any},
       .result = T::Any, .fn = fn_get},
      {.name = "type_of", .signature = "type_of(x: any) -> string", .category = "collections",
       .doc = "The kind of a value: `null`, `bool`, `number`, `string`, `list`, `object` or `resource`.",
       .example = R"(type_of([1]) == "list")", .min_args = 1, .max_args = 1, .params = {T::Any},
       .result = T::String, .fn = fn_type_of},
      {.name = "known", .signature = "known(x: any) -> bool", .category = "collections",
       .doc = "False when `x` is unknown or holds an unknown anywhere inside, else true. With `is_set`, the "
              "only builtins called with unknown arguments.",
       .example = R"(known([1, "a"]) == true)", .min_args = 1, .max_args = 1, .params = {T::Any},
       .result = T::Bool, .sees_unknown = true, .fn = fn_known},
      {.name = "is_set", .signature = "is_set(x: any) -> bool", .category = "collections",
       .doc = "Whether an attribute is set: true when `x` is known and not null, false when it is null or "
              "absent. An attribute known only after apply is set when the plan's configuration gives it an "
              "expression (`kms_key_id = aws_kms_key.k.arn`), not set when the configuration leaves it out "
              "(the provider computes it), and unknown when the plan does not say.",
       .example = R"(is_set("k") == true)", .min_args = 1, .max_args = 1, .params = {T::Any},
       .result = T::Bool, .sees_unknown = true, .fn = fn_is_set},
      // numbers
      {.name = "abs", .signature = "abs(n: number) -> number", .category = "numbers", .doc = "The absolute value.",
       .example = "abs(-3) == 3", .min_args = 1, .max_args = 1, .params = {T::Number}, .result = T::Number,
       .fn = fn_abs},
      {.name = "floor", .signature = "floor(n: number) -> number", .category = "numbers",
       .doc = "The greatest whole number not above `n`.", .example = "floor(2.7) == 2", .min_args = 1,
       .max_args = 1, .params = {T::Number}, .result = T::Number, .fn = fn_floor},
      {.name = "ceil", .signature = "ceil(n: number) -> number", .category = "numbers",
       .doc = "The least whole number not below `n`.", .example = "ceil(2.1) == 3", .min_args = 1, .max_args = 1,
       .params = {T::Number}, .result = T::Number, .fn = fn_ceil},
      {.name = "round", .signature = "round(n: number) -> number", .category = "numbers",
       .doc = "The nearest whole number; halves round away from zero.", .example = "round(2.5) == 3",
       .min_args = 1, .max_args = 1, .params = {T::Number}, .result = T::Number, .fn = fn_round},
      {.name = "to_number", .signature = "to_number(x: number|string) -> number", .category = "numbers",
       .doc = "A number as it is, or the value of a decimal string (blanks around it allowed); other text is "
              "an error.",
       .example = R"(to_number("8080") == 8080)", .min_args = 1, .max_args = 1, .params = {T::Any},
       .result = T::Number, .fn = fn_to_number},
      // time
      {.name = "timestamp", .signature = "timestamp(s: string) -> number", .category = "time",
       .doc = "Unix seconds of an RFC 3339 timestamp (`Z` or an offset, optional fractional seconds); a date "
              "alone is midnight UTC and a missing offset means UTC. A number is returned as it is.",
       .example = R"(timestamp("2024-01-02T03:04:05+01:00") == 1704161045)", .min_args = 1, .max_args = 1,
       .params = {T::Any}, .result = T::Number, .fn = fn_timestamp, .check = check_timestamp},
      {.name = "now", .signature = "now() -> number", .category = "time",
       .doc = "The evaluation time in Unix seconds (`EDICT_NOW`, or the clock when the run starts), the same "
              "for every rule and resource of a run.",
       .example = R"(now() > timestamp("2020-01-01"))", .min_args = 0, .max_args = 0, .params = {},
       .result = T::Number, .fn = fn_now, .pure = false},
      {.name = "age_days", .signature = "age_days(t: string|number) -> number", .category = "time",
       .doc = "Whole days from `t` (a timestamp or Unix seconds) to `now()`, rounded down; negative for "
              "future times.",
       .example = "age_days(now() - 3 * 86400) == 3", .min_args = 1, .max_args = 1, .params = {T::Any},
       .result = T::Number, .fn = fn_age_days, .check = check_timestamp, .pure = false},
      {.name = "days_between", .signature = "days_between(a: string|number, b: string|number) -> number",
       .category = "time", .doc = "Whole days from `a` to `b` (timestamps or Unix seconds), rounded down.",
       .example = R"(days_between("2024-01-01", "2024-03-01") == 60)", .min_args = 2, .max_args = 2,
       .params = {T::Any, T::Any}, .result = T::Number, .fn = fn_days_between, .check = check_timestamp},
      {.name = "duration", .signature = "duration(s: string) -> number", .category = "time",
       .doc = "Seconds in a duration: units `w`, `d`, `h`, `m`, `s` from largest to smallest (`\"1h30m\"`, "
              "`\"90d\"`), or ISO 8601 (`\"P90D\"`, `\"PT12H\"`, `\"P1DT2H\"`). Years and months are refused: "
              "they have no fixed length.",
       .example = R"(duration("1h30m") == 5400)", .min_args = 1, .max_args = 1, .params = {T::String},
       .result = T::Number, .fn = fn_duration, .check = check_duration},
      // c7n: what the Cloud Custodian front end (c7n/) compiles policies to
      {.name = "c7n_value",
       .signature = "c7n_value(record: object, key: string, op: string, value: any, value_type: string, "
                    "value_regex: string, value_path: string) -> bool",
       .category = "c7n",
       .doc = "Cloud Custodian's `value` filter on a record: the key (`tag:K`, a member, or JMESPath) read, "
              "`value_regex` and `value_type` applied, the special values `absent`, `present`, `not-null` and "
              "`empty` tested, then the op with Python's semantics (a type error does not match). Null "
              "arguments are left out of the filter.",
       .example = R"(c7n_value({"Size": 8}, "Size", "gt", 4, null, null, null) == true)", .min_args = 7,
       .max_args = 7, .params = {T::Any, T::String, T::String, T::Any, T::String, T::String, T::String},
       .result = T::Bool, .sees_unknown = true, .fn = fn_c7n_value,
       .pure = false},
      {.name = "c7n_search", .signature = "c7n_search(record: any, expr: string) -> any", .category = "c7n",
       .doc = "The value of a Custodian key (`tag:K`, a member, or the JMESPath subset Custodian policies use).",
       .example = R"(c7n_search({"A": [{"B": 1}, {"B": 2}]}, "A[].B") == [1, 2])", .min_args = 2, .max_args = 2,
       .params = {T::Any, T::String}, .result = T::Any, .sees_unknown = true, .fn = fn_c7n_search},
      {.name = "c7n_items", .signature = "c7n_items(record: any, key: string) -> list", .category = "c7n",
       .doc = "The list a `list-item` filter walks: `[]` when the key gives nothing, an error when it is not a list.",
       .example = R"(c7n_items({"A": null}, "A") == [])", .min_args = 2, .max_args = 2,
       .params = {T::Any, T::String}, .result = T::List, .sees_unknown = true, .fn = fn_c7n_items},
      {.name = "c7n_compare", .signature = "c7n_compare(left: any, op: string, right: any) -> bool",
       .category = "c7n", .doc = "A Custodian op (`eq`, `gt`, `in`, `intersect`, ...) between two values, with "
                                 "Python's semantics: a type error is false.",
       .example = R"(c7n_compare(3, "gte", 2) == true)", .min_args = 3, .max_args = 3,
       .params = {T::Any, T::String, T::Any}, .result = T::Bool, .sees_unknown = true, .fn = fn_c7n_compare},
      {.name = "c7n_tag_list", .signature = "c7n_tag_list(tags: object) -> list", .category = "c7n",
       .doc = "A tag map as the AWS API's `[{Key, Value}]` list, the shape Custodian filters read.",
       .example = R"(c7n_tag_list({"Env": "prod"}) == [{"Key": "Env", "Value": "prod"}])", .min_args = 1,
       .max_args = 1, .params = {T::Any}, .result = T::List, .sees_unknown = true, .fn = fn_c7n_tag_list},
      {.name = "c7n_s3_encryption",
       .signature = "c7n_s3_encryption(record: object, state: bool, crypto: string, bucket_key_enabled: bool) -> bool",
       .category = "c7n",
       .doc = "Custodian's S3 `bucket-encryption` filter on a bucket record (its first default-encryption "
              "rule); null arguments are left out.",
       .example = R"(c7n_s3_encryption({}, false, null, null) == true)", .min_args = 4, .max_args = 4,
       .params = {T::Any, T::Bool, T::String, T::Bool}, .result = T::Bool, .sees_unknown = true, .fn = fn_c7n_s3_encryption},
      {.name = "c7n_s3_global_grants",
       .signature = "c7n_s3_global_grants(bucket: resource, allow_website: bool, permissions: list) -> bool",
       .category = "c7n",
       .doc = "Custodian's S3 `global-grants` filter on a bucket's `grant` blocks: a grant to all users or "
              "all AWS users with one of `permissions` (any when empty); READ on a website bucket does not "
              "count unless `allow_website` is false.",
       .example = R"(c7n_s3_global_grants({"grant": [{"uri": "AllUsers", "permissions": ["READ"]}]}, true, []) == true)",
       .min_args = 3, .max_args = 3, .params = {T::Any, T::Bool, T::List}, .result = T::Bool,
       .sees_unknown = true, .fn = fn_c7n_s3_global_grants},
      {.name = "c7n_s3_public_block",
       .signature = "c7n_s3_public_block(record: object, wanted: object) -> bool", .category = "c7n",
       .doc = "Custodian's S3 `check-public-block` filter on a bucket record: every setting named in `wanted` "
              "has that value, or with none named, some setting is off (no configuration: all off).",
       .example = R"(c7n_s3_public_block({}, {"BlockPublicAcls": false}) == true)", .min_args = 2, .max_args = 2,
       .params = {T::Any, T::Object}, .result = T::Bool, .sees_unknown = true, .fn = fn_c7n_s3_public_block},
      // resources: special forms the compiler lowers to indexed lookups (fn is null)
      {.name = "resources", .signature = "resources(TYPE) -> list", .category = "resources",
       .doc = "All managed resources of a type, in input order; `TYPE` is a bare type name such as "
              "`aws_s3_bucket`.",
       .example = R"(some b in resources(aws_s3_bucket): b.bucket == "logs")", .min_args = 1, .max_args = 1,
       .params = {T::Any}, .result = T::List},
      {.name = "data", .signature = "data(TYPE) -> list", .category = "resources",
       .doc = "The data sources of a type (`data.TYPE.NAME` in Terraform), which rules read but do not check.",
       .example = R"(some d in data(aws_caller_identity): d.account_id != null)", .min_args = 1, .max_args = 1,
       .params = {T::Any}, .result = T::List},
  };
}
// clang-format on

}  // namespace

const std::vector<Builtin>& builtins() {
  static const std::vector<Builtin> table = make_table();
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
