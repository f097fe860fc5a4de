#include "care/patient_panel.h"

#include <QDateTime>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "bridge/core_bridge.h"
#include "care/care_text.h"
#include "matrix/display_text.h"
#include "session/session.h"

namespace renkei::ui {
namespace {

// A member's text, safe to show on one line (bidi overrides and controls made harmless).
QString shown(const std::string& text) { return QString::fromStdString(matrix::displayText(text)); }

QLabel* section(const QString& title, QVBoxLayout* layout) {
    auto* heading = new QLabel(title);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    auto* body = new QLabel;
    body->setTextFormat(Qt::PlainText);  // a room member wrote every word of it
    body->setWordWrap(true);
    body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    body->setAccessibleName(title);
    layout->addWidget(body);
    return body;
}

}  // namespace

PatientPanel::PatientPanel(CoreBridge& bridge, QWidget* parent) : QWidget(parent), bridge_(bridge) {
    setAccessibleName(tr("利用者情報"));
    auto* inner = new QWidget;
    auto* layout = new QVBoxLayout(inner);
    patient_ = section(tr("利用者"), layout);
    consent_ = section(tr("利用者同意"), layout);
    team_ = section(tr("ケアチーム"), layout);
    rules_ = section(tr("ルールの例外"), layout);
    opened_ = new QLabel;
    opened_->setTextFormat(Qt::PlainText);
    opened_->setWordWrap(true);
    layout->addWidget(opened_);
    layout->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    setMinimumWidth(220);
    connect(&bridge_, &CoreBridge::roomsChanged, this, [this](const QStringList& rooms) {
        if (!room_id_.isEmpty() && rooms.contains(room_id_)) refresh();
    });
    hide();
}

void PatientPanel::setRoom(const QString& room_id) {
    room_id_ = room_id;
    refresh();
}

QString PatientPanel::patientText() const { return patient_->text(); }
QString PatientPanel::consentText() const { return consent_->text(); }
QString PatientPanel::teamText() const { return team_->text(); }
QString PatientPanel::rulesText() const { return rules_->text(); }

void PatientPanel::refresh() {
    session::Session* s = bridge_.session();
    if (s == nullptr || room_id_.isEmpty()) return hide();
    const std::string room = room_id_.toStdString();
    auto record = s->patientRecord(room);
    if (!record || !record->patient_room) return hide();
    if (const auto& p = record->patient) {
        QStringList lines{tr("%1（%2）").arg(shown(p->name), shown(p->kana)),
                          tr("生年月日 %1・%2").arg(QString::fromStdString(p->birth_date), sexLabel(p->sex)),
                          tr("要介護度 %1").arg(careLevelLabel(p->care_level))};
        QStringList conditions;
        for (const auto& c : p->conditions) conditions << shown(c);
        if (!conditions.isEmpty()) lines << tr("主な病名 %1").arg(conditions.join(QStringLiteral("、")));
        lines << tr("住所 %1").arg(shown(p->municipality));
        patient_->setText(lines.join(QLatin1Char('\n')));
    } else {
        patient_->setText(tr("記録なし"));
    }
    if (const auto& c = record->consent) {
        const QString who = c->from_patient ? tr("本人") : tr("家族（%1）").arg(shown(c->family_relation));
        QStringList lines{tr("%1 %2で取得（%3）").arg(QString::fromStdString(c->date), consentMethodLabel(c->method), who),
                          tr("取得者 %1").arg(QString::fromStdString(s->displayName(room, c->obtained_by))),
                          c->scan_mxc ? tr("同意書の写しあり") : tr("同意書の写しなし")};
        if (c->withdrawn_date) lines << tr("%1 に撤回").arg(QString::fromStdString(*c->withdrawn_date));
        consent_->setText(lines.join(QLatin1Char('\n')));
    } else {
        consent_->setText(tr("同意の記録がありません"));
    }
    QStringList members;
    if (auto team = s->careTeam(room)) {
        for (const auto& m : *team) {
            QString line = memberLabel(QString::fromStdString(m.name), m.profile);
            if (m.profile && !m.profile->team_role.empty()) line += tr(" — %1").arg(shown(m.profile->team_role));
            if (m.membership == "invite") line += tr("（招待中）");
            members << line;
        }
    }
    team_->setText(members.join(QLatin1Char('\n')));
    QStringList rules;
    for (const auto& e : record->rule_exceptions) {
        rules << (e.rule == care::kRuleNoPhysician ? tr("主治医なしで開設: %1") : tr("%2: %1"))
                     .arg(shown(e.reason), shown(e.rule));
    }
    rules_->setText(rules.isEmpty() ? tr("なし") : rules.join(QLatin1Char('\n')));
    const QString opened_at = QDateTime::fromMSecsSinceEpoch(record->opened_ts_ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    opened_->setText(tr("開設 %1（%2）").arg(QString::fromStdString(s->displayName(room, record->opened_by)), opened_at));
    show();
}

}  // namespace renkei::ui
