# Embeds http/openapi.json into a C++ source. Inputs: IN, OUT.
file(READ "${IN}" doc)
set(body "// Generated from openapi.json; do not edit.\n#include \"http/openapi_document.h\"\n\nnamespace kams::http {\n\nstd::string_view OpenApiDocument() {\n  static constexpr std::string_view kDoc = R\"kams_openapi(${doc})kams_openapi\";\n  return kDoc;\n}\n\n}  // namespace kams::http\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
