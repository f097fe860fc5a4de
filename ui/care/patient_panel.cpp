#include "care/patient_panel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "bridge/core_bridge.h"
#include "care/care_record_dialog.h"
#include "care/care_text.h"
#include "care/monthly_updates_dialog.h"
#include "care/record_text.h"
#include "export/export_dialog.h"
#include "image_viewer.h"
#include "matrix/display_text.h"
#include "session/session.h"

namespace renkei::ui {
namespace {

// A member's text, safe to show on one line (bidi overrides and controls made harmless).
QString shown(const std::string& text) { return QString::fromStdString(matrix::displayText(text)); }

// A section's heading, with `button` (編集) at its right when given; `heading_out` gets the
// heading (to hide an empty section).
QLabel* section(const QString& title, QVBoxLayout* layout, QPushButton* button = nullptr,
                QWidget** heading_out = nullptr) {
    auto* heading = new QLabel(title);
    if (heading_out != nullptr) *heading_out = heading;
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    auto* row = new QHBoxLayout;
    row->addWidget(heading, 1);
    if (button) row->addWidget(button);
    layout->addLayout(row);
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
    edit_patient_ = new QPushButton(tr("編集"));
    edit_patient_->setAccessibleName(tr("利用者情報を編集"));
    edit_consent_ = new QPushButton(tr("編集"));
    edit_consent_->setAccessibleName(tr("利用者同意を編集"));
    open_scan_ = new QPushButton(tr("同意書を開く"));
    connect(edit_patient_, &QPushButton::clicked, this, &PatientPanel::editPatient);
    connect(edit_consent_, &QPushButton::clicked, this, &PatientPanel::editConsent);
    connect(open_scan_, &QPushButton::clicked, this, &PatientPanel::openScan);
    patient_ = section(tr("利用者"), layout, edit_patient_);
    // Pinned below the patient, so that the team finds them at once (an emergency call).
    trends_ = section(tr("注意が必要な傾向"), layout, nullptr, &trends_heading_);
    acp_ = section(tr("人生の最終段階における意向（ACP）"), layout, nullptr, &acp_heading_);
    monthly_ = new QPushButton(tr("医師からの情報共有（月別）…"));
    connect(monthly_, &QPushButton::clicked, this, &PatientPanel::openMonthly);
    layout->addWidget(monthly_, 0, Qt::AlignLeft);
    chart_ = new QPushButton(tr("バイタルの推移…"));
    connect(chart_, &QPushButton::clicked, this, &PatientPanel::openChart);
    layout->addWidget(chart_, 0, Qt::AlignLeft);
    consent_ = section(tr("利用者同意"), layout, edit_consent_);
    layout->addWidget(open_scan_, 0, Qt::AlignLeft);
    team_ = section(tr("ケアチーム"), layout);
    rules_ = section(tr("ルールの例外"), layout);
    opened_ = new QLabel;
    opened_->setTextFormat(Qt::PlainText);
    opened_->setWordWrap(true);
    layout->addWidget(opened_);
    export_ = new QPushButton(tr("書き出し・印刷…"));
    connect(export_, &QPushButton::clicked, this, &PatientPanel::openExport);
    layout->addWidget(export_, 0, Qt::AlignLeft);
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
QString PatientPanel::acpText() const { return acp_->isHidden() ? QString() : acp_->text(); }
QString PatientPanel::trendsText() const { return trends_->isHidden() ? QString() : trends_->text(); }

void PatientPanel::refresh() {
    session::Session* s = bridge_.session();
    if (s == nullptr || room_id_.isEmpty()) return hide();
    const std::string room = room_id_.toStdString();
    auto record = s->patientRecord(room);
    if (!record || !record->patient_room) return hide();
    patient_record_ = record->patient;
    consent_record_ = record->consent;
    const auto may = [&](const char* type) {
        auto allowed = s->canSendState(room, type);
        return allowed && *allowed;
    };
    edit_patient_->setVisible(record->patient && may(care::kPatientType));
    edit_consent_->setVisible(record->consent && may(care::kConsentType));
    open_scan_->setVisible(record->consent && record->consent->scan_mxc);
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
        rules << (e.rule == care::kRuleNoPhysician ? tr("主治医なしで開設: %1").arg(shown(e.reason))
                                                   : tr("%2: %1").arg(shown(e.reason), shown(e.rule)));
    }
    rules_->setText(rules.isEmpty() ? tr("なし") : rules.join(QLatin1Char('\n')));
    const QString opened_at = QDateTime::fromMSecsSinceEpoch(record->opened_ts_ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    opened_->setText(tr("開設 %1（%2）").arg(QString::fromStdString(s->displayName(room, record->opened_by)), opened_at));
    refreshRecords(*s, room);
    show();
}

void PatientPanel::refreshRecords(session::Session& s, const std::string& room) {
    QStringList trends;
    if (auto flags = s.trendFlags(room)) {
        for (const auto& flag : *flags) trends << QStringLiteral("▲ ") + QString::fromStdString(flag.reason);
    }
    trends_->setText(trends.join(QLatin1Char('\n')));
    trends_->setVisible(!trends.isEmpty());
    trends_heading_->setVisible(!trends.isEmpty());

    const auto history = s.acpHistory(room);
    const bool has_acp = history && !history->empty();
    acp_->setVisible(has_acp);
    acp_heading_->setVisible(has_acp);
    if (has_acp) acp_->setText(acpSummary(*history));
    const auto updates = s.roomRecords(room, care::RecordKind::PhysicianUpdate, false);
    monthly_->setVisible(updates && !updates->empty());
    const auto vitals = s.roomRecords(room, care::RecordKind::Vitals, false);
    chart_->setVisible(vitals && !vitals->empty());
}

void PatientPanel::openMonthly() {
    if (monthly_dialog_) return monthly_dialog_->raise();
    monthly_dialog_ = new MonthlyUpdatesDialog(bridge_, room_id_, this);
    monthly_dialog_->show();
}

void PatientPanel::openChart() {
    if (chart_dialog_ && chart_dialog_->roomId() == room_id_) return chart_dialog_->raise();
    if (chart_dialog_) chart_dialog_->close();  // another room's
    chart_dialog_ = new VitalsChartDialog(bridge_, room_id_, this);
    connect(chart_dialog_, &VitalsChartDialog::postActivated, this, &PatientPanel::postRequested);
    chart_dialog_->show();
}

void PatientPanel::editPatient() {
    if (!patient_record_ || dialog_) return;
    dialog_ = new CareRecordDialog(bridge_, room_id_, *patient_record_, this);
    dialog_->open();
}

void PatientPanel::editConsent() {
    if (!consent_record_ || dialog_) return;
    dialog_ = new CareRecordDialog(bridge_, room_id_, *consent_record_, this);
    dialog_->open();
}

void PatientPanel::openScan() {
    if (!consent_record_ || !consent_record_->scan_mxc) return;
    if (viewer_) viewer_->close();
    // Fetched into memory by the media bridge and shown there; nothing is written to disk.
    viewer_ = new ImageViewer(bridge_, QString::fromStdString(*consent_record_->scan_mxc), tr("同意書の写し"), this);
    viewer_->show();
    bridge_.recordAccess(store::AccessKind::FileOpened, room_id_, QStringLiteral("kind=consent-scan"));
}

void PatientPanel::openExport() {
    if (export_dialog_) return export_dialog_->raise();
    export_dialog_ = new ExportDialog(bridge_, room_id_, this);
    export_dialog_->show();
}

void PatientPanel::exportPost(const QString& event_id, qint64 ts_ms) {
    openExport();
    export_dialog_->choosePost(event_id, ts_ms);
}

}  // namespace renkei::ui
