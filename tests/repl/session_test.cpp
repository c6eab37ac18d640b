// Tests for repl/session.h: every command through Session::execute, expressions against a selected
// resource, multi-line and inline definitions (and redefinitions), and errors followed by recovery.
#include "repl/session.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

using edict::repl::Session;
namespace fs = std::filesystem;

namespace {

const std::string kPlan = std::string(EDICT_SOURCE_DIR) + "/examples/plan.json";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A scratch directory for rule files, removed afterwards.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() / ("edict-repl-" + name + "-" + std::to_string(getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
};

// A session with the shipped rules and the example plan.
struct Loaded {
  Session s;
  std::string startup;
  Loaded() { startup = s.start({}, {kPlan}); }
  std::string operator()(const std::string& line) { return s.execute(line); }
};

}  // namespace

TEST_CASE("start loads the shipped rules and the inputs") {
  Loaded run;
  CHECK(has(run.startup, "rules from the shipped library"));
  CHECK(has(run.startup, "loaded 14 resources from " + kPlan + " (terraform-plan)"));
  CHECK(run.s.error_count() == 0);
  CHECK(run.s.prompt() == "edict> ");
}

TEST_CASE(":resources lists everything or one type; a misspelt type is an error") {
  Loaded run;
  std::string all = run(":resources");
  CHECK(has(all, "aws_s3_bucket.logs"));
  CHECK(has(all, "aws_s3_bucket.old_uploads"));
  CHECK(has(all, "delete (not checked)"));
  CHECK(has(all, "14 resources\n"));
  std::string buckets = run(":resources aws_s3_bucket");
  CHECK(has(buckets, "3 resources of type aws_s3_bucket"));
  CHECK_FALSE(has(buckets, "aws_db_instance"));
  CHECK(run(":resources aws_s3_buckt") ==
        "error: no aws_s3_buckt resources in the inputs (did you mean 'aws_s3_bucket'?)\n");
  CHECK(run.s.error_count() == 1);
}

TEST_CASE(":show prints the normalized resource with unknowns marked") {
  Loaded run;
  std::string shown = run(":show aws_s3_bucket.logs");
  CHECK(has(shown, "aws_s3_bucket.logs\n  type    aws_s3_bucket\n  action  create\n"));
  CHECK(has(shown, "  bucket: \"example-logs\"\n"));
  CHECK(has(shown, "  tags: {\n    Name: \"example-logs\"\n  }\n"));
  CHECK(has(shown, "  arn: (known after apply)\n"));
  CHECK(has(run(":show aws_db_instance.app"), "enabled_cloudwatch_logs_exports: [\"postgresql\", \"upgrade\"]"));
  CHECK(run(":show aws_s3_bucket.log") ==
        "error: no resource 'aws_s3_bucket.log' in the inputs (did you mean 'aws_s3_bucket.logs'?)\n");
  CHECK(has(run(":show"), "error: which resource?"));
}

TEST_CASE(":use selects the resource that expressions read") {
  Loaded run;
  CHECK(run("bucket") == "null\n");  // no self: a plain document that is null
  CHECK(has(run(":use aws_s3_bucket.logs"), "using aws_s3_bucket.logs (aws_s3_bucket)"));
  CHECK(run.s.prompt() == "edict(aws_s3_bucket.logs)> ");
  CHECK(run("bucket") == "\"example-logs\"\n");
  CHECK(run("self.tags_all.Project") == "\"webapp\"\n");
  CHECK(run("@address") == "\"aws_s3_bucket.logs\"\n");
  CHECK(run("versioning") == "unknown (known after apply: versioning)\n");
  CHECK(run("[b.force_destroy for b in resources(aws_s3_bucket)]") == "[false, true]\n");  // not the delete
  CHECK(has(run(":show"), "bucket: \"example-logs\""));  // no ADDRESS: the selected resource
  CHECK(run(":use") == "no resource selected: expressions have no self\n");
  CHECK(run.s.prompt() == "edict> ");
  CHECK(has(run(":use nope"), "error: no resource 'nope'"));
  CHECK(run.s.prompt() == "edict> ");
}

TEST_CASE("expression errors show a caret and the session goes on") {
  Loaded run;
  std::string syntax = run("1 + )");
  CHECK(has(syntax, "<repl:1>:1:5: error[E0101]"));
  CHECK(has(syntax, " 1 | 1 + )\n   |     ^"));
  CHECK(has(run("lenn([1])"), "error[E0201]: unknown function 'lenn'"));
  run(":use aws_s3_bucket.logs");
  std::string runtime = run("to_number(bucket)");
  CHECK(has(runtime, "<repl:3>:1:1: error: to_number: not a number: \"example-logs\""));
  CHECK(has(runtime, "^^^^^^^^^^^^^^^^^"));
  CHECK(run("1 + 1") == "2\n");
  CHECK(run.s.error_count() == 3);
  CHECK_FALSE(run.s.done());
}

TEST_CASE("multi-line input continues until brackets close and no operator trails") {
  Loaded run;
  CHECK(run("[1,") == "");
  CHECK(run.s.continuing());
  CHECK(run.s.prompt() == "   ...> ");
  CHECK(run("  2] ==") == "");
  CHECK(run("[1, 2]") == "true\n");
  CHECK_FALSE(run.s.continuing());
  CHECK(run("rule half {") == "");
  CHECK(run.s.finish() == "error: the input ended inside an unfinished definition or expression (it was dropped)\n");
  CHECK_FALSE(run.s.continuing());
  run("rule other {");
  run.s.cancel_input();
  CHECK(run("# a comment line") == "");
  CHECK(run("   ") == "");
  CHECK(run("2 * 3") == "6\n");
}

TEST_CASE("an inline rule is defined and run at once; redefinition replaces it") {
  Loaded run;
  CHECK(run("rule tags-owner {") == "");
  CHECK(run("  severity low") == "");
  CHECK(run("  on aws_s3_bucket") == "");
  CHECK(run("  assert \"Owner\" in keys(tags ?? {}) else \"{@address} has no Owner tag\"") == "");
  std::string defined = run("}");
  CHECK(has(defined, "rule tags-owner defined\n"));
  CHECK(has(defined, "FAIL    tags-owner [low] aws_s3_bucket.logs has no Owner tag"));
  CHECK(has(defined, "Summary: 0 pass, 2 fail"));

  std::string redefined = run("rule tags-owner { on aws_s3_bucket assert \"Name\" in keys(tags ?? {}) }");
  CHECK(has(redefined, "rule tags-owner redefined\n"));
  CHECK(has(redefined, "Summary: 2 pass, 0 fail"));
  CHECK(has(run(":run tags-owner"), "Summary: 2 pass, 0 fail"));
  CHECK(run.s.error_count() == 0);
}

TEST_CASE("defs are defined and redefined inline, and every rule is recompiled") {
  Loaded run;
  CHECK(run("def double(x) = x * 2") == "def double defined\n");
  CHECK(run("double(21)") == "42\n");
  CHECK(run("def double(x) = x + x + 1") == "def double redefined\n");
  CHECK(run("double(21)") == "43\n");
  // A def of a loaded file's package replaces the file's def; the file's rules use the new one.
  CHECK(has(run(":run s3-block-public-access"), "FAIL    s3-block-public-access [high] aws_s3_bucket.logs"));
  CHECK(run("package aws.s3") == "");  // a package line alone waits for its definitions
  CHECK(run.s.continuing());
  CHECK(run("def blocks_of(bucket) = []") == "def aws.s3.blocks_of redefined\n");
  std::string after = run(":run s3-block-public-access");
  CHECK(has(after, "aws_s3_bucket.assets has no aws_s3_bucket_public_access_block"));
  CHECK(has(run("aws.s3.blocks_of(null)"), "[]"));
}

TEST_CASE("a definition that does not compile changes nothing") {
  Loaded run;
  std::string out = run("rule broken { on aws_s3_bucket assert nosuch(self) }");
  CHECK(has(out, "error[E0201]: unknown function 'nosuch'"));
  CHECK(has(out, "(nothing was defined; the earlier definitions are unchanged)"));
  CHECK(has(run(":run broken"), "error: no rule 'broken'"));
  // Redefining a def with another arity breaks a rule that calls it: rejected as a whole.
  std::string arity = run("package aws.s3\ndef blocks_of(a, b) = []");
  CHECK(has(arity, "error[E0301]"));
  CHECK(has(run(":run s3-block-public-access"), "FAIL    s3-block-public-access"));
  CHECK(run.s.error_count() == 3);
}

TEST_CASE(":run reports all rules or one") {
  Loaded run;
  std::string all = run(":run");
  CHECK(has(all, "CUSTOM_RDS_001"));
  CHECK(has(all, "s3-encryption-at-rest"));
  CHECK(has(all, "Summary: "));
  std::string one = run(":run CUSTOM_RDS_001");
  CHECK(has(one, "CUSTOM_RDS_001"));
  CHECK_FALSE(has(one, "s3-encryption-at-rest"));
  CHECK(run(":run s3-encryption-at-rst") == "error: no rule 's3-encryption-at-rst' (did you mean 's3-encryption-at-rest'?)\n");
  Session empty;
  empty.start({}, {});
  CHECK(empty.execute(":run") == "(no inputs loaded: `:load plan.json` to run rules)\n");
}

TEST_CASE(":why traces a rule on a resource") {
  Loaded run;
  std::string why = run(":why s3-block-public-access aws_s3_bucket.logs");
  CHECK(has(why, "s3-block-public-access on aws_s3_bucket.logs: fail"));
  CHECK(has(why, "assert all p in blocks_of(self): p.restrict_public_buckets == true => false"));
  CHECK(has(why, "p.restrict_public_buckets => false"));
  run(":use aws_db_instance.app");
  CHECK(has(run(":why CUSTOM_RDS_001"), "storage_encrypted"));
  CHECK(has(run(":why CUSTOM_RDS_001 aws_s3_bucket.logs"), "error: rule CUSTOM_RDS_001 does not check aws_s3_bucket"));
  CHECK(has(run(":why s3-block-public-access aws_s3_bucket.old_uploads"), "is being destroyed"));
  CHECK(has(run(":why"), "error: usage: :why RULE [ADDRESS]"));
}

TEST_CASE(":unknowns and :refs") {
  Loaded run;
  std::string unknowns = run(":unknowns aws_s3_bucket.logs");
  CHECK(has(unknowns, "  server_side_encryption_configuration\n"));
  CHECK(has(unknowns, " known only after apply\n"));
  CHECK(run(":unknowns aws_ebs_volume.data").rfind("every attribute of", 0) == 0);
  std::string refs = run(":refs aws_s3_bucket.assets");
  CHECK(has(refs, "aws_s3_bucket.assets refers to:\n  (nothing)\n"));
  CHECK(has(refs, "is referred to by:\n  aws_s3_bucket_public_access_block.assets.bucket\n"));
  CHECK(has(run(":refs aws_security_group_rule.web_rdp"), "  security_group_id -> aws_security_group.web\n"));
}

TEST_CASE(":disasm, :help, unknown commands and :quit") {
  Loaded run;
  std::string code = run(":disasm CUSTOM_RDS_001");
  CHECK(has(code, "rule CUSTOM_RDS_001"));
  CHECK(has(code, "RETURN"));
  CHECK(has(run(":disasm"), "RETURN"));
  CHECK(has(run(":disasm nope"), "error: no rule 'nope'"));
  std::string help = run(":help");
  for (const auto& c : edict::repl::commands()) CHECK(has(help, std::string(c.name)));
  CHECK(run(":shw x") == "error: unknown command ':shw' (did you mean ':show'?); :help lists the commands\n");
  CHECK_FALSE(run.s.done());
  CHECK(run(":quit") == "");
  CHECK(run.s.done());
}

TEST_CASE(":load reads rules and inputs, reloads them, and keeps the old state on errors") {
  TempDir dir("load");
  std::string rules = dir.write("mine.edict", "rule mine { on aws_s3_bucket assert force_destroy == false }\n");
  Session s;
  CHECK(has(s.start({rules}, {}), "loaded 1 rule from 1 file; 1 rule in all"));
  CHECK(s.execute(":run") == "(no inputs loaded: `:load plan.json` to run rules)\n");
  CHECK(has(s.execute(":load " + kPlan), "loaded 14 resources"));
  CHECK(has(s.execute(":run"), "Summary: 1 pass, 1 fail"));
  // Editing the file and loading it again replaces its rules.
  dir.write("mine.edict", "rule mine { on aws_s3_bucket assert force_destroy != null }\n");
  CHECK(has(s.execute(":load " + rules), "loaded 1 rule from 1 file (1 redefined); 1 rule in all"));
  CHECK(has(s.execute(":run"), "Summary: 2 pass, 0 fail"));
  // Broken rules, a missing file and a bad input change nothing.
  std::string bad = dir.write("bad.edict", "rule bad { on aws_s3_bucket assert }\n");
  CHECK(has(s.execute(":load " + bad), "(no rules were loaded; the earlier rules are unchanged)"));
  CHECK(has(s.execute(":load " + (dir.path / "missing.edict").string()), "error: cannot read"));
  std::string junk = dir.write("junk.json", "{not json");
  CHECK(has(s.execute(":load " + junk), "(the loaded inputs are unchanged)"));
  CHECK(has(s.execute(":resources"), "14 resources"));
  CHECK(has(s.execute(":run"), "Summary: 2 pass, 0 fail"));
  CHECK(has(s.execute(":load"), "error: usage: :load PATH..."));
  CHECK(s.error_count() == 4);
}

TEST_CASE("a selection that disappears on reload is dropped") {
  TempDir dir("reselect");
  std::string plan = dir.write("plan.json", [] {
    std::ifstream in(kPlan);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }());
  Session s;
  s.start({}, {plan});
  s.execute(":use aws_s3_bucket.logs");
  dir.write("plan.json", R"({"format_version": "1.2", "terraform_version": "1.6.0", "planned_values": {"root_module": {}}})");
  std::string out = s.execute(":load " + plan);
  CHECK(has(out, "(aws_s3_bucket.logs is no longer in the inputs: no resource is selected)"));
  CHECK(s.prompt() == "edict> ");
}
