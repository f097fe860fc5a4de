#include "http/curl_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <string>
#include <vector>

#include "http/origin.h"

namespace renkei::http {
namespace {

std::once_flag g_curl_init;

// RAII owners for the curl handles of one request.
struct EasyDeleter {
    void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct MultiDeleter {
    void operator()(CURLM* h) const { curl_multi_cleanup(h); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

/// Where the body goes, with its cap. The write callback counts what libcurl delivers, which
/// is after Content-Encoding decoding, so a gzip bomb stops at the cap like a plain reply.
/// The bytes are kept in blocks of at most 1 MiB: a growing std::string would copy itself on
/// every doubling and hold old and new buffer at once (up to twice the cap); joining the
/// blocks at the end frees each one as it is copied, so memory stays near the body's size.
class BodySink {
public:
    explicit BodySink(std::size_t limit) : limit_(limit) {}

    /// False (and nothing kept) if `n` more bytes would exceed the cap.
    bool append(const char* data, std::size_t n) {
        if (n > limit_ - size_) {
            exceeded_ = true;
            return false;
        }
        size_ += n;
        while (n > 0) {
            if (blocks_.empty() || blocks_.back().size() == kBlock) {
                blocks_.emplace_back();
                if (blocks_.size() > 1) blocks_.back().reserve(kBlock);
            }
            std::string& block = blocks_.back();
            const std::size_t take = std::min(n, kBlock - block.size());
            if (block.capacity() < block.size() + take) {  // the first block grows up to kBlock
                block.reserve(
                    std::min(kBlock, std::max(2 * block.capacity(), block.size() + take)));
            }
            block.append(data, take);
            data += take;
            n -= take;
        }
        return true;
    }
    [[nodiscard]] bool exceeded() const noexcept { return exceeded_; }

    /// The whole body; the sink is empty afterwards.
    std::string take() {
        if (blocks_.size() == 1) return std::move(blocks_.front());
        std::string out;
        out.reserve(size_);  // untouched until written: not resident yet
        for (std::string& block : blocks_) {
            out.append(block);
            std::string().swap(block);
        }
        blocks_.clear();
        return out;
    }

private:
    static constexpr std::size_t kBlock = std::size_t{1} << 20;
    std::size_t limit_;
    std::size_t size_ = 0;
    std::vector<std::string> blocks_;
    bool exceeded_ = false;
};

size_t onBody(char* data, size_t size, size_t count, void* user) {
    const size_t n = size * count;
    // Anything but n aborts the transfer (CURLE_WRITE_ERROR).
    return static_cast<BodySink*>(user)->append(data, n) ? n : 0;
}

/// All header lines of a response together. libcurl's own limit differs between releases
/// (none for the total before the fix of CVE-2023-38039) and ends in a generic error; this
/// one holds everywhere and is reported as TooLarge.
constexpr std::size_t kMaxHeaderBytes = 256 * 1024;

struct HeaderSink {
    std::map<std::string, std::string>* headers;
    std::size_t bytes = 0;
    bool exceeded = false;
};

size_t onHeader(char* data, size_t size, size_t count, void* user) {
    auto* sink = static_cast<HeaderSink*>(user);
    auto* headers = sink->headers;
    std::string_view line(data, size * count);
    sink->bytes += line.size();
    if (sink->bytes > kMaxHeaderBytes) {
        sink->exceeded = true;
        return 0;
    }
    if (line.starts_with("HTTP/")) {
        headers->clear();  // a new response (after a 100-continue) starts
        return size * count;
    }
    const auto colon = line.find(':');
    if (colon != std::string_view::npos) {
        std::string name(line.substr(0, colon));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
            value.remove_suffix(1);
        (*headers)[std::move(name)] = std::string(value);
    }
    return size * count;
}

Error curlError(CURLcode code) {
    ErrorKind kind = ErrorKind::Network;
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT: kind = ErrorKind::Timeout; break;
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS: kind = ErrorKind::Tls; break;
        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT: kind = ErrorKind::InvalidArgument; break;
        default: break;
    }
    Error e = makeError(kind, curl_easy_strerror(code));
    e.curl_code = static_cast<int>(code);
    return e;
}

}  // namespace

// The share handle lets every request reuse connections, DNS answers and TLS sessions.
struct CurlTransport::Shared {
    CURLSH* share = nullptr;
    std::array<std::mutex, CURL_LOCK_DATA_LAST> locks;

    static void lock(CURL*, curl_lock_data data, curl_lock_access, void* user) {
        static_cast<Shared*>(user)->locks.at(static_cast<size_t>(data)).lock();
    }
    static void unlock(CURL*, curl_lock_data data, void* user) {
        static_cast<Shared*>(user)->locks.at(static_cast<size_t>(data)).unlock();
    }
};

CurlTransport::CurlTransport() : shared_(std::make_unique<Shared>()) {
    std::call_once(g_curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    shared_->share = curl_share_init();
    curl_share_setopt(shared_->share, CURLSHOPT_LOCKFUNC, &Shared::lock);
    curl_share_setopt(shared_->share, CURLSHOPT_UNLOCKFUNC, &Shared::unlock);
    curl_share_setopt(shared_->share, CURLSHOPT_USERDATA, shared_.get());
    curl_share_setopt(shared_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(shared_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    curl_share_setopt(shared_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
}

CurlTransport::~CurlTransport() { curl_share_cleanup(shared_->share); }

namespace {

constexpr int kMaxRedirects = 3;

bool isRedirect(long status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

Failure redirectRefused(long status, const char* why) {
    Error e = makeError(ErrorKind::Http, std::string("redirect not followed: ") + why);
    e.http_status = static_cast<int>(status);
    return fail(std::move(e));
}

Failure tooLarge(const char* what, std::size_t limit) {
    const std::string size = limit % (1U << 20) == 0 ? std::to_string(limit >> 20) + " MiB"
                                                     : std::to_string(limit >> 10) + " KiB";
    Error e =
        makeError(ErrorKind::TooLarge, std::string(what) + " larger than " + size + "; cut off");
    e.curl_code = static_cast<int>(CURLE_FILESIZE_EXCEEDED);
    return fail(std::move(e));
}

}  // namespace

/// One transfer's outcome: the response, and where a 3xx answer points (absolute, resolved
/// by libcurl; empty if none).
struct CurlTransport::Hop {
    Response response;
    std::string redirect_url;
};

Result<Response> CurlTransport::perform(const Request& request, const CancelToken* cancel) {
    auto origin = allowedOrigin(request.url);
    if (!origin) return origin.failure();
    // libcurl never follows a redirect itself (it would resend custom headers such as
    // Authorization to wherever Location points); a GET may go on within its origin only.
    std::string url = request.url;
    for (int hops = 0;; ++hops) {
        auto hop = performOnce(request, url, cancel);
        if (!hop) return hop.failure();
        const long status = hop->response.status;
        if (!isRedirect(status) || hop->redirect_url.empty()) return std::move(hop->response);
        if (request.method != "GET") {
            return redirectRefused(status, "only GET requests are redirected");
        }
        if (hops == kMaxRedirects) return redirectRefused(status, "too many redirects");
        auto target = allowedOrigin(hop->redirect_url);
        if (!target || !(*target == *origin)) {
            return redirectRefused(status, "it points to another origin");
        }
        url = std::move(hop->redirect_url);
    }
}

Result<CurlTransport::Hop> CurlTransport::performOnce(const Request& request,
                                                      const std::string& url,
                                                      const CancelToken* cancel) {
    std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
    std::unique_ptr<CURLM, MultiDeleter> multi(curl_multi_init());
    if (!easy || !multi) return fail(ErrorKind::Network, "libcurl could not allocate a handle");

    Hop hop;
    Response& response = hop.response;
    std::unique_ptr<curl_slist, SlistDeleter> headers;
    for (const auto& [name, value] : request.headers) {
        const std::string line = name + ": " + value;
        headers.reset(curl_slist_append(headers.release(), line.c_str()));
    }
    BodySink body(request.max_response_bytes);
    HeaderSink header_sink{&response.headers};

    CURL* h = easy.get();
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_SHARE, shared_->share);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    // Redirects are handled in perform(); set every related option rather than trust the
    // defaults of whichever libcurl is installed.
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, 0L);
    curl_easy_setopt(h, CURLOPT_UNRESTRICTED_AUTH, 0L);
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.total_timeout.count()));
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate/br as libcurl supports
    // A declared Content-Length over the cap fails before any of the body is read; the
    // write callback catches the rest (chunked, endless, or compressed replies).
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(request.max_response_bytes));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &header_sink);
    if (request.method == "GET") {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }

    curl_multi_add_handle(multi.get(), h);
    int running = 1;
    CURLcode result = CURLE_OK;
    bool cancelled = false;
    while (running > 0) {
        CURLMcode mc = curl_multi_perform(multi.get(), &running);
        if (mc == CURLM_OK && running > 0) mc = curl_multi_poll(multi.get(), nullptr, 0, 100, nullptr);
        if (mc != CURLM_OK) {
            curl_multi_remove_handle(multi.get(), h);
            return fail(ErrorKind::Network, curl_multi_strerror(mc));
        }
        if (cancel != nullptr && cancel->cancelled()) {
            cancelled = true;
            break;
        }
    }
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi.get(), &queued)) {
        if (msg->msg == CURLMSG_DONE) result = msg->data.result;
    }
    curl_multi_remove_handle(multi.get(), h);
    if (cancelled) return fail(ErrorKind::Cancelled, "request cancelled");
    if (body.exceeded() || result == CURLE_FILESIZE_EXCEEDED) {
        return tooLarge("response body", request.max_response_bytes);
    }
    if (header_sink.exceeded) return tooLarge("response headers", kMaxHeaderBytes);
    if (result != CURLE_OK) return fail(curlError(result));

    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
    response.body = body.take();
    char* location = nullptr;
    if (curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location != nullptr) {
        hop.redirect_url = location;
    }
    return hop;
}

bool requestNeverSent(const Error& error) noexcept {
    if (error.kind == ErrorKind::Tls || error.kind == ErrorKind::InvalidArgument) return true;
    if (error.kind != ErrorKind::Network) return false;
    switch (static_cast<CURLcode>(error.curl_code)) {
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT: return true;
        default: return false;
    }
}

}  // namespace renkei::http
