// The Custodian-shaped record of a canonical resource: mappings/*.yaml read in reverse. Every
// input (resources.json, AWS Config, Terraform plans) is loaded into canonical attributes; a
// policy reads them back under the Custodian keys the mapping names (`Encrypted` on aws.ebs is
// canonical `encrypted`). The Shape says which keys exist, so an unmapped key is a compile error.
#pragma once

#include <map>
#include <string>

#include "lang/ast.h"
#include "loaders/internal/mapping.h"

namespace edict::c7n::internal {

// What a policy may read at one level of the record.
struct Shape {
  bool open = true;                     // an opaque value: any sub-key may be read
  std::map<std::string, Shape> members;  // when closed: the keys that exist
  std::string refused;                  // non-empty: the key exists but cannot be rebuilt, and why
};

struct Record {
  lang::DefDecl def;  // def NAME(r) = { Custodian-shaped object of resource r }
  Shape shape;
};

// The record function for one mapped type; `name` is the def's name.
Record build_record(const loaders::internal::TypeMap& type, const std::string& name, lang::Span span);

}  // namespace edict::c7n::internal
