// The VM on hand-assembled bytecode: attribute reads, unknown tracking, quantifiers, joins and
// run-time errors with spans.
#include <catch2/catch.hpp>

#include "model/joins.h"
#include "vm/interpreter.h"

using namespace edict;
using bytecode::Instr;
using bytecode::OpCode;

namespace {

struct Fixture {
  model::ResourceSet set;
  bytecode::Program p;

  uint32_t add_resource(const char* address, const char* type, std::vector<Member> attrs) {
    model::Resource r;
    r.address = address;
    r.type = type;
    r.source = "plan";
    r.attrs = Value::object(set.arena(), attrs);
    set.add_file("test.json");
    return set.add(r);
  }
  bytecode::Entry code(std::vector<Instr> instrs, uint16_t locals = 0) {
    bytecode::Entry e{static_cast<uint32_t>(p.code.size()), locals};
    for (const Instr& i : instrs) {
      p.code.push_back(i);
      p.spans.push_back({0, static_cast<uint32_t>(p.code.size()), static_cast<uint32_t>(p.code.size() + 1)});
    }
    return e;
  }
};

}  // namespace

TEST_CASE("ATTR reads attributes and records unknown paths") {
  Fixture f;
  uint32_t id = f.add_resource("aws_db_instance.a", "aws_db_instance",
                               {{intern("storage_encrypted"), Value::boolean(false)}, {intern("multi_az"), Value::unknown()}});
  f.set.finish();
  uint32_t path = f.p.add_string("multi_az");
  auto e1 = f.code({{OpCode::SELF}, {OpCode::ATTR, 0, intern("storage_encrypted")}, {OpCode::RETURN}});
  auto e2 = f.code({{OpCode::SELF}, {OpCode::ATTR, static_cast<uint16_t>(path), intern("multi_az")}, {OpCode::RETURN}});
  vm::Interpreter vm(f.p, f.set, 0);
  Value out;
  REQUIRE(vm.run(e1, &f.set.resources()[id], out));
  CHECK(out.is_false());
  REQUIRE(vm.run(e2, &f.set.resources()[id], out));
  CHECK(out.is_unknown());
  REQUIRE(vm.unknown_paths().size() == 1);
  CHECK(vm.unknown_paths()[0] == "multi_az");
  vm.reset();
  CHECK(vm.unknown_paths().empty());
}

TEST_CASE("quantifiers follow Kleene logic and record a witness") {
  Fixture f;
  f.set.finish();
  Value items[] = {Value::boolean(true), Value::unknown(), Value::boolean(false)};
  uint32_t k = f.p.add_constant(Value::list(items, 3));
  auto quant = [&](uint16_t q) {
    return f.code({{OpCode::CONST, 0, k},
                   {OpCode::ITER_START},
                   {OpCode::ITER_NEXT, 0, 0},  // patched below
                   {OpCode::LOAD, 0},
                   {OpCode::QUANT_STEP, q, 0},
                   {OpCode::JUMP, 0, 0},
                   {OpCode::QUANT_END, q},
                   {OpCode::RETURN}},
                  1);
  };
  auto patch = [&](bytecode::Entry e) {
    f.p.code[e.pc + 2].b = e.pc + 6;
    f.p.code[e.pc + 4].b = e.pc + 6;
    f.p.code[e.pc + 5].b = e.pc + 2;
    return e;
  };
  auto all = patch(quant(0)), some = patch(quant(1)), none = patch(quant(2)), count = patch(quant(3));
  vm::Interpreter vm(f.p, f.set, 0);
  Value out;
  REQUIRE(vm.run(all, nullptr, out));
  CHECK(to_display(out) == "false");  // a false element decides `all` despite the unknown
  CHECK(to_display(vm.witness()) == "false");
  REQUIRE(vm.run(some, nullptr, out));
  CHECK(to_display(out) == "true");
  REQUIRE(vm.run(none, nullptr, out));
  CHECK(to_display(out) == "false");
  REQUIRE(vm.run(count, nullptr, out));
  CHECK(to_display(out) == "unknown");  // one element might or might not count
}

TEST_CASE("run-time errors carry the span of the failing instruction") {
  Fixture f;
  f.set.finish();
  uint32_t s = f.p.add_constant(Value::string("x"));
  uint32_t n = f.p.add_constant(Value::number(1));
  auto e = f.code({{OpCode::CONST, 0, s}, {OpCode::CONST, 0, n}, {OpCode::SUB}, {OpCode::RETURN}});
  vm::Interpreter vm(f.p, f.set, 0);
  Value out;
  CHECK_FALSE(vm.run(e, nullptr, out));
  CHECK(vm.error().message == "cannot apply '-' to string and number");
  CHECK(vm.error().span.begin == f.p.spans[e.pc + 2].begin);
  // The interpreter is usable again after an error.
  auto ok = f.code({{OpCode::CONST, 0, n}, {OpCode::RETURN}});
  REQUIRE(vm.run(ok, nullptr, out));
  CHECK(to_display(out) == "1");
}

TEST_CASE("REFERS follows edges, then identity values, and is unknown otherwise") {
  Fixture f;
  uint32_t bucket = f.add_resource("aws_s3_bucket.b", "aws_s3_bucket", {{intern("bucket"), Value::string("logs")}});
  uint32_t by_edge = f.add_resource("aws_s3_bucket_public_access_block.e", "aws_s3_bucket_public_access_block",
                                    {{intern("bucket"), Value::unknown()}});
  uint32_t by_name = f.add_resource("aws_s3_bucket_public_access_block.n", "aws_s3_bucket_public_access_block",
                                    {{intern("bucket"), Value::string("logs")}});
  uint32_t unresolved = f.add_resource("aws_s3_bucket_public_access_block.u", "aws_s3_bucket_public_access_block",
                                       {{intern("bucket"), Value::unknown()}});
  f.set.add_edge(by_edge, intern("bucket"), bucket);
  f.set.finish();
  uint32_t kb = f.p.add_constant(Value::resource(&f.set.resources()[bucket]));
  auto refers = [&](uint32_t from) {
    uint32_t ks = f.p.add_constant(Value::resource(&f.set.resources()[from]));
    return f.code({{OpCode::CONST, 0, ks}, {OpCode::CONST, 0, kb}, {OpCode::REFERS, 0, intern("bucket")}, {OpCode::RETURN}});
  };
  f.p.add_string("bucket");
  vm::Interpreter vm(f.p, f.set, 0);
  Value out;
  REQUIRE(vm.run(refers(by_edge), nullptr, out));
  CHECK(out.is_true());
  REQUIRE(vm.run(refers(by_name), nullptr, out));
  CHECK(out.is_true());
  REQUIRE(vm.run(refers(unresolved), nullptr, out));
  CHECK(out.is_unknown());
  // The referrer index finds both resolved referrers and keeps the unresolved one as a candidate.
  model::JoinIndex joins;
  joins.add(f.set, "aws_s3_bucket_public_access_block", intern("bucket"));
  const auto& refs = joins.referrers("aws_s3_bucket_public_access_block", intern("bucket"), bucket);
  CHECK(refs == std::vector<uint32_t>{by_edge, by_name, unresolved});
}
