# Embeds http/openapi.json into a C++ source. Inputs: IN, OUT.
file(READ "${IN}" doc)
set(body "// Generated from openapi.json; do not edit.\n#include \"http/openapi_document.h\"\n\nnamespace kams::http {\n\n// An array, not a constexpr string_view: its length is known without a constexpr scan of\n// the whole document (which outgrows the compiler's constexpr loop limit).\nstatic constexpr char kDoc[] = R\"kams_openapi(${doc})kams_openapi\";\n\nstd::string_view OpenApiDocument() { return std::string_view(kDoc, sizeof kDoc - 1); }\n\n}  // namespace kams::http\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
