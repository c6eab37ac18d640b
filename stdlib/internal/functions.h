// Declarations of every builtin implementation and literal check, grouped by the file that
// defines them. The table in stdlib/builtins.cpp binds them to names, signatures and docs.
#pragma once

#include <string>

#include "stdlib/internal/common.h"

namespace edict::stdlib::internal {

#define EDICT_FN(name) Value name(CallContext& ctx, Args args)
#define EDICT_CHECK(name) std::string name(size_t arg_index, const Value& literal)

// strings.cpp
EDICT_FN(fn_len);
EDICT_FN(fn_lower);
EDICT_FN(fn_upper);
EDICT_FN(fn_trim);
EDICT_FN(fn_startswith);
EDICT_FN(fn_endswith);
EDICT_FN(fn_contains);
EDICT_FN(fn_split);
EDICT_FN(fn_join);
EDICT_FN(fn_replace);
EDICT_FN(fn_substr);
EDICT_FN(fn_to_string);
EDICT_FN(fn_format);
EDICT_CHECK(check_format);

// regex.cpp (RE2) and glob.cpp
EDICT_FN(fn_matches);
EDICT_FN(fn_regex_find);
EDICT_FN(fn_regex_replace);
EDICT_CHECK(check_regex);
EDICT_FN(fn_glob);
EDICT_FN(fn_glob_i);
EDICT_CHECK(check_glob);

// net.cpp
EDICT_FN(fn_cidr_contains);
EDICT_FN(fn_cidr_overlaps);
EDICT_FN(fn_cidr_is_public);
EDICT_FN(fn_cidr_is_world);
EDICT_FN(fn_cidr_prefix_len);
EDICT_FN(fn_is_ipv4);
EDICT_FN(fn_is_ipv6);
EDICT_FN(fn_port_range_covers);
EDICT_FN(fn_port_ranges_overlap);
EDICT_CHECK(check_cidr);
EDICT_CHECK(check_port);

// json_fns.cpp
EDICT_FN(fn_json_parse);
EDICT_FN(fn_url_decode);
EDICT_FN(fn_to_json);
EDICT_FN(fn_policy_statements);
EDICT_CHECK(check_json);

// collections.cpp
EDICT_FN(fn_keys);
EDICT_FN(fn_values);
EDICT_FN(fn_as_list);
EDICT_FN(fn_flatten);
EDICT_FN(fn_unique);
EDICT_FN(fn_sort);
EDICT_FN(fn_sum);
EDICT_FN(fn_min);
EDICT_FN(fn_max);
EDICT_FN(fn_has_key);
EDICT_FN(fn_get);
EDICT_FN(fn_type_of);
EDICT_FN(fn_known);
EDICT_FN(fn_is_set);

// numbers.cpp
EDICT_FN(fn_abs);
EDICT_FN(fn_floor);
EDICT_FN(fn_ceil);
EDICT_FN(fn_round);
EDICT_FN(fn_to_number);

// time.cpp
EDICT_FN(fn_timestamp);
EDICT_FN(fn_now);
EDICT_FN(fn_age_days);
EDICT_FN(fn_days_between);
EDICT_FN(fn_duration);
EDICT_CHECK(check_timestamp);
EDICT_CHECK(check_duration);

#undef EDICT_FN
#undef EDICT_CHECK

}  // namespace edict::stdlib::internal
