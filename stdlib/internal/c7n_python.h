// Python's comparison semantics as Cloud Custodian's value filter meets them (operator.eq, <, `in`,
// set operations, `%`) over record values and the objects its value types make (datetimes, IP
// addresses and networks, loose versions). A TypeError in Python is `nullopt` here: Custodian
// catches it and the filter does not match. Used by stdlib/c7n_value.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "vm/value.h"

namespace edict::stdlib::internal::c7n {

// An IPv4/IPv6 address or (IPv4 only, as Custodian's parse_cidr) network.
struct Ip {
  bool v6 = false;
  bool network = false;
  std::array<uint8_t, 16> addr{};
  int prefix = 0;
};

// One component of a LooseVersion: a number or a run of other characters.
using VersionPart = std::variant<int64_t, std::string>;

struct Py {
  enum class K { Val, Date, Ip, IpList, Version, EmptyTuple } k = K::Val;
  Value v;                          // Val
  double t = 0;                     // Date: Unix seconds, UTC
  Ip ip;                            // Ip
  std::vector<Py> list;             // IpList: parsed elements (Val null for unparseable ones)
  std::vector<VersionPart> version;  // Version
  bool version_ok = true;           // false: LooseVersion of a non-string (any use is a TypeError)

  static Py val(Value x) {
    Py p;
    p.v = x;
    return p;
  }
  bool is_none() const { return k == K::Val && v.is_null(); }
};

bool py_truthy(const Py& a);
bool py_eq(const Py& a, const Py& b);
std::optional<bool> py_lt(const Py& a, const Py& b);
// `x in container`.
std::optional<bool> py_in(const Py& x, const Py& container);
// bool(set(a).difference(b)) and bool(set(a).intersection(b)).
std::optional<bool> py_difference(const Py& a, const Py& b);
std::optional<bool> py_intersect(const Py& a, const Py& b);

// Custodian's parse_cidr: a string with '/' as a strict IPv4 network, without as an IPv4 or IPv6
// address, a list as an IpList; nullopt (None) otherwise.
std::optional<Py> parse_cidr(const Value& v);
// Custodian's parse_date over one value: None when it is not a date (nullopt).
std::optional<double> parse_date(const Value& v);
Py loose_version(const Value& v);

}  // namespace edict::stdlib::internal::c7n
