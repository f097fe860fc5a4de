// Renkei desktop: アクセス記録, the viewer of the vault's access log (store/access_log.h) for the
// user and the office's administrator: who opened which patient room when, every export,
// print, file opened or saved, sign-in, sign-out, unlock and failed unlock, newest first,
// filtered by room, kind and days (Japan time, as the CSV); 「改ざんを確認」 walks the hash
// chain and says whether a record was changed or removed; 「CSVに書き出す…」 writes the
// filtered records as the CSV of store::toCsv (rooms by id only: the file leaves the vault).
// Reads the vault through Session on the GUI thread (at most kShown records a view).
#pragma once

#include <QDate>
#include <QDialog>
#include <QHash>
#include <QString>
#include <optional>

#include "store/access_log.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QTreeWidget;

namespace renkei::ui {

class CoreBridge;

class AccessLogDialog : public QDialog {
    Q_OBJECT

public:
    /// Most records one view lists (the CSV takes up to store::kMaxAccessEntries).
    static constexpr int kShown = 1000;

    explicit AccessLogDialog(CoreBridge& bridge, QWidget* parent = nullptr);

    /// Filters as the combo boxes and date fields set them (tests; the view refreshes).
    void setRoomFilter(const QString& room_id);  ///< empty: every room
    void setKindFilter(std::optional<store::AccessKind> kind);
    void setDays(const QDate& from, const QDate& to);
    /// Lists the records of the filters again.
    void refresh();
    /// Checks the hash chain and shows the answer under the list; true when intact.
    bool verifyChain();
    /// Writes the filtered records (up to store::kMaxAccessEntries) as CSV to `path` through
    /// QSaveFile; false (the reason under the list) if it could not.
    bool exportCsv(const QString& path);

    /// The list as shown, one line per record, cells joined by " | " (tests).
    QString listText() const;
    /// The line under the list: how many are shown, the chain check's answer, errors.
    QString statusText() const;
    QComboBox* roomBox() const { return room_box_; }
    QComboBox* kindBox() const { return kind_box_; }

private:
    store::AccessFilter filter(int limit) const;
    void chooseCsvFile();
    void fillRooms();
    QString roomLabel(const std::string& room_id) const;

    CoreBridge& bridge_;
    QComboBox* room_box_ = nullptr;
    QComboBox* kind_box_ = nullptr;
    QDateEdit* from_ = nullptr;
    QDateEdit* to_ = nullptr;
    QTreeWidget* tree_ = nullptr;
    QLabel* status_ = nullptr;
    QHash<QString, QString> room_names_;  ///< room id -> its name in the cache
};

}  // namespace renkei::ui
