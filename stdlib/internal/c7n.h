// Declarations of the Cloud Custodian builtins (stdlib/c7n_value.cpp), which the c7n front end
// (c7n/) calls and the builtin table (stdlib/builtins.cpp) binds.
#pragma once

#include "stdlib/internal/functions.h"

namespace edict::stdlib::internal {

Value fn_c7n_value(CallContext& ctx, Args args);
Value fn_c7n_search(CallContext& ctx, Args args);
Value fn_c7n_items(CallContext& ctx, Args args);
Value fn_c7n_compare(CallContext& ctx, Args args);
Value fn_c7n_tag_list(CallContext& ctx, Args args);
Value fn_c7n_s3_encryption(CallContext& ctx, Args args);
Value fn_c7n_s3_global_grants(CallContext& ctx, Args args);
Value fn_c7n_s3_public_block(CallContext& ctx, Args args);

}  // namespace edict::stdlib::internal
