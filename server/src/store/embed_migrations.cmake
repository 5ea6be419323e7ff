# Generates a C++ source holding every migration of one backend.
# Inputs: BACKEND (sqlite|postgres), SRC_DIR (folder of NNNN_name.sql), OUT (file to write),
# FUNC (function name to define).
file(GLOB files "${SRC_DIR}/*.sql")
list(SORT files)
set(body "// Generated from ${BACKEND} migrations; do not edit.\n#include \"store/migration.h\"\n\nnamespace kams {\n\nconst std::vector<Migration>& ${FUNC}() {\n  static const std::vector<Migration> kAll = {\n")
foreach(f IN LISTS files)
  get_filename_component(base "${f}" NAME_WE)
  string(REGEX MATCH "^([0-9]+)_(.*)$" _ "${base}")
  set(num "${CMAKE_MATCH_1}")
  set(name "${CMAKE_MATCH_2}")
  math(EXPR num "${num} + 0")
  file(READ "${f}" sql)
  string(APPEND body "      {${num}, \"${name}\", R\"kams_sql(${sql})kams_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return kAll;\n}\n\n}  // namespace kams\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
