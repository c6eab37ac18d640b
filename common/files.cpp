// file_id and same_file: stat(2) of the path, else of its parent directory plus the name.
#include "common/files.h"

#include <sys/stat.h>

#include <filesystem>

namespace edict::files {

std::optional<FileId> file_id(const std::string& path) {
  if (path.empty() || path == "-") return std::nullopt;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return FileId{st.st_dev, st.st_ino, ""};
  std::filesystem::path p(path);
  std::string parent = p.parent_path().empty() ? "." : p.parent_path().string();
  if (::stat(parent.c_str(), &st) != 0) return std::nullopt;
  return FileId{st.st_dev, st.st_ino, p.filename().string()};
}

bool same_file(const std::string& a, const std::string& b) {
  std::optional<FileId> x = file_id(a), y = file_id(b);
  return x && y && *x == *y;
}

const std::string* overwritten_input(const std::string& output, const std::vector<std::string>& inputs) {
  std::optional<FileId> out = file_id(output);
  if (!out) return nullptr;
  for (const std::string& in : inputs) {
    if (std::optional<FileId> id = file_id(in); id && *id == *out) return &in;
  }
  return nullptr;
}

}  // namespace edict::files
