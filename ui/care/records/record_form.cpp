#include "care/records/record_form.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <cmath>

namespace renkei::ui {
namespace {

using T = RecordField::Type;

std::vector<std::string> splitPath(const char* path) {
    std::vector<std::string> parts;
    for (const QString& p : QString::fromLatin1(path).split(QLatin1Char('.'))) parts.push_back(p.toStdString());
    return parts;
}

const nlohmann::json* lookup(const nlohmann::json& record, const char* path) {
    const nlohmann::json* at = &record;
    for (const auto& key : splitPath(path)) {
        if (!at->is_object()) return nullptr;
        const auto it = at->find(key);
        if (it == at->end()) return nullptr;
        at = &*it;
    }
    return at;
}

// Removes the value at `path`, and objects left empty on the way.
void erase(nlohmann::json& record, const char* path) {
    const auto parts = splitPath(path);
    if (parts.size() == 1) {
        record.erase(parts[0]);
        return;
    }
    auto it = record.find(parts[0]);
    if (it == record.end() || !it->is_object()) return;
    it->erase(parts[1]);
    if (it->empty()) record.erase(parts[0]);
}

void put(nlohmann::json& record, const char* path, nlohmann::json value) {
    const auto parts = splitPath(path);
    if (parts.size() == 1) {
        record[parts[0]] = std::move(value);
        return;
    }
    if (!record[parts[0]].is_object()) record[parts[0]] = nlohmann::json::object();
    record[parts[0]][parts[1]] = std::move(value);
}

QString plain(const QString& text) { return text.normalized(QString::NormalizationForm_KC).trimmed(); }

// 「氏名（役割）」 or 「氏名 / 役割」 per line.
nlohmann::json participants(const QString& text) {
    static const QRegularExpression paren(QStringLiteral("^(.+?)\\s*[（(]\\s*(.+?)\\s*[）)]$"));
    static const QRegularExpression slash(QStringLiteral("^(.+?)\\s*[/／]\\s*(.+)$"));
    auto out = nlohmann::json::array();
    for (const QString& raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.isEmpty()) continue;
        auto m = paren.match(line);
        if (!m.hasMatch()) m = slash.match(line);
        if (m.hasMatch()) {
            out.push_back({{"name", m.captured(1).toStdString()}, {"role", m.captured(2).toStdString()}});
        } else {
            out.push_back({{"name", line.toStdString()}, {"role", ""}});  // core names the missing role
        }
    }
    return out;
}

QString participantsText(const nlohmann::json& value) {
    QStringList lines;
    if (!value.is_array()) return {};
    for (const auto& p : value) {
        if (!p.is_object()) continue;
        const QString name = QString::fromStdString(p.value("name", ""));
        const QString role = QString::fromStdString(p.value("role", ""));
        lines << (role.isEmpty() ? name : QStringLiteral("%1（%2）").arg(name, role));
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

RecordForm::RecordForm(care::RecordKind kind, QWidget* parent) : QWidget(parent), kind_(kind) {
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const RecordField& field : recordFields(kind)) {
        QWidget* widget = makeInput(field);
        inputs_.push_back({&field, widget});
        QString label = fieldLabel(field.label);
        if (field.required) label += QStringLiteral(" *");
        QWidget* row = widget;
        if (*field.unit != '\0') {  // the unit always beside the number
            row = new QWidget(this);
            auto* h = new QHBoxLayout(row);
            h->setContentsMargins(0, 0, 0, 0);
            h->addWidget(widget, 1);
            auto* unit = new QLabel(QString::fromUtf8(field.unit), row);
            unit->setMinimumWidth(unit->fontMetrics().horizontalAdvance(QStringLiteral("mmHg ")));
            h->addWidget(unit);
        }
        form->addRow(label, row);
    }
}

QWidget* RecordForm::makeInput(const RecordField& field) {
    const QString name = fieldLabel(field.label);
    QWidget* w = nullptr;
    switch (field.type) {
        case T::Text:
        case T::Number:
        case T::Date: {
            auto* line = new QLineEdit(this);
            if (field.type == T::Date) line->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
            connect(line, &QLineEdit::textChanged, this, [this] { if (!loading_) emit changed(); });
            w = line;
            break;
        }
        case T::Multiline:
        case T::Lines:
        case T::Participants: {
            auto* text = new QPlainTextEdit(this);
            text->setTabChangesFocus(true);
            const int lines = field.type == T::Multiline ? 3 : 2;
            text->setFixedHeight(text->fontMetrics().lineSpacing() * (lines + 1));
            if (field.type == T::Participants) text->setPlaceholderText(tr("1行に1人: 氏名（役割）"));
            connect(text, &QPlainTextEdit::textChanged, this, [this] { if (!loading_) emit changed(); });
            w = text;
            break;
        }
        case T::Choice:
        case T::YesNo: {
            auto* combo = new QComboBox(this);
            combo->addItem(tr("（未入力）"), QString());
            if (field.type == T::YesNo) {
                combo->addItem(tr("あり"), QStringLiteral("true"));
                combo->addItem(tr("なし"), QStringLiteral("false"));
            }
            for (const auto& c : field.choices) combo->addItem(fieldLabel(c.label), QString::fromLatin1(c.wire));
            connect(combo, &QComboBox::currentIndexChanged, this, [this] { if (!loading_) emit changed(); });
            w = combo;
            break;
        }
        case T::DateTime: {
            auto* edit = new QDateTimeEdit(QDateTime::currentDateTime(), this);
            edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
            edit->setCalendarPopup(true);
            connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this] { if (!loading_) emit changed(); });
            w = edit;
            break;
        }
    }
    w->setAccessibleName(name);
    w->setObjectName(QString::fromLatin1(field.path));
    return w;
}

nlohmann::json RecordForm::valueOf(const Input& in) const {
    const RecordField& f = *in.field;
    switch (f.type) {
        case T::Text:
        case T::Date: {
            const QString text = static_cast<QLineEdit*>(in.widget)->text().trimmed();
            return text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString());
        }
        case T::Number: {
            const QString text = plain(static_cast<QLineEdit*>(in.widget)->text());
            if (text.isEmpty()) return nullptr;
            bool ok = false;
            const double x = text.toDouble(&ok);
            if (!ok || !std::isfinite(x)) return text.toStdString();  // refused by core, by name
            return static_cast<std::int64_t>(std::llround(x * f.scale));
        }
        case T::Multiline: {
            const QString text = static_cast<QPlainTextEdit*>(in.widget)->toPlainText().trimmed();
            return text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString());
        }
        case T::Lines: {
            auto out = nlohmann::json::array();
            for (const QString& line : static_cast<QPlainTextEdit*>(in.widget)->toPlainText().split(QLatin1Char('\n'))) {
                if (!line.trimmed().isEmpty()) out.push_back(line.trimmed().toStdString());
            }
            return out.empty() ? nlohmann::json() : out;
        }
        case T::Participants: {
            auto out = participants(static_cast<QPlainTextEdit*>(in.widget)->toPlainText());
            return out.empty() ? nlohmann::json() : out;
        }
        case T::Choice:
        case T::YesNo: {
            const QString wire = static_cast<QComboBox*>(in.widget)->currentData().toString();
            if (wire.isEmpty()) return nullptr;
            if (f.type == T::YesNo) return wire == QStringLiteral("true");
            return wire.toStdString();
        }
        case T::DateTime: {
            const qint64 ms = static_cast<QDateTimeEdit*>(in.widget)->dateTime().toMSecsSinceEpoch();
            return ms / 60'000 * 60'000;  // to the minute, as shown
        }
    }
    return nullptr;
}

void RecordForm::setValue(const Input& in, const nlohmann::json* v) {
    const RecordField& f = *in.field;
    auto text = [v] { return v != nullptr && v->is_string() ? QString::fromStdString(v->get<std::string>()) : QString(); };
    switch (f.type) {
        case T::Text:
        case T::Date: static_cast<QLineEdit*>(in.widget)->setText(text()); break;
        case T::Number: {
            QString shown = text();
            if (v != nullptr && v->is_number()) {
                const double x = v->get<double>() / f.scale;
                shown = QString::number(x, 'f', f.scale == 1 ? 0 : 1);
            }
            static_cast<QLineEdit*>(in.widget)->setText(shown);
            break;
        }
        case T::Multiline: static_cast<QPlainTextEdit*>(in.widget)->setPlainText(text()); break;
        case T::Lines: {
            QStringList lines;
            if (v != nullptr && v->is_array()) {
                for (const auto& item : *v) if (item.is_string()) lines << QString::fromStdString(item.get<std::string>());
            }
            static_cast<QPlainTextEdit*>(in.widget)->setPlainText(lines.join(QLatin1Char('\n')));
            break;
        }
        case T::Participants:
            static_cast<QPlainTextEdit*>(in.widget)->setPlainText(v != nullptr ? participantsText(*v) : QString());
            break;
        case T::Choice:
        case T::YesNo: {
            auto* combo = static_cast<QComboBox*>(in.widget);
            QString wire = text();
            if (v != nullptr && v->is_boolean()) wire = v->get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
            const int at = combo->findData(wire);
            combo->setCurrentIndex(at < 0 ? 0 : at);
            break;
        }
        case T::DateTime:
            if (v != nullptr && v->is_number_integer()) {
                static_cast<QDateTimeEdit*>(in.widget)->setDateTime(QDateTime::fromMSecsSinceEpoch(v->get<qint64>()));
            }
            break;
    }
}

nlohmann::json RecordForm::record() const {
    nlohmann::json out = base_;
    out.erase("kind");
    out.erase("schema");
    for (const Input& in : inputs_) {
        erase(out, in.field->path);
        nlohmann::json value = valueOf(in);
        if (!value.is_null()) put(out, in.field->path, std::move(value));
    }
    return out;
}

void RecordForm::setRecord(const nlohmann::json& record) {
    base_ = record.is_object() ? record : nlohmann::json::object();
    loading_ = true;
    for (const Input& in : inputs_) setValue(in, lookup(base_, in.field->path));
    loading_ = false;
}

QWidget* RecordForm::input(const QString& path) const {
    for (const Input& in : inputs_) {
        if (QString::fromLatin1(in.field->path) == path) return in.widget;
    }
    return nullptr;
}

bool RecordForm::isBlank() const {
    for (const Input& in : inputs_) {
        if (in.field->type != T::DateTime && !valueOf(in).is_null()) return false;
    }
    return true;
}

}  // namespace renkei::ui
