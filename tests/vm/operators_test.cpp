// Operator semantics: Kleene logic, null as absent, comparisons and membership.
#include <catch2/catch.hpp>

#include "vm/operators.h"

using namespace edict;
using bytecode::OpCode;

namespace {
Arena arena;
Value T = Value::boolean(true), F = Value::boolean(false), U = Value::unknown(), N = Value::null();
Value bin(OpCode op, Value a, Value b) {
  vm::OpResult r = vm::apply_binary(op, a, b, arena);
  REQUIRE(r.error.empty());
  return r.value;
}
std::string show(Value v) { return to_display(v); }
}  // namespace

TEST_CASE("Kleene and/or truth tables") {
  CHECK(show(bin(OpCode::AND, U, F)) == "false");
  CHECK(show(bin(OpCode::AND, F, U)) == "false");
  CHECK(show(bin(OpCode::AND, U, T)) == "unknown");
  CHECK(show(bin(OpCode::AND, T, T)) == "true");
  CHECK(show(bin(OpCode::OR, U, T)) == "true");
  CHECK(show(bin(OpCode::OR, T, U)) == "true");
  CHECK(show(bin(OpCode::OR, U, F)) == "unknown");
  CHECK(show(bin(OpCode::OR, F, N)) == "false");  // null reads as false
  CHECK(show(vm::apply_unary(OpCode::NOT, U, arena).value) == "unknown");
  CHECK(show(vm::apply_unary(OpCode::NOT, N, arena).value) == "true");
}

TEST_CASE("equality and unknowns") {
  CHECK(show(bin(OpCode::EQ, N, T)) == "false");
  CHECK(show(bin(OpCode::EQ, N, N)) == "true");
  CHECK(show(bin(OpCode::EQ, U, T)) == "unknown");
  CHECK(show(bin(OpCode::NE, Value::number(1), Value::number(2))) == "true");
  Value items[] = {U};
  CHECK(show(bin(OpCode::EQ, Value::list(items, 1), Value::list(items, 1))) == "unknown");
}

TEST_CASE("ordering comparisons") {
  CHECK(show(bin(OpCode::LT, Value::number(1), Value::number(2))) == "true");
  CHECK(show(bin(OpCode::GE, Value::string("b"), Value::string("a"))) == "true");
  CHECK(show(bin(OpCode::LT, N, Value::number(2))) == "null");
  CHECK(show(bin(OpCode::LT, U, Value::number(2))) == "unknown");
  vm::OpResult r = vm::apply_binary(OpCode::LT, Value::string("a"), Value::number(1), arena);
  CHECK(r.error == "cannot apply '<' to string and number");
}

TEST_CASE("membership") {
  Value items[] = {Value::string("a"), Value::string("b")};
  Value list = Value::list(items, 2);
  CHECK(show(bin(OpCode::IN, Value::string("a"), list)) == "true");
  CHECK(show(bin(OpCode::IN, Value::string("c"), list)) == "false");
  CHECK(show(bin(OpCode::IN, Value::string("c"), N)) == "false");
  Value with_unknown[] = {Value::string("a"), U};
  CHECK(show(bin(OpCode::IN, Value::string("c"), Value::list(with_unknown, 2))) == "unknown");
  CHECK(show(bin(OpCode::IN, Value::string("a"), Value::list(with_unknown, 2))) == "true");
  CHECK(show(bin(OpCode::IN, Value::string("ell"), Value::string("hello"))) == "true");
}

TEST_CASE("arithmetic") {
  CHECK(show(bin(OpCode::ADD, Value::number(1), Value::number(2))) == "3");
  CHECK(show(bin(OpCode::ADD, Value::string("a"), Value::string("b"))) == "\"ab\"");
  CHECK(show(bin(OpCode::MUL, N, Value::number(2))) == "null");
  CHECK(show(bin(OpCode::SUB, U, Value::number(2))) == "unknown");
  CHECK(vm::apply_binary(OpCode::DIV, Value::number(1), Value::number(0), arena).error == "division by zero");
  CHECK(vm::apply_binary(OpCode::SUB, Value::string("a"), Value::number(1), arena).error ==
        "cannot apply '-' to string and number");
}

TEST_CASE("one three-valued equality: a known difference decides, anywhere in the structure") {
  using vm::Tri;
  Value one_unknown[] = {U};
  Value one_two[] = {Value::number(1), Value::number(2)};
  Value one_u[] = {Value::number(1), U};
  Value two_three[] = {Value::number(2), Value::number(3)};
  Value items = Value::list(one_unknown, 1), pair = Value::list(one_u, 2);
  CHECK(vm::equals(Value::list(one_two, 2), items) == Tri::False);  // lengths differ
  CHECK(vm::equals(pair, Value::list(two_three, 2)) == Tri::False);  // 1 != 2, whatever the unknown
  CHECK(vm::equals(pair, Value::list(one_two, 2)) == Tri::Unknown);
  CHECK(vm::equals(items, Value::string("x")) == Tri::False);  // kinds differ
  CHECK(vm::equals(Value::number(1), Value::number(1.0)) == Tri::True);
  CHECK(vm::equals(U, N) == Tri::Unknown);
  // Objects: keys are known even where values are not.
  Arena a;
  Value x = Value::object(a, std::vector<Member>{{intern("a"), Value::number(1)}, {intern("b"), U}});
  Value y = Value::object(a, std::vector<Member>{{intern("a"), Value::number(1)}, {intern("c"), U}});
  Value z = Value::object(a, std::vector<Member>{{intern("a"), Value::number(1)}, {intern("b"), Value::number(5)}});
  CHECK(vm::equals(x, y) == Tri::False);
  CHECK(vm::equals(x, z) == Tri::Unknown);
  CHECK(vm::equals(z, z) == Tri::True);
  Value null_key = Value::object(a, std::vector<Member>{{intern("k"), N}});
  CHECK(vm::equals(null_key, Value::object(nullptr, 0)) == Tri::False);  // a key holding null is a key
  // == and != are that function.
  CHECK(show(bin(OpCode::EQ, Value::list(one_two, 2), items)) == "false");
  CHECK(show(bin(OpCode::NE, pair, Value::list(two_three, 2))) == "true");
  CHECK(show(bin(OpCode::NE, pair, Value::list(one_two, 2))) == "unknown");
}

TEST_CASE("one membership: some element equals it, in three values") {
  using vm::Tri;
  Value one_unknown[] = {U};
  Value items = Value::list(one_unknown, 1);
  Value one_two[] = {Value::number(1), Value::number(2)};
  Value needle = Value::list(one_two, 2);
  Value lists[] = {items};
  CHECK(vm::member(needle, Value::list(lists, 1)) == Tri::False);  // the case of issue #10
  CHECK(show(bin(OpCode::IN, needle, Value::list(lists, 1))) == "false");
  CHECK(vm::member(U, Value::list(nullptr, 0)) == Tri::False);
  CHECK(show(bin(OpCode::IN, U, Value::list(nullptr, 0))) == "false");
  Value mixed[] = {U, Value::number(1)};
  CHECK(vm::member(Value::number(1), Value::list(mixed, 2)) == Tri::True);
  CHECK(vm::member(Value::number(2), Value::list(mixed, 2)) == Tri::Unknown);
}
