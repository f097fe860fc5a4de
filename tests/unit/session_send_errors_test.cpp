// How a failed send is classified (session.h): retried or failed for good, and whether the
// post may already be on the server. Each answer goes through the real MatrixClient
// (sendMessageEvent) over a transport seam that returns it, as a homeserver would.
#include <catch2/catch_test_macros.hpp>
#include <curl/curl.h>

#include <map>
#include <memory>
#include <string>

#include "matrix/client.h"
#include "session/session.h"

using namespace renkei;
using renkei::session::isAuthError;
using renkei::session::isPermanentSendError;
using renkei::session::mayHaveReachedServer;

namespace {

/// Answers every request with one fixed response, or one fixed transport error.
class Canned final : public http::Transport {
public:
    Canned(long status, std::string body, std::map<std::string, std::string> headers = {}) {
        response_.status = status;
        response_.body = std::move(body);
        response_.headers = std::move(headers);
    }
    explicit Canned(Error error) : error_(std::move(error)) {}
    Result<http::Response> perform(const http::Request&, const http::CancelToken*) override {
        if (error_) return fail(*error_);
        return response_;
    }

private:
    http::Response response_;
    std::optional<Error> error_;
};

/// The error sendMessageEvent returns when the server (or the network) answers this way.
Error sendError(std::shared_ptr<Canned> answer) {
    matrix::MatrixClient client(std::move(answer), "http://127.0.0.1:8008");
    client.setAccessToken("syt_test_token");
    auto sent = client.sendMessageEvent("!room:example.org", "m.room.message", "txn1",
                                        {{"msgtype", "m.text"}, {"body", "訪問記録"}});
    REQUIRE_FALSE(sent.ok());
    return sent.error();
}

Error sendError(long status, std::string body, std::map<std::string, std::string> headers = {}) {
    return sendError(std::make_shared<Canned>(status, std::move(body), std::move(headers)));
}

Error curlFailure(CURLcode code, ErrorKind kind) {
    Error e = makeError(kind, curl_easy_strerror(code));
    e.curl_code = static_cast<int>(code);
    return sendError(std::make_shared<Canned>(e));
}

}  // namespace

TEST_CASE("send errors: 5xx answers are retried, and the post may be on the server",
          "[session][send]") {
    for (long status : {500L, 502L, 503L, 504L}) {
        INFO("HTTP " << status);
        const Error matrix = sendError(status, R"({"errcode":"M_UNKNOWN","error":"Internal error"})");
        CHECK(matrix.kind == ErrorKind::Matrix);
        CHECK(matrix.http_status == status);
        CHECK_FALSE(isPermanentSendError(matrix));
        CHECK(mayHaveReachedServer(matrix));
        CHECK(matrix.isTransient());
        const Error gateway = sendError(status, "<html><body>Bad Gateway</body></html>");
        CHECK(gateway.kind == ErrorKind::Http);
        CHECK_FALSE(isPermanentSendError(gateway));
        CHECK(mayHaveReachedServer(gateway));
        CHECK_FALSE(isAuthError(gateway));
    }
}

TEST_CASE("send errors: 408 is retried; the server did not take the request", "[session][send]") {
    const Error timeout = sendError(408, R"({"errcode":"M_UNKNOWN","error":"Request timed out"})");
    CHECK(timeout.http_status == 408);
    CHECK_FALSE(isPermanentSendError(timeout));
    CHECK_FALSE(mayHaveReachedServer(timeout));
    const Error bare = sendError(408, "");
    CHECK(bare.kind == ErrorKind::Http);
    CHECK_FALSE(isPermanentSendError(bare));
}

TEST_CASE("send errors: 413 fails the post for good, with or without a Matrix body",
          "[session][send]") {
    const Error matrix = sendError(413, R"({"errcode":"M_TOO_LARGE","error":"event too large"})");
    CHECK(matrix.kind == ErrorKind::Matrix);
    CHECK(matrix.errcode == "M_TOO_LARGE");
    CHECK(isPermanentSendError(matrix));
    CHECK_FALSE(mayHaveReachedServer(matrix));
    const Error proxy = sendError(413, "<html>413 Request Entity Too Large</html>");  // nginx
    CHECK(proxy.kind == ErrorKind::Http);
    CHECK(proxy.http_status == 413);
    CHECK(isPermanentSendError(proxy));
}

TEST_CASE("send errors: an unreadable 2xx answer is a Parse error, retried; the post may be there",
          "[session][send]") {
    for (const char* body : {"not json", "[]", R"({"event_id": 7})", "{}", R"({"event_id": ""})"}) {
        INFO(body);
        const Error e = sendError(200, body);
        CHECK(e.kind == ErrorKind::Parse);
        CHECK_FALSE(isPermanentSendError(e));
        CHECK(mayHaveReachedServer(e));  // the server said 200: it has the event
    }
}

TEST_CASE("send errors: other 4xx fail for good; 401 and 429 do not", "[session][send]") {
    for (const auto& [status, errcode] : {std::pair{403L, "M_FORBIDDEN"},
                                          std::pair{404L, "M_NOT_FOUND"},
                                          std::pair{400L, "M_BAD_JSON"}}) {
        const Error e =
            sendError(status, std::string(R"({"errcode":")") + errcode + R"(","error":"no"})");
        INFO(errcode);
        CHECK(isPermanentSendError(e));
        CHECK_FALSE(mayHaveReachedServer(e));
    }
    const Error limited = sendError(429, R"({"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":500})");
    CHECK(limited.kind == ErrorKind::RateLimited);
    CHECK_FALSE(isPermanentSendError(limited));
    CHECK_FALSE(mayHaveReachedServer(limited));
    const Error revoked = sendError(401, R"({"errcode":"M_UNKNOWN_TOKEN","error":"gone"})");
    CHECK(isAuthError(revoked));
    CHECK_FALSE(isPermanentSendError(revoked));
    CHECK_FALSE(mayHaveReachedServer(revoked));
}

TEST_CASE("send errors: network failures are retried; only a connection never made is not there",
          "[session][send]") {
    for (CURLcode never : {CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT}) {
        const Error e = curlFailure(never, ErrorKind::Network);
        INFO(e.describe());
        CHECK_FALSE(isPermanentSendError(e));
        CHECK_FALSE(mayHaveReachedServer(e));
    }
    for (CURLcode maybe : {CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE}) {
        const Error e = curlFailure(maybe, ErrorKind::Network);
        INFO(e.describe());
        CHECK_FALSE(isPermanentSendError(e));
        CHECK(mayHaveReachedServer(e));
    }
    const Error timeout = curlFailure(CURLE_OPERATION_TIMEDOUT, ErrorKind::Timeout);
    CHECK_FALSE(isPermanentSendError(timeout));
    CHECK(mayHaveReachedServer(timeout));  // a total timeout may come after the server took it
    const Error tls = curlFailure(CURLE_PEER_FAILED_VERIFICATION, ErrorKind::Tls);
    CHECK_FALSE(mayHaveReachedServer(tls));
    const Error cancelled =
        sendError(std::make_shared<Canned>(makeError(ErrorKind::Cancelled, "stopped")));
    CHECK_FALSE(isPermanentSendError(cancelled));
    CHECK(mayHaveReachedServer(cancelled));
    CHECK(isPermanentSendError(makeError(ErrorKind::InvalidArgument, "the attached image is missing")));
    CHECK_FALSE(isPermanentSendError(makeError(ErrorKind::Storage, "disk full")));
}
