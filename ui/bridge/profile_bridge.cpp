#include "bridge/profile_bridge.h"

#include <QPointer>

#include "bridge/account_bridge.h"
#include "bridge/core_bridge.h"
#include "bridge/gui_hop.h"
#include "error_text.h"
#include "session/session.h"

namespace renkei::ui {

ProfileBridge::ProfileBridge(CoreBridge& bridge, QObject* parent) : QObject(parent), bridge_(bridge) {}

std::optional<care::MemberProfile> ProfileBridge::ownProfile() const {
    session::Session* s = bridge_.session();
    if (s == nullptr) return std::nullopt;
    auto own = s->ownProfile();
    return own ? *own : std::nullopt;
}

bool ProfileBridge::save(const care::MemberProfile& profile, QString* error_text) {
    session::Session* s = bridge_.session();
    if (s == nullptr) return false;
    auto kept = s->setOwnProfile(profile);
    if (!kept) {
        if (error_text != nullptr) *error_text = errorText(kept.error());
        return false;
    }
    publish();
    return true;
}

void ProfileBridge::publish() {
    if (!bridge_.account().usable()) return;
    session::Session* s = bridge_.session();
    GuiHop* hop = &bridge_.hop();  // outlives its lanes' work (CoreBridge waits for them)
    QPointer<ProfileBridge> self(this);
    hop->run(GuiHop::Lane::Ordered, [hop, self, s] {
        auto written = s->publishOwnProfile();
        const int rooms = written ? *written : 0;
        const QString error = written ? QString() : errorText(written.error());
        hop->toGui([self, rooms, error] {
            if (self) emit self->published(rooms, error);
        });
    });
}

}  // namespace renkei::ui
