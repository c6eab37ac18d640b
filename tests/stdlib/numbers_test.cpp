// Tests for stdlib/numbers.cpp: rounding functions and to_number's strict decimal parsing.
#include "tests/stdlib/helpers.h"

using namespace edict;
using namespace edict::stdlib::testing;

TEST_CASE("abs, floor, ceil and round", "[stdlib][numbers]") {
  CHECK(call("abs", {N(-3)}) == "3");
  CHECK(call("abs", {N(2.5)}) == "2.5");
  CHECK(call("floor", {N(2.7)}) == "2");
  CHECK(call("floor", {N(-2.1)}) == "-3");
  CHECK(call("ceil", {N(2.1)}) == "3");
  CHECK(call("ceil", {N(-2.7)}) == "-2");
  CHECK(call("round", {N(2.5)}) == "3");
  CHECK(call("round", {N(-2.5)}) == "-3");
  CHECK(call("round", {N(2.49)}) == "2");
  CHECK(call("abs", {Null()}) == "null");
  CHECK(call("floor", {U()}) == "unknown");
  CHECK(call("ceil", {S("1")}) == "error: ceil: expected number, got string");
  CHECK(call("round", {B(true)}) == "error: round: expected number, got bool");
}

TEST_CASE("to_number parses decimal text only", "[stdlib][numbers]") {
  CHECK(call("to_number", {N(5)}) == "5");
  CHECK(call("to_number", {S("8080")}) == "8080");
  CHECK(call("to_number", {S(" 1.5e3 ")}) == "1500");
  CHECK(call("to_number", {S("-2")}) == "-2");
  CHECK(call("to_number", {S("+3")}) == "3");
  CHECK(call("to_number", {S("0.25")}) == "0.25");
  CHECK(call("to_number", {Null()}) == "null");
  for (const char* bad : {"", "abc", "0x10", "inf", "nan", "1e999", "1,000", "1 2", "--1", "."}) {
    INFO(bad);
    CHECK(call("to_number", {S(bad)}).starts_with("error: to_number: not a number: "));
  }
  CHECK(call("to_number", {B(true)}) == "error: to_number: expected number or numeric string, got bool");
}
