# find_package(brisk): the brisk_package() and brisk_package_all() functions
# (BriskPackage.cmake) and BRISK_PACK_EXECUTABLE, the brisk-pack beside this
# package: <prefix>/bin/brisk-pack for <prefix>/lib/cmake/brisk, whether
# installed or in brisk's build tree.
get_filename_component(_brisk_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.."
                       ABSOLUTE)
find_program(BRISK_PACK_EXECUTABLE brisk-pack HINTS "${_brisk_prefix}/bin"
             NO_DEFAULT_PATH)
unset(_brisk_prefix)
if(NOT BRISK_PACK_EXECUTABLE)
  set(brisk_FOUND FALSE)
  set(brisk_NOT_FOUND_MESSAGE
      "brisk-pack is not in ${CMAKE_CURRENT_LIST_DIR}/../../../bin")
  return()
endif()
include("${CMAKE_CURRENT_LIST_DIR}/BriskPackage.cmake")
