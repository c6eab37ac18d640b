# Installing and packaging edict: build information for `edict --version`, man pages and shell
# completions generated from the CLI definition after every link, `cmake --install` layout, and
# the Debian package (CPack, Depends computed by dpkg-shlibdeps). Included by CMakeLists.txt.
include(GNUInstallDirs)

# --- edict --version: git revision and build type, refreshed on every build ---
set(EDICT_BUILD_INFO ${CMAKE_BINARY_DIR}/generated/build_info.h)
add_custom_target(edict_build_info
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DOUT=${EDICT_BUILD_INFO}
          -DBUILD_TYPE=${CMAKE_BUILD_TYPE} -P ${CMAKE_SOURCE_DIR}/cmake/build_info.cmake
  BYPRODUCTS ${EDICT_BUILD_INFO}
  COMMENT "Recording the git revision")
add_dependencies(edict edict_build_info)
target_include_directories(edict PRIVATE ${CMAKE_BINARY_DIR})

# --- man pages and completions: written by the binary itself (`edict __generate`) ---
# After every link, so they always describe the binary next to them; tests/packaging checks them
# against `--help`.
set(EDICT_MAN_DIR ${CMAKE_BINARY_DIR}/man)
set(EDICT_COMPLETIONS_DIR ${CMAKE_BINARY_DIR}/completions)
add_custom_command(TARGET edict POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${EDICT_MAN_DIR}
  COMMAND $<TARGET_FILE:edict> __generate man --output ${EDICT_MAN_DIR}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${EDICT_COMPLETIONS_DIR}
  COMMAND $<TARGET_FILE:edict> __generate bash --output ${EDICT_COMPLETIONS_DIR}/edict.bash
  COMMAND $<TARGET_FILE:edict> __generate zsh --output ${EDICT_COMPLETIONS_DIR}/_edict
  COMMAND $<TARGET_FILE:edict> __generate fish --output ${EDICT_COMPLETIONS_DIR}/edict.fish
  COMMENT "Generating man pages and shell completions from the CLI definition")

# --- cmake --install ---
# Installing (and so cpack) needs only the edict target, not the tests: scripts/package.sh builds it.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
install(TARGETS edict RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS edict-history RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/edict)
install(DIRECTORY ${EDICT_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${EDICT_COMPLETIONS_DIR}/edict.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME edict)
install(FILES ${EDICT_COMPLETIONS_DIR}/_edict DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${EDICT_COMPLETIONS_DIR}/edict.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
file(GLOB EDICT_DOC_FILES ${CMAKE_SOURCE_DIR}/docs/*.md)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${EDICT_DOC_FILES} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/examples/README.md ${CMAKE_SOURCE_DIR}/examples/plan.json
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/examples/ci/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples/ci)
# The rule library is embedded in the binary; its source is installed to be read and copied.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/edict/rules)

# --- Debian package: scripts/package.sh -> build/edict_<version>_<arch>.deb ---
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME edict)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compliance as code for Terraform plans and live AWS snapshots")
set(CPACK_PACKAGE_DESCRIPTION
    "edict checks Terraform plans (terraform show -json) and live AWS snapshots (AWS Config items,\n"
    "Cloud Custodian resources.json) with one set of rules written in a small language, and reports\n"
    "in text, JSON, SARIF, JUnit, GitHub annotations or Markdown.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "edict maintainers <edict-maintainers@example.invalid>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)        # edict_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)         # Depends from dpkg-shlibdeps, never by hand
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_STRIP_FILES ON)                      # debug information stays in the build tree
include(CPack)
