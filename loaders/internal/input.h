// The text of one input in a buffer simdjson reads in place (SIMDJSON_PADDING readable bytes follow
// it). Files and copies live in an anonymous memory mapping, so that the part of the text the
// loader has read for good can be given back to the system while loading goes on. Loaders only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace edict::loaders::internal {

class Input {
 public:
  Input() = default;
  ~Input() { release(); }
  Input(Input&& other) noexcept { *this = std::move(other); }
  Input& operator=(Input&& other) noexcept;
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;

  // A mapped buffer for `size` bytes of text (and the padding); fill it through data(). Throws
  // std::bad_alloc when the system refuses.
  static Input mapped(size_t size);
  // Text read from a stream: `s` must have SIMDJSON_PADDING spare bytes of capacity. Its pages are
  // never given back early.
  static Input adopt(std::string s);

  char* data() { return map_ != nullptr ? map_ : str_.data(); }
  std::string_view text() const { return text_; }
  // The document: a part of the buffer (after a BOM, or the converted length).
  void set_text(std::string_view text) { text_ = text; }

  // Gives back the whole pages before `p` (text that will not be read again), in steps of at
  // least a megabyte; partly_released() tells whether it did. No-op for an adopted string.
  void release_before(const char* p);
  bool partly_released() const { return released_ > 0; }

  // Frees the buffer.
  void release();

 private:
  char* map_ = nullptr;
  size_t map_size_ = 0;
  size_t released_ = 0;  // bytes at the start of map_ already given back
  std::string str_;
  std::string_view text_;
};

}  // namespace edict::loaders::internal
