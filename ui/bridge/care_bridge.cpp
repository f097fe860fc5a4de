#include "bridge/care_bridge.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImageReader>
#include <QMimeDatabase>
#include <QPointer>
#include <string>
#include <utility>

#include "bridge/account_bridge.h"
#include "bridge/connection_bridge.h"
#include "bridge/core_bridge.h"
#include "bridge/gui_hop.h"
#include "error_text.h"
#include "session/session.h"

namespace renkei::ui {

using Lane = GuiHop::Lane;

CareBridge::CareBridge(CoreBridge& bridge, QObject* parent) : QObject(parent), bridge_(bridge) {
    connect(&bridge_, &CoreBridge::patientRoomOpened, this, [this](const QString& creation_id, const QString& room_id) {
        if (!queued_id_.isEmpty() && creation_id == queued_id_) emit roomOpened(room_id);
    });
}

QString CareBridge::ownUserId() const { return bridge_.account().usable() ? bridge_.userId() : QString(); }

std::optional<care::MemberProfile> CareBridge::ownProfile() const {
    session::Session* s = bridge_.account().usable() ? bridge_.session() : nullptr;
    if (s == nullptr) return std::nullopt;
    auto profile = s->ownProfile();  // a small vault read, as the models' reads
    return profile ? *profile : std::nullopt;
}

void CareBridge::searchUsers(const QString& term) {
    latest_term_ = term;
    if (!bridge_.account().usable() || term.trimmed().isEmpty()) {
        found_.clear();
        limited_ = false;
        emit usersFound(term, {});
        return;
    }
    session::Session* s = bridge_.session();
    QPointer<CareBridge> self(this);
    bridge_.hop().run(Lane::Work, [this, self, s, term, &hop = bridge_.hop()] {
        auto found = s->searchUsers(term.toStdString());
        QList<FoundUser> users;
        bool limited = false;
        QString error;
        if (found) {
            limited = found->limited;
            for (const auto& u : found->results) {
                users.append({QString::fromStdString(u.user_id), QString::fromStdString(u.display_name)});
            }
        } else {
            error = errorText(found.error());
        }
        hop.toGui([this, self, term, users = std::move(users), limited, error] {
            if (!self || term != latest_term_) return;  // gone, or a newer term was typed
            found_ = users;
            limited_ = limited;
            emit usersFound(term, error);
        });
    });
}

void CareBridge::queuePatientRoom(care::PatientRoomPlan plan, const QByteArray& scan, const QString& scan_name) {
    if (opening_) return;
    if (!bridge_.account().usable()) {
        emit openFailed(tr("サインインしていません。"));
        return;
    }
    std::optional<store::OutboxMedia> media;
    if (!scan.isEmpty()) {
        media.emplace();
        media->bytes.assign(scan.constData(), static_cast<std::size_t>(scan.size()));
        media->filename = scan_name.toStdString();
        media->content_type = QMimeDatabase().mimeTypeForData(scan).name().toStdString();
        QBuffer buffer;
        buffer.setData(scan);
        QImageReader reader(&buffer);  // the header only: the size, not the pixels
        if (const QSize size = reader.size(); size.isValid() && media->content_type.starts_with("image/")) {
            media->width = size.width();
            media->height = size.height();
        }
    }
    opening_ = true;
    session::Session* s = bridge_.session();
    QPointer<CareBridge> self(this);
    bridge_.hop().run(Lane::Work, [this, self, s, plan = std::move(plan), media = std::move(media),
                                   &hop = bridge_.hop()]() mutable {
        QString creation_id;
        QString error;
        auto own = s->ownProfile();
        if (!own || !*own) {
            error = tr("設定で自分の職種と事業所を登録してから開設してください。");
        } else {
            plan.opener = **own;
            auto queued = s->queuePatientRoom(plan, std::move(media));
            if (queued) {
                creation_id = QString::fromStdString(*queued);
            } else {
                error = refusalText(queued.error());
            }
        }
        hop.toGui([this, self, creation_id, error] {
            if (!self) return;
            opening_ = false;
            if (creation_id.isEmpty()) {
                emit openFailed(error);
                return;
            }
            queued_id_ = creation_id;
            bridge_.connection().wakeSendQueue();
            emit roomQueued(creation_id);
            emit bridge_.connectionChanged();  // the status bar lists it while it waits
        });
    });
}

void CareBridge::updatePatient(const QString& room_id, care::Patient patient) {
    save(room_id, [patient = std::move(patient), room = room_id.toStdString()](session::Session& s) {
        return s.updatePatientProfile(room, patient);
    });
}

void CareBridge::updateConsent(const QString& room_id, care::Consent consent) {
    save(room_id, [consent = std::move(consent), room = room_id.toStdString()](session::Session& s) {
        return s.updateConsent(room, consent);
    });
}

void CareBridge::save(const QString& room_id, std::function<Result<std::string>(session::Session&)> write) {
    if (saving_) return;
    if (!bridge_.account().usable()) {
        emit saveFailed(tr("サインインしていません。"));
        return;
    }
    saving_ = true;
    session::Session* s = bridge_.session();
    QPointer<CareBridge> self(this);
    bridge_.hop().run(Lane::Work, [this, self, s, room_id, write = std::move(write), &hop = bridge_.hop()] {
        auto written = write(*s);
        QString error;
        if (!written && written.error().errcode == "M_FORBIDDEN") {
            error = tr("この記録を変更する権限がありません（開設した人と主治医が変更できます）。");
        } else if (!written) {
            error = refusalText(written.error());
        }
        hop.toGui([this, self, room_id, error] {
            if (!self) return;
            saving_ = false;
            if (error.isEmpty()) {
                emit recordSaved(room_id);
            } else {
                emit saveFailed(error);
            }
        });
    });
}

QString CareBridge::refusalText(const Error& error) {
    if (error.kind != ErrorKind::InvalidArgument) return errorText(error);
    const std::string& m = error.message;
    const auto text = [](const char* source) { return QCoreApplication::translate("renkei::ui::CareBridge", source); };
    if (m == "consent required") return text(QT_TRANSLATE_NOOP("renkei::ui::CareBridge", "利用者の同意が記録されていないため、部屋を開設できません。"));
    if (m == "attending physician or reason required") {
        return text(QT_TRANSLATE_NOOP("renkei::ui::CareBridge", "主治医が招待されていません。主治医なしで開設する理由を入力してください。"));
    }
    if (m.starts_with("team:")) return text(QT_TRANSLATE_NOOP("renkei::ui::CareBridge", "ケアチームの招待に誤りがあります（重複、自分自身、主治医が複数など）。"));
    if (m.starts_with("patient.")) return text(QT_TRANSLATE_NOOP("renkei::ui::CareBridge", "利用者の情報に誤りがあります。"));
    if (m.starts_with("consent.")) return text(QT_TRANSLATE_NOOP("renkei::ui::CareBridge", "利用者同意の記録に誤りがあります。"));
    if (m.starts_with("rule_exception.")) return text(QT_TRANSLATE_NOOP("renkei::ui::CareBridge", "主治医なしで開設する理由を確認してください（500 文字まで）。"));
    if (m.starts_with("member.")) return text(QT_TRANSLATE_NOOP("renkei::ui::CareBridge", "設定の職種・事業所に誤りがあります。"));
    return errorText(error);
}

}  // namespace renkei::ui
