// Renkei core: content URIs of the Matrix content repository ("mxc://<server-name>/<media-id>",
// spec: "Matrix Content (mxc://) URIs"). Qt-free.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace renkei::matrix {

/// One parsed content URI. Both parts are safe to put into a URL path as they are.
struct MxcUri {
    std::string server;    ///< server name, e.g. "example.org", "localhost:8448", "[::1]:8448"
    std::string media_id;  ///< [A-Za-z0-9_-]+ (spec: "Media ID grammar")

    [[nodiscard]] std::string toString() const { return "mxc://" + server + "/" + media_id; }
};

/// Bytes from the content repository, with the media type the server declared for them.
struct DownloadedMedia {
    std::string bytes;
    /// Content-Type without parameters, lower case ("image/png"); empty if none was sent.
    /// Declared, not checked: a decoder must treat the bytes as this type or refuse them.
    std::string content_type;
};

/// Parses "mxc://server/mediaId". Anything else — another scheme, an empty or malformed
/// server name (spec "Server Name" grammar; no empty label, so no "." or ".."), an empty
/// media id, characters outside the media id grammar (percent signs included), a further
/// path, query or fragment — is InvalidArgument (the message never quotes the input).
/// Callers check this before any request, so a hostile URI cannot steer a download.
Result<MxcUri> parseMxcUri(std::string_view uri);

}  // namespace renkei::matrix
