// Tests for c7n/policy_file.cpp: reading Custodian policy files, their canonical data, and every
// located error (tabs, duplicate keys, aliases and alias bombs, size, encoding, shape).
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "c7n/policy_file.h"

using namespace edict;
using namespace edict::c7n;

namespace {

struct Parsed {
  lang::SourceManager sources;
  lang::DiagnosticSink sink;
  PolicyFile file;
  std::string rendered;  // every diagnostic, one per line ("p.yml:3:1: error[E0501]: ...")
};

std::unique_ptr<Parsed> parse(const std::string& text, const std::string& path = "p.yml") {
  auto p = std::make_unique<Parsed>();
  p->file = parse_policy_text(path, text, p->sources, p->sink);
  for (const lang::Diagnostic& d : p->sink.sorted()) {
    std::string r = lang::render(d, p->sources);
    p->rendered += r.substr(0, r.find('\n')) + "\n";
  }
  return p;
}

}  // namespace

TEST_CASE("policies are read with name, provider, resource and position") {
  auto p = parse(
      "# seed policies\n"
      "policies:\n"
      "  - name: s3-encryption-required\n"
      "    resource: aws.s3\n"
      "    filters:\n"
      "      - type: bucket-encryption\n"
      "        state: false\n"
      "  - name: ec2-old\n"
      "    resource: ec2\n"
      "  - name: gcp-vm\n"
      "    resource: gcp.instance\n");
  INFO(p->rendered);
  REQUIRE(p->file.ok);
  REQUIRE(p->file.policies.size() == 3);
  const PolicyEntry& a = p->file.policies[0];
  CHECK(a.name == "s3-encryption-required");
  CHECK(a.resource.provider == "aws");
  CHECK(a.resource.resource == "s3");
  CHECK(a.where.line == 3);
  CHECK(a.where.col == 5);
  CHECK(a.node["filters"][0]["type"].Scalar() == "bucket-encryption");
  CHECK(p->file.policies[1].resource.qualified() == "aws.ec2");
  CHECK(p->file.policies[1].resource_written == "ec2");
  CHECK(p->file.policies[2].resource.provider == "gcp");
  CHECK(p->rendered.empty());
}

TEST_CASE("the canonical form ignores layout, key order and spellings of one YAML value") {
  auto a = parse("policies:\n  - name: x\n    resource: ec2\n    filters: [{State: true, Count: 10}]\n");
  auto b = parse(
      "policies:\n- resource: aws.ec2   # the same data\n  name: x\n  filters:\n    - Count: 0xA\n      State: yes\n");
  auto c = parse("policies:\n  - name: x\n    resource: ec2\n    filters: [{State: 'true', Count: 10}]\n");
  REQUIRE(a->file.ok);
  REQUIRE(b->file.ok);
  // resource is kept as written, so aws.ec2 and ec2 are different data (Custodian sees different text).
  CHECK(a->file.policies[0].canonical != b->file.policies[0].canonical);
  auto b2 = parse("policies:\n- resource: ec2\n  name: x\n  filters:\n    - Count: 0xA\n      State: yes\n");
  CHECK(a->file.policies[0].canonical == b2->file.policies[0].canonical);
  CHECK(a->file.policies[0].canonical != c->file.policies[0].canonical);  // 'true' is a string
  auto renamed = parse("policies:\n  - name: y\n    resource: ec2\n    filters: [{State: true, Count: 10}]\n");
  CHECK(a->file.policies[0].canonical_body == renamed->file.policies[0].canonical_body);
  CHECK(a->file.policies[0].canonical != renamed->file.policies[0].canonical);
}

TEST_CASE("is_policy_file looks for a top-level policies key in a YAML file") {
  CHECK(is_policy_file("a/b.yml", "policies:\n  - name: x\n"));
  CHECK(is_policy_file("a/b.YAML", "# c\n---\npolicies :\n"));
  CHECK_FALSE(is_policy_file("a/b.json", "policies:\n"));
  CHECK_FALSE(is_policy_file(".github/workflows/ci.yml", "on: push\njobs:\n  policies:\n"));
  CHECK(has_policy_extension("x.yaml"));
  CHECK_FALSE(has_policy_extension("x.edict"));
}

TEST_CASE("a tab in the indentation is a located error; tabs elsewhere are fine") {
  auto bad = parse("policies:\n  - name: a\n\tresource: ec2\n");
  CHECK_FALSE(bad->file.ok);
  CHECK(bad->rendered == "p.yml:3:1: error[E0501]: a tab in the indentation: YAML indents with spaces only\n");
  auto ok = parse("policies:\n  - name: a\n    resource:\tec2\n    description: |\n      line\n      \tindented by a tab\n");
  INFO(ok->rendered);
  CHECK(ok->file.ok);
}

TEST_CASE("duplicate keys are located errors") {
  auto p = parse("policies:\n  - name: a\n    resource: ec2\n    name: b\n");
  CHECK_FALSE(p->file.ok);
  CHECK(p->rendered == "p.yml:4:5: error[E0501]: duplicate key 'name' in one mapping\n");
}

TEST_CASE("aliases are resolved and an alias bomb stays bounded") {
  auto p = parse(
      "common: &f\n  - type: value\n    key: State\npolicies:\n  - name: a\n    resource: ec2\n    filters: *f\n");
  INFO(p->rendered);
  REQUIRE(p->file.ok);
  CHECK(p->file.policies[0].node["filters"][0]["key"].Scalar() == "State");
  // Nine levels of ten aliases each: 10^9 nodes if expanded.
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) bomb += (j ? ", " : "") + prev;
    bomb += "]\n";
  }
  bomb += "policies:\n  - name: boom\n    resource: ec2\n    filters: *a9\n";
  auto start = std::chrono::steady_clock::now();
  auto b = parse(bomb);
  auto took = std::chrono::steady_clock::now() - start;
  CHECK_FALSE(b->file.ok);
  CHECK(b->rendered.find("error[E0501]: aliases expand the data past ") != std::string::npos);
  CHECK(took < std::chrono::seconds(10));
  auto undefined = parse("policies:\n  - name: a\n    resource: ec2\n    filters: *nope\n");
  CHECK(undefined->rendered.find("p.yml:4:14: error[E0501]: malformed YAML:") == 0);
}

TEST_CASE("shape errors are located and skip only the bad policy") {
  auto p = parse("policies:\n  - resource: ec2\n  - name: ok\n    resource: s3\n  - just-a-string\n  - name: nores\n");
  CHECK_FALSE(p->file.ok);
  REQUIRE(p->file.policies.size() == 1);
  CHECK(p->file.policies[0].name == "ok");
  CHECK(p->rendered ==
        "p.yml:2:5: error[E0502]: policy 1 has no 'name'\n"
        "p.yml:5:5: error[E0502]: policy 3 is not a mapping (name:, resource:, filters:, ...)\n"
        "p.yml:6:5: error[E0502]: policy 'nores' has no 'resource'\n");
  CHECK(parse("- a\n")->rendered == "p.yml:1:1: error[E0502]: a policy file is a mapping with a 'policies' list at its top level\n");
  CHECK(parse("")->rendered == "p.yml:1:1: error[E0502]: a policy file is a mapping with a 'policies' list at its top level\n");
  CHECK(parse("policies: {a: 1}\n")->rendered == "p.yml:1:11: error[E0502]: 'policies' must be a list of policies\n");
  CHECK(parse("vars: 1\n")->rendered == "p.yml:1:1: error[E0502]: the file has no top-level 'policies' list\n");
  CHECK(parse("policies: []\n---\npolicies: []\n")->rendered.find("error[E0501]: a policy file holds one YAML document") !=
        std::string::npos);
  CHECK(parse("policies: [\n")->rendered.find("error[E0501]: malformed YAML: end of sequence flow not found") !=
        std::string::npos);
}

TEST_CASE("two policies with one name are a warning, both kept") {
  auto p = parse("policies:\n  - name: a\n    resource: ec2\n  - name: a\n    resource: s3\n");
  CHECK(p->file.ok);
  CHECK(p->file.policies.size() == 2);
  CHECK(p->rendered == "p.yml:4:11: warning[E0503]: a second policy named 'a' (the first is at line 2)\n");
}

TEST_CASE("non-UTF-8 text, NUL bytes and oversized files are errors before parsing") {
  CHECK(parse("policies:\n  - name: caf\xff\n")->rendered ==
        "p.yml:2:14: error[E0104]: the policy file is not UTF-8 text (a NUL, or a byte that starts no UTF-8 character)\n");
  CHECK(parse(std::string("policies:\0", 10))->rendered.find("error[E0104]") != std::string::npos);
  CHECK(parse("\xEF\xBB\xBFpolicies:\n  - name: a\n    resource: ec2\n")->file.ok);
  std::string big = "policies:\n  - name: big\n    resource: ec2\n    description: \"";
  big.append(kMaxPolicyFileSize, 'x');
  big += "\"\n";
  CHECK(parse(big)->rendered == "p.yml:1:1: error[E0501]: the policy file is 10 MiB, above the limit of 10 MiB\n");
}

TEST_CASE("a policy file just under 10 MB parses in bounded time") {
  std::string text = "policies:\n";
  for (int i = 0; text.size() < 9'500'000; ++i) {
    text += "  - name: p" + std::to_string(i) + "\n    resource: aws.ec2\n    filters:\n      - State.Name: running\n"
            "      - type: value\n        key: tag:Owner\n        value: absent\n";
  }
  auto start = std::chrono::steady_clock::now();
  auto p = parse(text);
  CHECK(p->file.ok);
  CHECK(p->file.policies.size() > 50000);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
}

TEST_CASE("deep nesting is an error, not a stack overflow") {
  std::string deep = "policies:\n  - name: a\n    resource: ec2\n    filters: " + std::string(100000, '[') + "\n";
  auto p = parse(deep);
  CHECK_FALSE(p->file.ok);
  CHECK(p->rendered.find("error[E0501]: malformed YAML:") != std::string::npos);
}

TEST_CASE("policies_yaml writes a document that reads back to the same data") {
  auto p = parse("policies:\n  - name: a\n    resource: ec2\n    filters: [{State: true}]\n  - name: b\n    resource: s3\n");
  REQUIRE(p->file.ok);
  std::string yaml = policies_yaml({&p->file.policies[1]});
  auto back = parse(yaml);
  REQUIRE(back->file.ok);
  REQUIRE(back->file.policies.size() == 1);
  CHECK(back->file.policies[0].canonical == p->file.policies[1].canonical);
}

TEST_CASE("an unreadable file is E0401") {
  lang::SourceManager sources;
  lang::DiagnosticSink sink;
  PolicyFile f = read_policy_file("/nonexistent/x.yml", sources, sink);
  CHECK_FALSE(f.ok);
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].code == lang::Code::IoError);
}
