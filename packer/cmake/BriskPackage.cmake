# brisk_package(TARGET [RUNTIME R] [OUTPUT DIR] [INCLUDES PATH...]
#               [OPTIONS ARG...])
#   Registers the executable TARGET as a Lambda function and adds the target
#   TARGET-package, which packs it alone into OUTPUT (default
#   <binary dir>/TARGET-package) with brisk-pack, like aws-lambda-cpp's
#   aws_lambda_package_target. RUNTIME defaults to provided.al2023; INCLUDES
#   are libraries the program dlopens; OPTIONS go to brisk-pack as they are.
#
# brisk_package_all(OUTPUT DIR [TARGET NAME] [LAYER_PREFIX P] [REPORT FILE]
#                   [OPTIONS ARG...])
#   Adds the target NAME (default brisk-package-all) that packs every target
#   registered so far in one brisk-pack run, so that the libraries they share
#   go to layers. Call it after the brisk_package() calls. The run reads a
#   brisk-pack.json written at generation time into the binary dir (each
#   function's runtime and includes are its own); layers are named
#   LAYER_PREFIX-<hash> (default: the project's name).

define_property(GLOBAL PROPERTY BRISK_PACKAGE_TARGETS
                BRIEF_DOCS "Targets registered with brisk_package()"
                FULL_DOCS "Packed together by brisk_package_all().")

function(brisk_package target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "RUNTIME;OUTPUT"
                        "INCLUDES;OPTIONS")
  if(NOT TARGET ${target})
    message(FATAL_ERROR "brisk_package: '${target}' is not a target")
  endif()
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
            "brisk_package: unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_RUNTIME)
    set(ARG_RUNTIME provided.al2023)
  endif()
  if(NOT ARG_OUTPUT)
    set(ARG_OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/${target}-package")
  endif()
  set_property(GLOBAL APPEND PROPERTY BRISK_PACKAGE_TARGETS ${target})
  set_property(TARGET ${target} PROPERTY BRISK_RUNTIME ${ARG_RUNTIME})
  set_property(TARGET ${target} PROPERTY BRISK_INCLUDES ${ARG_INCLUDES})
  set(includes)
  foreach(include IN LISTS ARG_INCLUDES)
    list(APPEND includes "--include=${include}")
  endforeach()
  add_custom_target(${target}-package
    COMMAND "${BRISK_PACK_EXECUTABLE}" -o "${ARG_OUTPUT}"
            "--runtime=${ARG_RUNTIME}" ${includes} ${ARG_OPTIONS}
            "${target}=$<TARGET_FILE:${target}>"
    DEPENDS ${target}
    COMMENT "brisk-pack: ${target} into ${ARG_OUTPUT}"
    VERBATIM)
endfunction()

function(brisk_package_all)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "" "OUTPUT;TARGET;LAYER_PREFIX;REPORT"
                        "OPTIONS")
  if(NOT ARG_OUTPUT)
    message(FATAL_ERROR "brisk_package_all: OUTPUT is required")
  endif()
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
            "brisk_package_all: unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_TARGET)
    set(ARG_TARGET brisk-package-all)
  endif()
  if(NOT ARG_LAYER_PREFIX)
    string(REGEX REPLACE "[^A-Za-z0-9_-]" "-" ARG_LAYER_PREFIX
                         "${PROJECT_NAME}")
  endif()
  get_filename_component(output "${ARG_OUTPUT}" ABSOLUTE
                         BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  get_property(targets GLOBAL PROPERTY BRISK_PACKAGE_TARGETS)
  if(NOT targets)
    message(FATAL_ERROR "brisk_package_all: no target was registered with "
                        "brisk_package()")
  endif()
  set(functions)
  foreach(target IN LISTS targets)
    get_property(runtime TARGET ${target} PROPERTY BRISK_RUNTIME)
    get_property(includes TARGET ${target} PROPERTY BRISK_INCLUDES)
    set(quoted)
    foreach(include IN LISTS includes)
      list(APPEND quoted "\"${include}\"")
    endforeach()
    list(JOIN quoted ", " quoted)
    list(APPEND functions
         "    {\"name\": \"${target}\", \"input\": \"$<TARGET_FILE:${target}>\", \"runtime\": \"${runtime}\", \"includes\": [${quoted}]}")
  endforeach()
  list(JOIN functions ",\n" functions)
  set(report)
  if(ARG_REPORT)
    get_filename_component(report "${ARG_REPORT}" ABSOLUTE
                           BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
    set(report "\n  \"report\": \"${report}\",")
  endif()
  set(config "${CMAKE_CURRENT_BINARY_DIR}/${ARG_TARGET}.brisk-pack.json")
  file(GENERATE OUTPUT "${config}" CONTENT
"{\n  \"output\": \"${output}\",\n  \"layer_prefix\": \"${ARG_LAYER_PREFIX}\",${report}
  \"functions\": [\n${functions}\n  ]\n}\n")
  add_custom_target(${ARG_TARGET}
    COMMAND "${BRISK_PACK_EXECUTABLE}" -c "${config}" ${ARG_OPTIONS}
    DEPENDS ${targets}
    COMMENT "brisk-pack: ${targets} into ${output}"
    VERBATIM)
endfunction()
