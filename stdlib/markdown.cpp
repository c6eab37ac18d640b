// Renders docs/stdlib.md from the builtin table (`edict builtins --markdown`), so the reference
// can never drift from what the checker and VM actually use.
#include <string>
#include <string_view>

#include "stdlib/builtins.h"

namespace edict::stdlib {

namespace {

struct Section {
  std::string_view category;
  std::string_view title;
  std::string_view intro;
};

// Every category used in the table, in the order of the docs.
constexpr Section kSections[] = {
    {"strings", "Strings", "Lengths and offsets count UTF-8 code points; case changes apply to ASCII letters only."},
    {"regex", "Regular expressions and globs",
     "Regular expressions are RE2 (linear-time, no backreferences); compiled patterns are cached. A literal "
     "pattern that does not compile is a compile-time error."},
    {"net", "Networks: addresses, CIDR blocks and ports",
     "Addresses and blocks are IPv4 or IPv6 text; a bare address is a /32 or /128 block, and host bits are "
     "ignored (`10.0.0.1/8` is `10.0.0.0/8`). Blocks of different families never contain or overlap each other. "
     "Text that is not an address or block is an error (a compile-time error for a literal)."},
    {"json", "JSON and IAM policies",
     "IAM policies arrive as JSON text inside attributes, and URL-encoded from the IAM API; these builtins take "
     "all of those forms."},
    {"collections", "Collections", "Lists and objects; resources count as objects of their attributes."},
    {"numbers", "Numbers", "Numbers are IEEE doubles."},
    {"time", "Time",
     "Times are RFC 3339 text or Unix seconds. `now()` is fixed for a run, so results are reproducible with "
     "`EDICT_NOW`."},
    {"c7n", "Cloud Custodian",
     "What the Cloud Custodian front end compiles policies to (docs/custodian.md); usable in rules too."},
    {"resources", "Resources",
     "Special forms: the compiler turns them into indexed lookups, so they cost no scan of the input."},
};

constexpr std::string_view kIntro = R"(# edict standard library

<!-- Generated from stdlib/builtins.cpp by `build/edict builtins --markdown > docs/stdlib.md`. Do not edit. -->

Builtins are called like functions, e.g. `lower(tags.Name ?? "")`. They share these conventions:

- **Unknown values.** When an argument is unknown (Terraform's "known after apply"), the call is unknown
  and the builtin does not run; only `known` sees unknowns. An unknown nested inside a list or object makes
  the result unknown when the result depends on it.
- **Null.** Given null where text, a list or a number is expected, a builtin returns null, so a default is
  one `??` away: `lower(x) ?? ""`. The exceptions answer questions about absence: `len(null) == 0`,
  `as_list(null) == []`, `has_key(null, k) == false`, `get(null, k, d) == d`, `to_json(null) == "null"`,
  `type_of(null) == "null"` and `known(null) == true`.
- **Errors.** An argument of the wrong type, or text that is not a valid CIDR block, regex, glob, timestamp,
  duration or JSON, makes the rule's result on that resource `error` with a message such as
  `lower: expected string, got number`; other resources are still checked. Such mistakes in literal
  arguments are reported when the rules are compiled.
)";

}  // namespace

std::string stdlib_markdown() {
  std::string out(kIntro);
  out += "\nSections:";
  for (const Section& s : kSections) {
    out += &s == &kSections[0] ? " " : ", ";
    out += "[" + std::string(s.title) + "](#" + std::string(s.category) + ")";
  }
  out += ".\n";
  for (const Section& s : kSections) {
    out += "\n<a id=\"" + std::string(s.category) + "\"></a>\n\n## " + std::string(s.title) + "\n\n";
    out += s.intro;
    out += "\n";
    for (const Builtin& b : builtins()) {
      if (b.category != s.category) continue;
      out += "\n### " + std::string(b.name) + "\n\n";
      out += "`" + std::string(b.signature) + "`\n\n";
      out += std::string(b.doc) + "\n\n";
      out += "Example: `" + std::string(b.example) + "`\n";
    }
  }
  return out;
}

}  // namespace edict::stdlib
