// JSON string literals for the report writer (escaping lives in common/text.h).
#include "report/internal/json_writer.h"

#include "common/text.h"

namespace edict::report::internal {

void JsonWriter::string_literal(std::string_view s) { text::append_json_string(out_, s); }

}  // namespace edict::report::internal
