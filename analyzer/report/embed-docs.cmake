# Writes OUT, a C++ fragment of {"rules/<id>.md", "<page>"} pairs: every page
# under DOCS/rules, so that SARIF carries each rule's docs (GitHub shows them
# beside the alert) without brisk-check looking for docs/ at run time.
# usage: cmake -DDOCS=<docs dir> -DOUT=<file> -P embed-docs.cmake
file(GLOB pages RELATIVE ${DOCS} ${DOCS}/rules/*.md)
list(SORT pages)
set(text "")
foreach(page ${pages})
  file(READ ${DOCS}/${page} body)
  string(FIND "${body}" ")brisk_doc\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${page} holds the literal's delimiter")
  endif()
  string(APPEND text "{\"${page}\", R\"brisk_doc(${body})brisk_doc\"},\n")
endforeach()
file(WRITE ${OUT} "${text}")
