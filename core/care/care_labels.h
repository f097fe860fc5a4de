// Renkei core: Japanese labels of the care enums, for the readable `body` of each shape.
// Not the UI's labels (ui/ translates on its own); these are what any Matrix client shows.
#pragma once

#include <string>

#include "care/care_types.h"

namespace renkei::care {

/// Japanese label written into a shape's `body` (「要介護3」, 「対面」, 「訪問看護師」, …).
std::string labelJa(CareLevel v);
std::string labelJa(Sex v);
std::string labelJa(ConsentMethod v);
std::string labelJa(Profession v);
std::string labelJa(Scene v);
std::string labelJa(ClosureReason v);

}  // namespace renkei::care
