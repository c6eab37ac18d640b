// Rendering an explained result (engine::evaluate_one with a trace): the one place that turns a
// Result's message, why lines, unknown paths, location and trace into text, for `edict explain`
// and the REPL's `:why`.
#pragma once

#include <string>

#include "engine/evaluate.h"
#include "model/resource.h"
#include "vm/bytecode.h"

namespace edict::scan {

enum class ExplainLayout : uint8_t {
  Report,  // `edict explain`: labelled columns ("why       ..."), input text escaped
  Inline,  // the REPL: one indented line per item ("  why: ...")
};

// The explanation of `r` (its rule and resource set) from `set`, whose files name the
// resource's input. Report: a rule / resource / status header, then the lines; Inline: a
// "RULE on ADDRESS: status  message" line, then the lines.
std::string render_explanation(const bytecode::Program& program, const model::ResourceSet& set,
                               const engine::Result& r, ExplainLayout layout = ExplainLayout::Report);

}  // namespace edict::scan
