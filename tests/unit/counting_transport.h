// Unit-test support: a transport seam that counts requests and answers none, for checks
// that something is refused before any request is made.
#pragma once

#include "http/transport.h"

namespace renkei::test {

class CountingTransport final : public http::Transport {
public:
    int requests = 0;
    Result<http::Response> perform(const http::Request& /*request*/,
                                   const http::CancelToken* /*cancel*/) override {
        ++requests;
        return fail(ErrorKind::Network, "no network in unit tests");
    }
};

}  // namespace renkei::test
