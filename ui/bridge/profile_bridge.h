// Renkei desktop: the user's own profession and office (「プロフィール」 in the settings). Kept
// in the vault (Session::setOwnProfile, a quick write on the GUI thread, like a draft) and
// published as the member's own jp.renkei.member to every joined patient room on a worker
// (Session::publishOwnProfile), answered on the GUI thread.
#pragma once

#include <QObject>
#include <QString>
#include <optional>

#include "care/care_types.h"

namespace renkei::ui {

class CoreBridge;

class ProfileBridge : public QObject {
    Q_OBJECT
public:
    explicit ProfileBridge(CoreBridge& bridge, QObject* parent = nullptr);

    /// The profile kept in the vault, or nullopt (none yet, or no open account).
    std::optional<care::MemberProfile> ownProfile() const;
    /// Keeps `profile` and publishes it to the patient rooms. False (nothing kept,
    /// `error_text` says why) when a field breaks its rule or the vault cannot be written.
    /// -> published
    bool save(const care::MemberProfile& profile, QString* error_text = nullptr);
    /// Writes the kept profile into every joined patient room whose own one differs. -> published
    void publish();

signals:
    /// A publication round ended: `rooms` were written; `error_text` (translated) when the
    /// round stopped on an error (it is tried again on the next save or publish).
    void published(int rooms, const QString& error_text);

private:
    CoreBridge& bridge_;
};

}  // namespace renkei::ui
