// The REPL's front ends: libedit line editing (history, Tab completion, continuation prompt) when
// stdin and stdout are terminals, plain lines from stdin otherwise, so the REPL can be scripted.
// Used by `edict repl`; everything it shows comes from repl::Session.
#pragma once

#include <string>

#include "repl/session.h"

namespace edict::repl {

// Whether stdin and stdout are both terminals (then run() uses libedit).
bool interactive();

// Reads lines until :quit or the end of input, printing what the session returns; `greeting` is
// printed first. Returns the exit code: 0, or 1 when reading a script and some input failed.
int run(Session& session, const std::string& greeting, bool use_terminal);

}  // namespace edict::repl
