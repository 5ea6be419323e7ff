#pragma once

#include <string_view>

namespace kams::http {

// The OpenAPI 3 document (http/openapi.json, embedded at build time).
std::string_view OpenApiDocument();

}  // namespace kams::http
