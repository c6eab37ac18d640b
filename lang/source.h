// Source files and spans. A Span is a half-open byte range [begin, end) into one SourceFile;
// offsets are 0-based bytes, while rendered line:col positions are 1-based (col counts bytes).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace edict::lang {

struct Span {
  uint32_t file = 0;   // index into SourceManager
  uint32_t begin = 0;  // byte offset, 0-based, inclusive
  uint32_t end = 0;    // byte offset, exclusive
};

struct LineCol {
  uint32_t line = 1;  // 1-based
  uint32_t col = 1;   // 1-based, in bytes
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  LineCol line_col(uint32_t offset) const;
  // The text of 1-based line `line`, without its newline.
  std::string_view line_text(uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

// Owns every source file of a compilation so that spans stay valid as long as diagnostics do.
class SourceManager {
 public:
  uint32_t add(std::string path, std::string text);
  const SourceFile& file(uint32_t id) const { return *files_.at(id); }
  size_t size() const { return files_.size(); }
  std::string_view text(const Span& span) const;

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

}  // namespace edict::lang
