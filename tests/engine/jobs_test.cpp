// `--jobs N` (engine::EvalOptions::jobs): every report format is byte-identical to one thread's,
// for N = 2, 3 and 8, on a generated plan (seeded, made here) and on every plan of the corpus.
#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <string>

#include "compiler/compiler.h"
#include "engine/rule_sources.h"
#include "loaders/loader.h"
#include "report/report.h"
#include "tests/skip.h"

using namespace edict;

namespace {

std::unique_ptr<bytecode::Program> shipped_rules() {
  auto sources = std::make_shared<lang::SourceManager>();
  engine::add_builtin_rules(*sources);
  lang::DiagnosticSink sink;
  auto program = compiler::compile(sources, sink, {}).program;
  REQUIRE(program);
  return program;
}

// Every format's rendering of an evaluation with `jobs` threads (a fixed clock: the reports
// must differ only if the evaluation does).
std::vector<std::string> reports(const bytecode::Program& program, const model::ResourceSet& set, unsigned jobs) {
  engine::EvalOptions opts;
  opts.now_unix = 1700000000;
  opts.jobs = jobs;
  engine::Results results = engine::evaluate(program, set, opts);
  report::RunInfo info;
  for (const bytecode::Rule& r : program.rules) info.rules.push_back(&r);
  std::sort(info.rules.begin(), info.rules.end(), [](auto* a, auto* b) { return a->id < b->id; });
  std::vector<std::string> out;
  for (const std::string& format : report::format_names()) {
    out.push_back(report::render(format, results, set, info, report::TextOptions{}));
  }
  return out;
}

// Checks that N = 2, 3, 8 give the bytes N = 1 gives; returns how many results there were.
size_t check_jobs(const bytecode::Program& program, const model::ResourceSet& set, const std::string& name) {
  std::vector<std::string> one = reports(program, set, 1);
  for (unsigned jobs : {2u, 3u, 8u}) {
    std::vector<std::string> many = reports(program, set, jobs);
    REQUIRE(many.size() == one.size());
    for (size_t f = 0; f < one.size(); ++f) {
      INFO(name << ": --format " << report::format_names()[f] << " with --jobs " << jobs);
      CHECK(many[f] == one[f]);
    }
  }
  engine::EvalOptions opts;
  opts.now_unix = 1700000000;
  return engine::evaluate(program, set, opts).items.size();
}

// A seeded plan of `groups` resource groups with the shapes the shipped rules look at: buckets with
// encryption and public-access blocks joined by configuration references (and some by literal
// name), security groups and rules, databases, volumes, and values unknown until apply.
std::string generated_plan(size_t groups, unsigned seed) {
  std::mt19937 rng(seed);
  auto coin = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
  auto b = [](bool v) { return v ? "true" : "false"; };
  std::string changes, config;
  auto add = [&](const std::string& type, const std::string& name, const std::string& after,
                 const std::string& unknown, const std::string& exprs) {
    std::string address = type + "." + name;
    if (!changes.empty()) changes += ",\n";
    changes += R"({"address":")" + address + R"(","mode":"managed","type":")" + type + R"(","name":")" + name +
               R"(","provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["create"],)" +
               R"("before":null,"after":)" + after + R"(,"after_unknown":)" + unknown + "}}";
    if (!config.empty()) config += ",\n";
    config += R"({"address":")" + address + R"(","mode":"managed","type":")" + type + R"(","name":")" + name +
              R"(","expressions":)" + exprs + "}";
  };
  for (size_t i = 0; i < groups; ++i) {
    std::string n = std::to_string(i);
    // Names out of address order, so that chunks of the address order mix the input order.
    std::string bucket = "b" + std::to_string(rng() % 100000) + "_" + n;
    add("aws_s3_bucket", bucket, R"({"bucket":"bucket-)" + n + R"(","tags":{"Environment":"prod"}})",
        coin(10) ? R"({"arn":true,"id":true})" : "{}", "{}");
    std::string ref = R"({"bucket":{"references":["aws_s3_bucket.)" + bucket + R"(.id","aws_s3_bucket.)" + bucket + R"("]}})";
    bool literal = coin(20);  // joined by the bucket's name instead of a reference
    if (coin(70)) {
      add("aws_s3_bucket_server_side_encryption_configuration", "sse" + n,
          R"({"bucket":)" + (literal ? "\"bucket-" + n + "\"" : "null") +
              R"(,"rule":[{"apply_server_side_encryption_by_default":[{"sse_algorithm":")" +
              (coin(50) ? "aws:kms" : "AES256") + R"(","kms_master_key_id":null}]}]})",
          literal ? "{}" : R"({"bucket":true})", literal ? "{}" : ref);
    }
    if (coin(60)) {
      add("aws_s3_bucket_public_access_block", "pab" + n,
          R"({"bucket":null,"block_public_acls":)" + std::string(b(coin(80))) + R"(,"block_public_policy":)" +
              b(coin(80)) + R"(,"ignore_public_acls":true,"restrict_public_buckets":)" + b(coin(70)) + "}",
          R"({"bucket":true})", ref);
    }
    switch (rng() % 3) {
      case 0:
        add("aws_security_group", "sg" + n,
            R"({"name":"sg-)" + n + R"(","ingress":[{"from_port":22,"to_port":22,"protocol":"tcp","cidr_blocks":[")" +
                (coin(30) ? "0.0.0.0/0" : "10.0.0.0/8") + R"("]}],"egress":[]})",
            coin(10) ? R"({"ingress":[{"cidr_blocks":[true]}]})" : "{}", "{}");
        break;
      case 1:
        add("aws_db_instance", "db" + n,
            R"({"engine":"postgres","storage_encrypted":)" + std::string(b(coin(70))) + R"(,"publicly_accessible":)" +
                b(coin(20)) + R"(,"backup_retention_period":)" + std::to_string(rng() % 10) + R"(,"multi_az":)" +
                b(coin(50)) + R"(,"deletion_protection":)" + b(coin(50)) + "}",
            coin(15) ? R"({"kms_key_id":true})" : "{}", "{}");
        break;
      default:
        add("aws_ebs_volume", "vol" + n,
            R"({"size":)" + std::to_string(8 + rng() % 100) + R"(,"encrypted":)" + std::string(b(coin(60))) + "}",
            coin(20) ? R"({"encrypted":true})" : "{}", "{}");
        break;
    }
  }
  return R"({"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[)" + changes +
         R"(],"configuration":{"root_module":{"resources":[)" + config + "]}}}";
}

}  // namespace

TEST_CASE("--jobs N gives the bytes of --jobs 1 on a generated plan") {
  auto program = shipped_rules();
  model::ResourceSet set;
  loaders::load_text(set, generated_plan(1500, 11), "generated.json");
  set.finish();
  size_t results = check_jobs(*program, set, "generated.json");
  CHECK(results > 3000);  // the plan really was evaluated, by many rules
}

TEST_CASE("--jobs N gives the bytes of --jobs 1 on every corpus plan", "[corpus]") {
  const std::filesystem::path corpus = EDICT_CORPUS_DIR;
  if (!std::filesystem::is_directory(corpus)) {
    edict::testing::skip_test("the corpus folder " + corpus.string() + " is absent");
    return;
  }
  auto program = shipped_rules();
  size_t plans = 0, results = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (entry.path().extension() != ".json" || entry.path().filename() == "EXPECTED.json") continue;
    model::ResourceSet set;
    try {
      if (loaders::load_file(set, entry.path().string()) != loaders::Format::Plan) continue;
    } catch (const loaders::InputError&) {
      continue;  // not an input edict reads (expected outputs, API recordings)
    }
    set.finish();
    results += check_jobs(*program, set, entry.path().string());
    ++plans;
  }
  CHECK(plans >= 30);
  CHECK(results > 0);
}
