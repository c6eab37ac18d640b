// Names of operators and quantifiers, and the process-wide expression id counter.
#include "lang/ast.h"

#include <atomic>

namespace edict::lang {

const char* op_text(Op op) {
  switch (op) {
    case Op::None: return "";
    case Op::Not: return "not";
    case Op::Neg: return "-";
    case Op::Or: return "or";
    case Op::And: return "and";
    case Op::Eq: return "==";
    case Op::Ne: return "!=";
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Gt: return ">";
    case Op::Ge: return ">=";
    case Op::In: return "in";
    case Op::NotIn: return "not in";
    case Op::Refers: return "refers";
    case Op::Coalesce: return "??";
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    case Op::Mod: return "%";
  }
  return "?";
}

const char* quant_text(Quant q) {
  switch (q) {
    case Quant::All: return "all";
    case Quant::Some: return "some";
    case Quant::None: return "none";
    case Quant::Count: return "count";
  }
  return "?";
}

uint32_t next_expr_id() {
  // Ids start at 1 so that 0 can mean "no node" in side tables.
  static std::atomic<uint32_t> counter{0};
  return counter.fetch_add(1, std::memory_order_relaxed) + 1;
}

}  // namespace edict::lang
