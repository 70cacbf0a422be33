#include <regex>
#include <string>

bool validId(const std::string &Id) {
  /* größe */ std::regex Pattern("^[0-9]+$");
  return std::regex_match(Id, Pattern);
}
