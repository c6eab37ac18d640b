// Tests for Session::complete (repl/complete.cpp): commands, per-command arguments (paths, types,
// addresses, rule ids) and, in expressions, attributes, paths after `x.`, builtins, defs,
// keywords and metadata fields.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "repl/session.h"

using edict::repl::Completion;
using edict::repl::Session;
namespace fs = std::filesystem;

namespace {

const std::string kPlan = std::string(EDICT_SOURCE_DIR) + "/examples/plan.json";

bool offers(const Completion& c, const std::string& word) {
  return std::find(c.candidates.begin(), c.candidates.end(), word) != c.candidates.end();
}

struct Loaded {
  Session s;
  Loaded() { s.start({}, {kPlan}); }
};

}  // namespace

TEST_CASE("command names complete at the start of a line") {
  Loaded run;
  Completion c = run.s.complete(":sh");
  CHECK(c.start == 0);
  CHECK(c.candidates == std::vector<std::string>{":show"});
  CHECK(c.append_space);
  CHECK(run.s.complete(":").candidates.size() == edict::repl::commands().size());
  CHECK(run.s.complete("  :u").candidates == std::vector<std::string>{":unknowns", ":use"});
  CHECK(run.s.complete(":zzz").candidates.empty());
}

TEST_CASE("command arguments complete to addresses, types and rule ids") {
  Loaded run;
  Completion c = run.s.complete(":show aws_db");
  CHECK(c.start == 6);
  CHECK(c.candidates == std::vector<std::string>{"aws_db_instance.app"});
  CHECK(c.append_space);
  CHECK(run.s.complete(":use aws_s3_bucket.").candidates ==
        std::vector<std::string>{"aws_s3_bucket.assets", "aws_s3_bucket.logs", "aws_s3_bucket.old_uploads"});
  CHECK(run.s.complete(":refs data.").candidates == std::vector<std::string>{"data.aws_caller_identity.current"});
  CHECK(offers(run.s.complete(":resources aws_s3_bucket_p"), "aws_s3_bucket_public_access_block"));
  CHECK(run.s.complete(":run s3-b").candidates == std::vector<std::string>{"s3-block-public-access"});
  CHECK(run.s.complete(":disasm CUSTOM_RDS_00").candidates.size() == 2);
  // :why takes a rule, then an address, then nothing.
  CHECK(run.s.complete(":why s3-e").candidates == std::vector<std::string>{"s3-encryption-at-rest"});
  Completion second = run.s.complete(":why s3-encryption-at-rest aws_s3_bucket.l");
  CHECK(second.start == 27);
  CHECK(second.candidates == std::vector<std::string>{"aws_s3_bucket.logs"});
  CHECK(run.s.complete(":why s3-encryption-at-rest aws_s3_bucket.logs aws").candidates.empty());
  CHECK(run.s.complete(":show aws_s3_bucket.logs aws").candidates.empty());
  CHECK(run.s.complete(":help x").candidates.empty());
}

TEST_CASE(":load completes directories and rule or input files") {
  fs::path dir = fs::temp_directory_path() / ("edict-repl-complete-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "rules");
  std::ofstream(dir / "plan.json") << "{}";
  std::ofstream(dir / "policy.edict") << "";
  std::ofstream(dir / "notes.txt") << "";
  std::string base = dir.string() + "/";
  Loaded run;
  Completion c = run.s.complete(":load " + base + "p");
  CHECK(c.candidates == std::vector<std::string>{base + "plan.json", base + "policy.edict"});
  Completion d = run.s.complete(":load x.json " + base + "r");
  CHECK(d.candidates == std::vector<std::string>{base + "rules/"});
  CHECK_FALSE(d.append_space);  // a directory goes on
  CHECK(run.s.complete(":load " + base + "n").candidates.empty());  // not a rule or input file
  fs::remove_all(dir);
}

TEST_CASE("expressions complete attributes of the selected resource, also after x.") {
  Loaded run;
  run.s.execute(":use aws_s3_bucket.logs");
  CHECK(run.s.complete("tags_a").candidates == std::vector<std::string>{"tags_all"});
  Completion path = run.s.complete("len(tags_all.Pro");
  CHECK(path.start == 4);
  CHECK(path.candidates == std::vector<std::string>{"tags_all.Project"});
  CHECK_FALSE(path.append_space);
  CHECK(run.s.complete("self.buck").candidates == std::vector<std::string>{"self.bucket", "self.bucket_domain_name",
                                                                           "self.bucket_prefix",
                                                                           "self.bucket_regional_domain_name"});
  CHECK(run.s.complete("tags.").candidates == std::vector<std::string>{"tags.Name"});
  CHECK(run.s.complete("nosuch.").candidates.empty());
  CHECK(run.s.complete("versioning.").candidates.empty());  // unknown: nothing to offer
  run.s.execute(":use");
  CHECK_FALSE(offers(run.s.complete("tags"), "tags_all"));
}

TEST_CASE("expressions complete builtins, defs, keywords, metadata fields and types") {
  Loaded run;
  CHECK(offers(run.s.complete("startsw"), "startswith"));
  CHECK(offers(run.s.complete("x == cidr_is_w"), "cidr_is_world"));
  CHECK(run.s.complete("refe").candidates == std::vector<std::string>{"refers"});
  CHECK(offers(run.s.complete("aws.s3.sse_"), "aws.s3.sse_configured"));
  CHECK(offers(run.s.complete("@add"), "@address"));
  CHECK(offers(run.s.complete("resources(aws_security_group_r"), "aws_security_group_rule"));
  run.s.execute("def my_helper(x) = x");
  CHECK(offers(run.s.complete("my_h"), "my_helper"));
  // Inside a multi-line input a leading ':' is not a command.
  run.s.execute("[1,");
  CHECK_FALSE(offers(run.s.complete(":sh"), ":show"));
}
