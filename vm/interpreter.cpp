// The dispatch loop: one function, one switch, behind local macros. Define EDICT_VM_TRACE to print
// every instruction; without it the trace hook compiles away. The loop is instantiated twice: the
// observed one reports values to an EvalListener (vm/listener.h), the other has no hooks at all.
#include "vm/interpreter.h"

#include <algorithm>
#include <cstdlib>
#include <new>
#include <stdexcept>

#include "stdlib/builtins.h"
#include "vm/operators.h"

#ifdef EDICT_VM_TRACE
#include <cstdio>
#define TRACE(pc, in) std::fprintf(stderr, "%04u %-20s a=%u b=%u sp=%zu\n", pc, bytecode::op_info(in.op).name, in.a, in.b, stack_.size())
#else
#define TRACE(pc, in) ((void)0)
#endif

namespace edict::vm {

namespace {
// "a list", "an object": the kind of a value with its article, for run-time error messages.
std::string a_kind(Kind k) { return (k == Kind::Object || k == Kind::Unknown ? "an " : "a ") + std::string(kind_name(k)); }
}  // namespace

using bytecode::Instr;
using bytecode::MetaField;
using bytecode::OpCode;
using bytecode::Quant;

Interpreter::Interpreter(const Context& context) : ctx_(context), program_(context.program()), set_(context.set()) {
  stack_.reserve(256);
  locals_.reserve(64);
  set_budget(Budget{});
}

Interpreter::Interpreter(const bytecode::Program& program, const model::ResourceSet& resources, int64_t now_unix)
    : own_ctx_(std::make_unique<const Context>(program, resources, now_unix)),
      ctx_(*own_ctx_),
      program_(program),
      set_(resources) {
  stack_.reserve(256);
  locals_.reserve(64);
  set_budget(Budget{});
}

void Interpreter::reset() {
  scratch_.reset();
  meter_.steps = 0;
  unknown_reads_.clear();
  witness_ = Value::null();
}

bool Interpreter::run(const bytecode::Entry& entry, const model::Resource* self, Value& out) {
  self_ = self ? Value::resource(self) : Value::null();
  return execute(entry.pc, entry.locals, out);
}

bool Interpreter::run_node(const bytecode::Entry& entry, uint32_t node, const model::Resource* self, Value& out) {
  const bytecode::ExprNode* n = program_.node(node);
  if (n == nullptr || n->end <= n->begin) return false;
  self_ = self ? Value::resource(self) : Value::null();
  return execute(n->begin, entry.locals, out, n->end);
}

bool Interpreter::execute(uint32_t pc, uint16_t locals, Value& out, uint32_t stop) {
  if (listener_ == nullptr && stop == UINT32_MAX) return dispatch<false>(pc, locals, out, stop);
  return dispatch<true>(pc, locals, out, stop);
}

void Interpreter::report(uint32_t pc, bytecode::ValueSite::When when, uint32_t base) {
  using When = bytecode::ValueSite::When;
  // What the listener does with a value (walk it, print it) is not the rule's work: no budget.
  struct Unmetered {
    WorkMeter* saved = current_meter;
    Unmetered() { current_meter = nullptr; }
    ~Unmetered() { current_meter = saved; }
  } unmetered;
  for (uint32_t i = program_.site_begin[pc]; i < program_.site_begin[pc + 1]; ++i) {
    const bytecode::ValueSite& s = program_.sites[i];
    if (s.when == when) {
      listener_->value(s.node, stack_.back());
    } else if (s.when == When::Bind && when == When::Done) {
      // ITER_NEXT bound local A (and A+1 for two names).
      listener_->bound(s.node, {locals_.data() + base + program_.code[pc].a, iters_.back().pairs ? 2u : 1u});
    }
  }
}

bool Interpreter::run_value(const bytecode::Entry& entry, const Value& self, Value& out) {
  self_ = self;
  return execute(entry.pc, entry.locals, out);
}

bool Interpreter::fail_budget(uint32_t pc, std::string what) {
  fail(pc, "evaluation budget exceeded: " + std::move(what));
  error_.budget = true;
  return false;
}

bool Interpreter::fail(uint32_t pc, std::string message) {
  error_.budget = false;
  error_.message = std::move(message);
  error_.span = pc < program_.spans.size() ? program_.spans[pc] : lang::Span{};
  stack_.clear();
  locals_.clear();
  frames_.clear();
  iters_.clear();
  return false;
}

void Interpreter::record_unknown(const Value& holder, Symbol attr, uint32_t display) {
  if (holder.is_unknown()) return;  // the unknown parent was recorded already
  UnknownRead read{holder.is_resource() ? holder.as_resource() : nullptr, attr, display};
  if (read.resource == nullptr) read.attr = 0;  // display paths are identified by `display` alone
  else read.display = 0;
  if (std::find(unknown_reads_.begin(), unknown_reads_.end(), read) == unknown_reads_.end()) {
    unknown_reads_.push_back(read);
  }
}

std::vector<std::string> Interpreter::unknown_paths() const {
  // `attr` for the resource under evaluation, `address.attr` for others, else the source text.
  std::vector<std::string> out;
  for (const UnknownRead& u : unknown_reads_) {
    std::string path;
    if (u.resource == nullptr) {
      path = program_.strings[u.display];
    } else if (self_.is_resource() && self_.as_resource() == u.resource) {
      path = std::string(symbol_name(u.attr));
    } else {
      path = std::string(u.resource->address) + "." + std::string(symbol_name(u.attr));
    }
    if (std::find(out.begin(), out.end(), path) == out.end()) out.push_back(std::move(path));
  }
  return out;
}


template <bool Observed>
bool Interpreter::dispatch(uint32_t pc, uint16_t nlocals, Value& out, uint32_t stop) {
  const Instr* code = program_.code.data();
  const auto& builtins = stdlib::builtins();
  size_t base_stack = stack_.size();
  frames_.push_back({UINT32_MAX, static_cast<uint32_t>(locals_.size())});
  locals_.resize(locals_.size() + nlocals);
  uint32_t base = frames_.back().base;
  [[maybe_unused]] const size_t entry_depth = frames_.size();
  // Walks over values and builtins charge the same meter (see WorkMeter); nested interpreters
  // (none today) would restore the outer one.
  struct MeterScope {
    WorkMeter* saved;
    explicit MeterScope(WorkMeter* m) : saved(current_meter) { current_meter = m; }
    ~MeterScope() { current_meter = saved; }
  } meter_scope(&meter_);

#define PUSH(v) stack_.push_back(v)
  auto pop = [this]() {
    Value v = stack_.back();
    stack_.pop_back();
    return v;
  };
#define POP() pop()
#define TOP() stack_.back()
#define FAIL(msg) return fail(pc, msg)
  // Observed only: most instructions have no site, and only those that do call report().
  [[maybe_unused]] const uint32_t* site_begin = program_.site_begin.data();
  [[maybe_unused]] const bool reporting =
      listener_ != nullptr && program_.site_begin.size() == program_.code.size() + 1;
#define REPORT(at, when)                                                             \
  if constexpr (Observed) {                                                          \
    if (reporting && site_begin[at] != site_begin[(at) + 1]) report(at, when, base); \
  }
// A jump taken: the listener learns the value of the expression it ends (and/or, ??, if).
#define TAKE_JUMP()                                 \
  {                                                 \
    REPORT(pc, bytecode::ValueSite::When::Taken);   \
    pc = in.b;                                      \
    continue;                                       \
  }
// A value the rule built is nested deeper than the budget allows.
#define CHECK_DEPTH(v) \
  if ((v).depth() > budget_.max_depth) return fail_budget(pc, "a value nested more than " + std::to_string(budget_.max_depth) + " levels deep")

  // Budget exhaustion inside a walk or a builtin arrives as an exception (they have no error
  // channel of their own); it becomes an `error` result at the instruction that was running.
  try {
  for (;;) {
    if constexpr (Observed) {
      // run_node: the expression's code ends at `stop`, with its value on top.
      if (pc == stop && frames_.size() == entry_depth) {
        out = stack_.back();
        frames_.pop_back();
        locals_.resize(base);
        stack_.resize(base_stack);
        return true;
      }
    }
    const Instr& in = code[pc];
    TRACE(pc, in);
    if (++meter_.steps > meter_.max_steps) throw StepLimit{meter_.max_steps};
    switch (in.op) {
      case OpCode::CONST: PUSH(program_.constants[in.b]); break;
      case OpCode::SELF: PUSH(self_); break;
      case OpCode::LOAD: PUSH(locals_[base + in.a]); break;
      case OpCode::POP: stack_.pop_back(); break;
      case OpCode::ATTR: {
        Value o = POP();
        Value r;
        switch (o.kind()) {
          case Kind::Resource: {
            const Value& attrs = o.as_resource()->attrs;
            // A resource wholly unknown until apply (after: null, after_unknown: true) has no
            // attribute known yet: each reads as unknown, not as absent.
            if (attrs.is_unknown()) {
              r = Value::unknown();
              break;
            }
            const Value* v = attrs.find(in.b);
            r = v ? *v : Value::null();
            break;
          }
          case Kind::Object: {
            const Value* v = o.find(in.b);
            r = v ? *v : Value::null();
            break;
          }
          case Kind::Null: break;
          case Kind::Unknown: r = o; break;
          default:
            FAIL("cannot read attribute '" + std::string(symbol_name(in.b)) + "' of " + a_kind(o.kind()) +
                 (o.is_list() ? " (use [i] or a quantifier over its elements)" : ""));
        }
        if (r.is_unknown()) record_unknown(o, in.b, in.a);
        PUSH(r);
        break;
      }
      case OpCode::META: {
        Value o = POP();
        if (o.is_unknown() || o.is_null()) {
          PUSH(o);
          break;
        }
        if (!o.is_resource()) FAIL("@" + std::string(meta_field_name(in.meta())) + " needs a resource, got " + std::string(kind_name(o.kind())));
        const model::Resource& r = *o.as_resource();
        Value v;
        switch (in.meta()) {
          case MetaField::Address: v = Value::string(r.address); break;
          case MetaField::Type: v = Value::string(r.type); break;
          case MetaField::Name: v = Value::string(r.name); break;
          case MetaField::Module: v = Value::string(r.module_path); break;
          case MetaField::Index: {
            // count keys read as numbers, for_each keys as the string key without its quotes.
            std::string_view k = r.index;
            if (k.empty()) {
              v = Value::null();
            } else if (k.size() >= 2 && k.front() == '"' && k.back() == '"') {
              v = Value::string(k.substr(1, k.size() - 2));
            } else {
              v = Value::number(std::strtod(std::string(k).c_str(), nullptr));
            }
            break;
          }
          case MetaField::Source: v = Value::string(r.source); break;
          case MetaField::Action: v = Value::string(model::action_name(r.action)); break;
          case MetaField::Mode: v = Value::string(model::mode_name(r.mode)); break;
          case MetaField::File: v = Value::string(set_.files()[r.file]); break;
        }
        PUSH(v);
        break;
      }
      case OpCode::INDEX: {
        Value i = POP();
        Value o = POP();
        if (o.is_unknown() || i.is_unknown()) {
          PUSH(Value::unknown());
          break;
        }
        if (o.is_null() || i.is_null()) {
          PUSH(Value::null());
          break;
        }
        if (o.is_list() && i.is_number()) {
          double d = i.as_number();
          bool in_range = d >= 0 && d < o.size() && d == static_cast<double>(static_cast<uint32_t>(d));
          PUSH(in_range ? o.as_list()[static_cast<uint32_t>(d)] : Value::null());
          break;
        }
        const Value* holder = nullptr;
        Value attrs;
        if (o.is_resource()) {
          attrs = o.as_resource()->attrs;
          holder = &attrs;
        } else if (o.is_object()) {
          holder = &o;
        }
        if (holder && i.is_string()) {
          const Value* v = holder->find(i.as_string());
          PUSH(v ? *v : Value::null());
          break;
        }
        FAIL("cannot index " + a_kind(o.kind()) + " with " + a_kind(i.kind()));
      }
      case OpCode::NOT:
      case OpCode::NEG: {
        OpResult r = apply_unary(in.op, TOP(), scratch_);
        if (!r.error.empty()) FAIL(r.error);
        TOP() = r.value;
        break;
      }
      case OpCode::ADD:
      case OpCode::SUB:
      case OpCode::MUL:
      case OpCode::DIV:
      case OpCode::MOD:
      case OpCode::EQ:
      case OpCode::NE:
      case OpCode::LT:
      case OpCode::LE:
      case OpCode::GT:
      case OpCode::GE:
      case OpCode::IN:
      case OpCode::AND:
      case OpCode::OR: {
        Value b = POP();
        OpResult r = apply_binary(in.op, TOP(), b, scratch_);
        if (!r.error.empty()) FAIL(r.error);
        TOP() = r.value;
        break;
      }
      case OpCode::JUMP: TAKE_JUMP();
      case OpCode::JUMP_IF_FALSE_KEEP: {
        Truth t = truth(TOP());
        if (t == Truth::NotBool) FAIL("'and' needs booleans, got " + std::string(kind_name(TOP().kind())));
        if (t == Truth::False) {
          TOP() = Value::boolean(false);
          TAKE_JUMP();
        }
        break;
      }
      case OpCode::JUMP_IF_TRUE_KEEP: {
        Truth t = truth(TOP());
        if (t == Truth::NotBool) FAIL("'or' needs booleans, got " + std::string(kind_name(TOP().kind())));
        if (t == Truth::True) TAKE_JUMP();
        break;
      }
      case OpCode::JUMP_IF_NONNULL_KEEP:
        if (!TOP().is_null()) TAKE_JUMP();
        stack_.pop_back();
        break;
      case OpCode::JUMP_IF_UNKNOWN_KEEP:
        if (TOP().is_unknown()) TAKE_JUMP();
        break;
      case OpCode::JUMP_IF_NOT_TRUE: {
        Value c = POP();
        Truth t = truth(c);
        if (t == Truth::NotBool) FAIL("'if' needs a boolean condition, got " + std::string(kind_name(c.kind())));
        if (t != Truth::True) {
          pc = in.b;
          continue;
        }
        break;
      }
      case OpCode::CALL: {
        const bytecode::Function& fn = program_.functions[in.b];
        uint32_t new_base = static_cast<uint32_t>(locals_.size());
        locals_.resize(locals_.size() + fn.locals);
        for (uint16_t i = 0; i < in.a; ++i) locals_[new_base + i] = stack_[stack_.size() - in.a + i];
        stack_.resize(stack_.size() - in.a);
        frames_.push_back({pc + 1, new_base});
        base = new_base;
        pc = fn.pc;
        continue;
      }
      case OpCode::BUILTIN: {
        const stdlib::Builtin& b = builtins[in.b];
        std::span<const Value> args(stack_.data() + stack_.size() - in.a, in.a);
        Value r;
        bool short_unknown = !b.sees_unknown && std::any_of(args.begin(), args.end(), [](const Value& v) { return v.is_unknown(); });
        if (short_unknown) {
          r = Value::unknown();
        } else {
          stdlib::CallContext ctx{scratch_, {}, ctx_.now()};
          // A builtin's work grows with its arguments: charge their sizes (walks charge more).
          uint64_t work = 0;
          for (const Value& a : args) work += a.is_string() ? a.size() / 16 : a.size();
          charge_steps(work);
          r = b.fn(ctx, args);
          if (!ctx.error.empty()) FAIL(ctx.error);
          CHECK_DEPTH(r);
        }
        stack_.resize(stack_.size() - in.a);
        PUSH(r);
        break;
      }
      case OpCode::RETURN: {
        Value v = POP();
        Frame f = frames_.back();
        frames_.pop_back();
        locals_.resize(f.base);
        if (f.return_pc == UINT32_MAX) {
          out = v;
          stack_.resize(base_stack);
          return true;
        }
        base = frames_.back().base;
        PUSH(v);
        pc = f.return_pc;
        REPORT(pc - 1, bytecode::ValueSite::When::Done);  // the CALL
        continue;
      }
      case OpCode::RESOURCES: PUSH(ctx_.resources_of(in.b, in.mode() == bytecode::ResourceMode::Data)); break;
      case OpCode::REFERRERS: {
        Value t = POP();
        if (t.is_unknown() || t.is_null()) {
          PUSH(t.is_null() ? Value::list(nullptr, 0) : t);
          break;
        }
        if (!t.is_resource()) FAIL("a join target must be a resource, got " + std::string(kind_name(t.kind())));
        std::vector<Value> items;
        for (uint32_t id : ctx_.joins().referrers(program_.strings[in.a], in.b, t.as_resource()->id)) {
          const model::Resource& r = set_.resources()[id];
          if (r.action != model::Action::Delete) items.push_back(Value::resource(&r));
        }
        PUSH(Value::list(scratch_, items));
        break;
      }
      case OpCode::REFERENCED: {
        Value src = POP();
        if (src.is_unknown() || src.is_null()) {
          PUSH(src.is_null() ? Value::list(nullptr, 0) : src);
          break;
        }
        if (!src.is_resource()) FAIL("the left side of 'refers' must be an attribute of a resource");
        bool ambiguous = false;
        const std::string& type = program_.strings[in.a];
        std::vector<uint32_t> ids = set_.referenced(src.as_resource()->id, type, in.b, ambiguous);
        if (ambiguous) {
          PUSH(ctx_.resources_of(in.a, false));  // unresolved unknown: `refers` decides per candidate
          break;
        }
        std::vector<Value> items;
        for (uint32_t id : ids) {
          const model::Resource& r = set_.resources()[id];
          if (r.action != model::Action::Delete && r.mode == model::Mode::Managed) items.push_back(Value::resource(&r));
        }
        PUSH(Value::list(scratch_, items));
        break;
      }
      case OpCode::REFERS: {
        Value t = POP();
        Value s = POP();
        if (s.is_unknown() || t.is_unknown()) {
          PUSH(Value::unknown());
          break;
        }
        if (s.is_null() || t.is_null()) {
          PUSH(Value::boolean(false));
          break;
        }
        if (!s.is_resource()) FAIL("the left side of 'refers' must be an attribute of a resource");
        if (!t.is_resource()) FAIL("the right side of 'refers' must be a resource, got " + std::string(kind_name(t.kind())));
        const model::Resource& src = *s.as_resource();
        const model::Resource& dst = *t.as_resource();
        std::vector<uint32_t> targets = set_.targets(src.id, in.b);
        if (std::find(targets.begin(), targets.end(), dst.id) != targets.end()) {
          PUSH(Value::boolean(true));
          break;
        }
        const Value* found_value = model::find_path(src.attrs, symbol_name(in.b));
        Value v = found_value ? *found_value : Value::null();
        std::vector<std::string_view> ids = model::identities(dst);
        bool unknown = false, found = false;
        auto check = [&](const Value& x) {
          if (x.is_unknown()) unknown = true;
          if (x.is_string() && std::find(ids.begin(), ids.end(), x.as_string()) != ids.end()) found = true;
        };
        if (v.is_list()) {
          for (const Value& x : v.as_list()) check(x);
        } else {
          check(v);
        }
        // An unknown value with a configuration edge elsewhere is known not to point here.
        if (!found && unknown && !targets.empty()) unknown = false;
        if (!found && unknown) record_unknown(s, in.b, in.a);
        PUSH(found ? Value::boolean(true) : unknown ? Value::unknown() : Value::boolean(false));
        break;
      }
      case OpCode::ITER_START: {
        Value d = POP();
        Iter it;
        it.domain = d;
        it.pairs = in.shape() == bytecode::IterShape::Pairs;
        if (d.is_unknown()) {
          it.unknown_domain = true;
        } else if (d.is_null()) {
          it.domain = Value::list(nullptr, 0);
        } else if (!d.is_list() && !d.is_object()) {
          FAIL("cannot iterate over " + a_kind(d.kind()));
        }
        iters_.push_back(std::move(it));
        break;
      }
      case OpCode::ITER_NEXT: {
        Iter& it = iters_.back();
        if (it.decided || it.unknown_domain || it.pos >= it.domain.size()) {
          pc = in.b;
          continue;
        }
        uint32_t i = it.pos++;
        if (it.domain.is_list()) {
          if (it.pairs) {
            locals_[base + in.a] = Value::number(i);
            locals_[base + in.a + 1] = it.domain.as_list()[i];
          } else {
            locals_[base + in.a] = it.domain.as_list()[i];
          }
        } else {
          const Member& m = it.domain.as_object()[i];
          locals_[base + in.a] = Value::string(symbol_name(m.key));
          if (it.pairs) locals_[base + in.a + 1] = m.value;
        }
        break;
      }
      case OpCode::QUANT_STEP: {
        Value v = POP();
        Iter& it = iters_.back();
        Truth t = truth(v);
        if (t == Truth::NotBool) FAIL("a quantifier's condition must be a boolean, got " + std::string(kind_name(v.kind())));
        if (t == Truth::Unknown) {
          it.has_unknown = true;
          break;
        }
        bool decides = false;
        Value result;
        switch (in.quant()) {
          case Quant::All: decides = t == Truth::False; result = Value::boolean(false); break;
          case Quant::Some: decides = t == Truth::True; result = Value::boolean(true); break;
          case Quant::None: decides = t == Truth::True; result = Value::boolean(false); break;
          case Quant::Count:
            if (t == Truth::True) it.count += 1;
            break;
        }
        if (decides) {
          it.decided = true;
          it.result = result;
          uint32_t i = it.pos - 1;
          witness_ = it.domain.is_list() ? it.domain.as_list()[i] : Value::string(symbol_name(it.domain.as_object()[i].key));
          pc = in.b;
          continue;
        }
        break;
      }
      case OpCode::QUANT_END: {
        Iter it = std::move(iters_.back());
        iters_.pop_back();
        Value r;
        if (it.unknown_domain) {
          r = Value::unknown();
        } else if (it.decided) {
          r = it.result;
        } else if (it.has_unknown) {
          r = Value::unknown();
        } else {
          switch (in.quant()) {
            case Quant::All: r = Value::boolean(true); break;
            case Quant::Some: r = Value::boolean(false); break;
            case Quant::None: r = Value::boolean(true); break;
            case Quant::Count: r = Value::number(it.count); break;
          }
        }
        PUSH(r);
        break;
      }
      case OpCode::COMPR_TEST: {
        Value c = POP();
        Truth t = truth(c);
        if (t == Truth::NotBool) FAIL("a comprehension's `if` must be a boolean, got " + std::string(kind_name(c.kind())));
        if (t == Truth::True) break;
        if (t == Truth::Unknown) iters_.back().has_unknown = true;
        pc = in.b;
        continue;
      }
      case OpCode::COMPR_PUSH:
        scratch_.charge(sizeof(Value));  // the items are copied into scratch_ at COMPR_END
        iters_.back().items.push_back(POP());
        break;
      case OpCode::COMPR_END: {
        Iter it = std::move(iters_.back());
        iters_.pop_back();
        Value l = it.unknown_domain || it.has_unknown ? Value::unknown() : Value::list(scratch_, it.items);
        CHECK_DEPTH(l);
        PUSH(l);
        break;
      }
      case OpCode::MAKE_LIST: {
        std::span<const Value> items(stack_.data() + stack_.size() - in.b, in.b);
        Value l = Value::list(scratch_, items);
        CHECK_DEPTH(l);
        stack_.resize(stack_.size() - in.b);
        PUSH(l);
        break;
      }
      case OpCode::MAKE_OBJECT: {
        std::vector<Member> members;
        size_t first = stack_.size() - 2 * in.b;
        for (uint32_t i = 0; i < in.b; ++i) {
          const Value& k = stack_[first + 2 * i];
          Symbol key = intern(k.as_string());
          auto dup = std::find_if(members.begin(), members.end(), [&](const Member& m) { return m.key == key; });
          if (dup != members.end()) {
            dup->value = stack_[first + 2 * i + 1];
          } else {
            members.push_back({key, stack_[first + 2 * i + 1]});
          }
        }
        stack_.resize(first);
        Value o = Value::object(scratch_, members);
        CHECK_DEPTH(o);
        PUSH(o);
        break;
      }
      case OpCode::TEMPLATE: {
        std::string s;
        for (size_t i = stack_.size() - in.b; i < stack_.size(); ++i) {
          const Value& v = stack_[i];
          if (v.is_string()) {
            s += v.as_string();
          } else if (v.is_unknown()) {
            s += "(known after apply)";
          } else if (v.is_resource()) {
            s += v.as_resource()->address;
          } else {
            // Compact JSON, except that unknowns inside lists and objects must stay visible.
            s += contains_unknown(v) ? to_display(v, SIZE_MAX) : to_json(v);
          }
        }
        stack_.resize(stack_.size() - in.b);
        PUSH(Value::string(scratch_, s));
        break;
      }
    }
    REPORT(pc, bytecode::ValueSite::When::Done);
    ++pc;
  }
  } catch (const StepLimit& e) {
    return fail_budget(pc, "more than " + std::to_string(e.limit) + " steps (raise it with --max-steps)");
  } catch (const MemoryLimit& e) {
    return fail_budget(pc, "more than " + std::to_string(e.limit) + " bytes allocated (raise it with --max-memory)");
  } catch (const std::bad_alloc&) {
    return fail_budget(pc, "out of memory");
  } catch (const std::length_error&) {
    return fail_budget(pc, "out of memory (a value grew past its maximum size)");
  }
#undef PUSH
#undef POP
#undef TOP
#undef FAIL
#undef TAKE_JUMP
#undef REPORT
#undef CHECK_DEPTH
}

}  // namespace edict::vm
