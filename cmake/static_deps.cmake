# edict_dependency(TARGET MODULE...): an interface target for pkg-config modules that links the
# static archives Debian ships (lib<name>.a) instead of their shared objects, when
# EDICT_STATIC_DEPS is on. Every shared library costs the dynamic loader time at start-up, and a
# small `edict evaluate` is mostly start-up (docs/performance.md). Names without an archive stay
# shared. Included by CMakeLists.txt.
option(EDICT_STATIC_DEPS "Link dependencies statically where Debian ships static archives" ON)

function(edict_dependency target)
  pkg_check_modules(${target}_PC REQUIRED ${ARGN})
  add_library(${target} INTERFACE)
  target_include_directories(${target} SYSTEM INTERFACE ${${target}_PC_INCLUDE_DIRS})
  target_compile_options(${target} INTERFACE ${${target}_PC_CFLAGS_OTHER})
  if(NOT EDICT_STATIC_DEPS)
    target_link_libraries(${target} INTERFACE ${${target}_PC_LINK_LIBRARIES})
    return()
  endif()
  set(libs)
  foreach(flag ${${target}_PC_STATIC_LDFLAGS})
    if(flag MATCHES "^-l(.+)$")
      set(name ${CMAKE_MATCH_1})
      if(name MATCHES "^(c|m|dl|rt|pthread|resolv)$")  # the C library's own: always shared
        list(APPEND libs ${flag})
        continue()
      endif()
      find_library(EDICT_STATIC_${name} NAMES lib${name}.a)
      if(EDICT_STATIC_${name})
        list(APPEND libs ${EDICT_STATIC_${name}})
      else()
        list(APPEND libs ${flag})
      endif()
    elseif(flag STREQUAL "-pthread")
      list(APPEND libs Threads::Threads)
    endif()
  endforeach()
  # A name named twice keeps its last place: static archives resolve left to right.
  list(REVERSE libs)
  list(REMOVE_DUPLICATES libs)
  list(REVERSE libs)
  target_link_libraries(${target} INTERFACE ${libs})
endfunction()
