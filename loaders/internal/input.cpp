// Input buffers: an anonymous mapping whose read part is given back early, or an adopted string.
#include "loaders/internal/input.h"

#include <simdjson.h>
#include <sys/mman.h>
#include <unistd.h>

#include <new>

namespace edict::loaders::internal {

namespace {

size_t page_size() {
  static const size_t size = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return size;
}

constexpr size_t kReleaseStep = size_t{1} << 20;

}  // namespace

Input& Input::operator=(Input&& other) noexcept {
  if (this != &other) {
    release();
    map_ = other.map_;
    map_size_ = other.map_size_;
    released_ = other.released_;
    bool in_string = other.map_ == nullptr && other.text_.data() != nullptr;
    size_t offset = in_string ? static_cast<size_t>(other.text_.data() - other.str_.data()) : 0;
    str_ = std::move(other.str_);
    text_ = in_string ? std::string_view(str_.data() + offset, other.text_.size()) : other.text_;
    other.map_ = nullptr;
    other.map_size_ = other.released_ = 0;
    other.text_ = {};
  }
  return *this;
}

Input Input::mapped(size_t size) {
  Input in;
  size_t page = page_size();
  in.map_size_ = (size + simdjson::SIMDJSON_PADDING + page - 1) / page * page;
  int flags = MAP_PRIVATE | MAP_ANONYMOUS;
#ifdef MAP_POPULATE
  flags |= MAP_POPULATE;  // it is all written at once: one call instead of a page fault per page
#endif
  void* p = mmap(nullptr, in.map_size_, PROT_READ | PROT_WRITE, flags, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  in.map_ = static_cast<char*>(p);
  in.text_ = std::string_view(in.map_, size);
  return in;
}

Input Input::adopt(std::string s) {
  Input in;
  in.str_ = std::move(s);
  in.text_ = in.str_;
  return in;
}

void Input::release_before(const char* p) {
  if (map_ == nullptr || p <= map_ + released_ || p > map_ + map_size_) return;
  size_t upto = static_cast<size_t>(p - map_) / page_size() * page_size();
  if (upto < released_ + kReleaseStep) return;
  // The pages read again after this would be zeros: callers give back only text they are done with.
  madvise(map_ + released_, upto - released_, MADV_DONTNEED);
  released_ = upto;
}

void Input::release() {
  if (map_ != nullptr) munmap(map_, map_size_);
  map_ = nullptr;
  map_size_ = released_ = 0;
  std::string().swap(str_);
  text_ = {};
}

}  // namespace edict::loaders::internal
