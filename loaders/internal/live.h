// Live-snapshot loaders (AWS Config items and Cloud Custodian resources.json): detection and the
// shared step that turns one mapped record into resources. Used by loaders/loader.cpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "loaders/internal/mapping.h"
#include "loaders/loader.h"

namespace edict::loaders::internal {

// Loads `text` when it is a live snapshot (Config CI, history/snapshot file, select output, rule
// event, Custodian resources.json, placebo recording); nullopt when it is not one, so the
// Terraform loaders can take it (after doc.rewind()). `doc` is `text` iterated On-Demand, its
// structural index built once for every loader. Throws InputError on a snapshot that cannot be
// read, JsonFault on malformed JSON (the caller locates it).
std::optional<Format> load_live(model::ResourceSet& set, std::string_view text, simdjson::ondemand::document& doc,
                                const std::string& name);

// Whether `root` (a parsed document) is Custodian output; loads it if so.
bool load_custodian(model::ResourceSet& set, Arena& scratch, const Value& root, const std::string& name,
                    std::map<std::string, int>& unknown);

// Whether `doc` (a top-level array) is a Custodian resources.json; loads it if so, one record at
// a time (see custodian.cpp).
bool stream_custodian(model::ResourceSet& set, simdjson::ondemand::document& doc, const std::string& name,
                      std::map<std::string, int>& unknown);

// Adds the resource `tm` maps from `record` (and its children); returns the resource id.
uint32_t add_mapped(model::ResourceSet& set, const TypeMap& tm, const Value& record, Side side,
                    std::string_view address, std::string_view source, uint32_t file);

// Records the "unknown resource types" note (type -> count) when there are any.
void note_unknown(model::ResourceSet& set, const std::string& name, const std::map<std::string, int>& unknown);

}  // namespace edict::loaders::internal
