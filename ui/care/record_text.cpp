#include "care/record_text.h"

#include <QObject>

#include "care/care_text.h"
#include "matrix/display_text.h"
#include "session/session.h"

namespace renkei::ui {
namespace {

QString shownLines(const std::string& text) {
    return QString::fromStdString(matrix::displayText(text, matrix::TextLines::Multi));
}

}  // namespace

QString acpSummary(const std::vector<care::AcpPost>& history) {
    if (history.empty()) return {};
    const care::AdvanceCarePlan& current = history.front().plan;
    QStringList lines{QObject::tr("第%1版（話し合い %2）")
                          .arg(current.revision)
                          .arg(QString::fromStdString(current.discussion_date))};
    for (const auto& line : care::advanceCarePlanLines(current)) {
        if (line.value.empty() || line.label == "版") continue;
        lines << QObject::tr("%1: %2").arg(QString::fromStdString(line.label), shownLines(line.value));
    }
    QStringList earlier;
    for (auto it = history.begin() + 1; it != history.end(); ++it) {
        earlier << QObject::tr("第%1版（%2）").arg(it->plan.revision).arg(QString::fromStdString(it->plan.discussion_date));
    }
    if (!earlier.isEmpty()) lines << QObject::tr("以前の版: %1").arg(earlier.join(QStringLiteral("、")));
    return lines.join(QLatin1Char('\n'));
}

QStringList memberLabels(session::Session& s, const std::string& room_id,
                         const std::vector<std::string>& user_ids) {
    QStringList out;
    for (const auto& id : user_ids) {
        auto profile = s.memberProfile(room_id, id);
        out << memberLabel(QString::fromStdString(s.displayName(room_id, id)), profile ? *profile : std::nullopt);
    }
    return out;
}

}  // namespace renkei::ui
