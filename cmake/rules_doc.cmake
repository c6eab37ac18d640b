# docs/rules.md from the rule metadata (`edict rules --format markdown`), run with cmake -P:
# MODE=check fails when DOC differs from the generated text; MODE=update rewrites DOC.
# Inputs: EDICT (the binary), RULES (the rules directory), DOC (docs/rules.md).
get_filename_component(root ${RULES} DIRECTORY)
execute_process(
  COMMAND ${EDICT} rules --format markdown --rules rules
  WORKING_DIRECTORY ${root}
  OUTPUT_VARIABLE generated
  ERROR_VARIABLE errors
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "edict rules --format markdown failed (${status}):\n${errors}")
endif()
if(MODE STREQUAL "update")
  file(WRITE ${DOC} "${generated}")
  message(STATUS "wrote ${DOC}")
  return()
endif()
set(current "")
if(EXISTS ${DOC})
  file(READ ${DOC} current)
endif()
if(NOT current STREQUAL generated)
  message(FATAL_ERROR "${DOC} is stale: it differs from `edict rules --format markdown --rules rules`.\n"
                      "Refresh it with `cmake --build build --target update-rules-doc` and commit the result.")
endif()
message(STATUS "${DOC} is current")
