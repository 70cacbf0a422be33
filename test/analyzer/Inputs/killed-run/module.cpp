// Copied eight times: each copy is a TU that takes a while to parse.
#include <map>
#include <regex>
#include <string>
#include <vector>

static int count(const std::string &Text) {
  static const std::regex Word("[a-z]+");
  std::map<std::string, std::vector<int>> Seen;
  int N = 0;
  for (std::sregex_iterator It(Text.begin(), Text.end(), Word), End; It != End;
       ++It)
    Seen[It->str()].push_back(N++);
  return int(Seen.size());
}

[[maybe_unused]] static int unused() { return count("a b c"); }
