// File identity (device and inode, not spelling), so that no output of a run can overwrite one of
// its inputs however the two paths are written (./plan.json, a symlink, a hard link).
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace edict::files {

// An existing file is its (device, inode); a file not yet there is its parent directory's
// (device, inode) and its name, so a planned output can be compared with the inputs too.
struct FileId {
  dev_t dev = 0;
  ino_t ino = 0;
  std::string name;  // empty for an existing file
  bool operator==(const FileId&) const = default;
};

// nullopt for "-" (stdin/stdout) and for a path whose parent does not exist either.
std::optional<FileId> file_id(const std::string& path);

// True when the two paths name the same file (existing or not).
bool same_file(const std::string& a, const std::string& b);

// The first of `inputs` that `output` would overwrite, or nullptr.
const std::string* overwritten_input(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace edict::files
