// Helpers that the report formats share (implemented in report/render.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"

namespace edict::report::internal {

// info.rules, or (when the caller gave none) the rules the results name; sorted by id.
std::vector<const bytecode::Rule*> rules_of(const engine::Results& results, const RunInfo& info);

// The result's message, then its explanation lines, one per line.
std::string details(const engine::Result& r);

// "waived by FILE:LINE until YYYY-MM-DD (owner): reason"
std::string waiver_text(const triage::Waiver& w);

// Whether an input name is a real file (not standard input, which has no path to point at).
bool is_file(std::string_view input);

// A path as a URI reference: relative paths stay relative, absolute ones become file:// URIs,
// and bytes outside the unreserved set (and '/') are percent-encoded.
std::string path_uri(std::string_view path);

// A stable identity for a finding across runs and commits: FNV-1a (64 bits, hex) of rule and address.
std::string fingerprint(std::string_view rule, std::string_view address);

// When the state file first saw this result's violation ("" when unknown or not a failure).
std::string first_seen(const RunInfo& info, const engine::Result& r);

// The status a result had before triage: a waived result's original one, otherwise its own.
engine::Status verdict(const engine::Result& r);

}  // namespace edict::report::internal
