// Live-snapshot type mappings (mappings/*.yaml, embedded at build time): which AWS Config and
// Cloud Custodian types map onto which canonical type, and how their attribute paths become
// Terraform attribute names. Read by loaders/aws_config.cpp and loaders/custodian.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vm/value.h"

namespace edict::loaders::internal {

struct EmbeddedMapping {
  std::string_view path;  // "mappings/aws_s3_bucket.yaml"
  std::string_view text;
};
const std::vector<EmbeddedMapping>& embedded_mappings();

// Which side of a mapping row applies.
enum class Side { Config, Custodian };

// One attribute row: the Terraform name, the source paths per side (alternatives, first non-empty
// wins), a value transform, a default and, for nested blocks, the rows of each element.
struct AttrMap {
  std::string name;
  std::vector<std::string> config, custodian;
  std::string as;  // "", bool, json, urldecode, tags, list, equals:X, lookup:KEY
  std::string fallback;  // YAML scalar used when the source is absent (parsed as JSON)
  bool has_default = false;
  std::vector<AttrMap> each;  // non-empty: a block list (a source object becomes a 1-element list)
  std::string each_key;       // set: a source object becomes one block per member, its key in this attribute
};

// A resource synthesized from a part of the source (S3 encryption, public access block), linked
// to its parent by an attribute that refers to it (and an edge).
struct ChildMap {
  std::string type;
  std::string link;  // child attribute naming the parent, e.g. "bucket"
  std::vector<std::string> config, custodian;
  std::vector<AttrMap> attributes;
};

struct TypeMap {
  std::string file;
  std::string type;                       // canonical: aws_s3_bucket
  std::vector<std::string> config_types;  // AWS::S3::Bucket
  std::vector<std::string> config_detect;  // paths that must all exist in a typeless select row
  std::vector<std::string> custodian_resources;  // s3, aws.s3
  std::vector<std::string> custodian_detect;     // keys that identify a resources.json record
  std::string custodian_arn;  // template: "arn:aws:s3:::{Name}"; {region}/{account} if known
  std::string custodian_id;   // the record's id key
  std::vector<AttrMap> attributes;
  std::vector<ChildMap> children;
};

// Parses one mapping file. Throws InputError "FILE:LINE:COL: message" on a bad file.
TypeMap parse_mapping(std::string_view file, std::string_view text);

// All embedded mappings, parsed once (throws InputError naming the file on a bad one).
const std::vector<TypeMap>& mappings();

const TypeMap* by_config_type(std::string_view config_type);
const TypeMap* by_custodian_resource(std::string_view resource);

// Follows a source path through decoded JSON: "a.b" members, "list[*].c" each element's c (a
// list), "list[flag].c" c of the first element whose `flag` is true.
Value eval_path(Arena& arena, const Value& root, std::string_view path);

// Builds the object of Terraform-named attributes from `root` with `rows` for one side.
// Strings are copied into `out`.
Value map_attributes(Arena& out, const Value& root, const std::vector<AttrMap>& rows, Side side);

// First non-empty value of the given alternative paths (null when none).
Value first_of(Arena& arena, const Value& root, const std::vector<std::string>& paths);

// JSON text -> Value (null when it is not JSON). URL-encoded text ("%7B...") is decoded first.
Value decode_embedded(Arena& arena, std::string_view text);
std::string url_decode(std::string_view s);

// Deep copy of a value into another arena.
Value deep_copy(Arena& out, const Value& v);

}  // namespace edict::loaders::internal
