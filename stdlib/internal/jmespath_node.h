// The parsed form of a JMESPath expression, shared by the parser (stdlib/jmespath.cpp) and the
// evaluator (stdlib/jmespath_eval.cpp). Nodes are immutable once parsed.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "stdlib/jmespath.h"

namespace edict::stdlib::jmespath {

enum class NodeKind { Identity, Field, Literal, Index, Projection, ValueProjection, Flatten, Filter, Subexpr, Pipe,
                      Or, And, Not, Compare, Function };

struct Node {
  NodeKind kind = NodeKind::Identity;
  std::string text;  // field name, comparator, function name
  int64_t index = 0;
  Value literal;  // Literal, allocated in literal_arena (read-only once parsed, so shared by threads)
  std::shared_ptr<Arena> literal_arena;
  std::vector<NodePtr> kids;  // Projection/Filter: {left, right} (+ cond for Filter, kids[2])
};

}  // namespace edict::stdlib::jmespath
