# Writes the report's templates into a header as raw string constants.
# Called by cli/CMakeLists.txt with OUT, PAGE and STYLE set.
file(READ ${PAGE} page)
file(READ ${STYLE} style)
foreach(text page style)
  string(FIND "${${text}}" ")smr_template\"" found)
  if(NOT found EQUAL -1)
    message(FATAL_ERROR "a template may not contain the raw-string delimiter")
  endif()
endforeach()
file(WRITE ${OUT} "// Generated from cli/templates/ by cmake/embed_templates.cmake.\n#pragma once\n\n"
     "inline constexpr const char* kPageTemplate = R\"smr_template(${page})smr_template\";\n"
     "inline constexpr const char* kPageStyle = R\"smr_template(${style})smr_template\";\n")
