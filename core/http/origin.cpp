#include "http/origin.h"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <cstdlib>
#include <cstring>
#include <memory>

namespace renkei::http {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

struct UrlDeleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
};

/// One part of a parsed URL, or empty if it is absent.
std::string part(CURLU* url, CURLUPart which, unsigned int flags = 0) {
    char* value = nullptr;
    if (curl_url_get(url, which, &value, flags) != CURLUE_OK || value == nullptr) return {};
    std::string out(value);
    curl_free(value);
    return out;
}

}  // namespace

bool isLoopbackHost(std::string_view host) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    if (host.empty() || host.size() > 64) return false;
    const std::string name = lower(host);
    if (name == "localhost") return true;
    // inet_pton takes only the strict forms (four decimal parts; no "127.1", no octal).
    in_addr v4{};
    if (inet_pton(AF_INET, name.c_str(), &v4) == 1) {
        return (ntohl(v4.s_addr) >> 24) == 127;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, name.c_str(), &v6) == 1) {
        if (std::memcmp(&v6, &in6addr_loopback, sizeof v6) == 0) return true;
        // ::ffff:127.x.y.z, an IPv4-mapped loopback address.
        static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        return std::memcmp(v6.s6_addr, kMapped, sizeof kMapped) == 0 && v6.s6_addr[12] == 127;
    }
    return false;
}

Result<Origin> allowedOrigin(const std::string& url) {
    std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
    if (!parsed) return fail(ErrorKind::InvalidArgument, "URL could not be parsed");
    // No CURLU_GUESS_SCHEME and no CURLU_NON_SUPPORT_SCHEME: an absolute http(s) URL only.
    if (curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
        return fail(ErrorKind::InvalidArgument, "not an absolute URL");
    }
    Origin origin;
    origin.scheme = lower(part(parsed.get(), CURLUPART_SCHEME));
    origin.host = lower(part(parsed.get(), CURLUPART_HOST));
    const std::string port = part(parsed.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
    if (origin.scheme != "http" && origin.scheme != "https") {
        return fail(ErrorKind::InvalidArgument, "only http and https URLs are allowed");
    }
    if (origin.host.empty() || port.empty()) {
        return fail(ErrorKind::InvalidArgument, "URL without a host");
    }
    origin.port = std::atoi(port.c_str());
    if (origin.scheme == "http" && !isLoopbackHost(origin.host)) {
        return fail(ErrorKind::InvalidArgument,
                    "plain http:// is allowed only to this computer (loopback); use https://");
    }
    return origin;
}

}  // namespace renkei::http
