//===- PruneProfile.cpp - What --prune may remove from installed packages -===//

#include "managed/PruneProfile.h"
#include "plan/RulesFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using nlohmann::json;

namespace brisk {

static Error ruleError(StringRef Origin, size_t I, const Twine &What) {
  return createStringError(Origin + ": rules[" + Twine(I) + "]: " + What);
}

static Error readRule(const json &R, StringRef Origin, size_t I,
                      PruneRule &Rule) {
  if (!R.is_object())
    return ruleError(Origin, I, "expected an object");
  for (const auto &Item : R.items())
    if (!is_contained({"id", "tier", "match", "description",
                       "unless_python_package", "bytecode_for_other_python",
                       "requires_sibling", "unless_environment"},
                      Item.key()))
      return ruleError(Origin, I, "unknown key '" + Item.key() + "'");
  for (const char *Key : {"id", "tier", "description"})
    if (!R.contains(Key) || !R[Key].is_string() ||
        R[Key].get<std::string>().empty())
      return ruleError(Origin, I,
                       "'" + Twine(Key) + "' must be a non-empty string");
  Rule.Id = R["id"].get<std::string>();
  Rule.Description = R["description"].get<std::string>();
  Expected<PruneTier> Tier = parsePruneTier(R["tier"].get<std::string>());
  if (!Tier || *Tier == PruneTier::None) {
    if (!Tier)
      consumeError(Tier.takeError());
    return ruleError(Origin, I, "'tier' must be 'safe' or 'aggressive'");
  }
  Rule.Tier = *Tier;
  if (!R.contains("match") || !R["match"].is_array() || R["match"].empty())
    return ruleError(Origin, I, "'match' must be a non-empty array of globs");
  for (const json &M : R["match"]) {
    if (!M.is_string() || M.get<std::string>().empty())
      return ruleError(Origin, I, "'match' must be a non-empty array of globs");
    Expected<PathPattern> P = PathPattern::create(
        M.get<std::string>(), (Origin + ": rules[" + Twine(I) + "]").str(),
        /*IgnoreCase=*/false);
    if (!P)
      return P.takeError();
    Rule.Match.push_back(std::move(*P));
  }
  for (auto [Key, Into] :
       {std::pair<const char *, bool *>{"unless_python_package",
                                        &Rule.UnlessPythonPackage},
        {"bytecode_for_other_python", &Rule.BytecodeForOtherPython}}) {
    if (!R.contains(Key))
      continue;
    if (!R[Key].is_boolean())
      return ruleError(Origin, I, "'" + Twine(Key) + "' must be true or false");
    *Into = R[Key].get<bool>();
  }
  if (R.contains("requires_sibling")) {
    const json &S = R["requires_sibling"];
    if (!S.is_string() || !StringRef(S.get<std::string>()).starts_with("."))
      return ruleError(Origin, I,
                       "'requires_sibling' must be an extension such as "
                       "\".js\"");
    Rule.RequiresSibling = S.get<std::string>();
  }
  if (R.contains("unless_environment")) {
    const json &Env = R["unless_environment"];
    if (!Env.is_object())
      return ruleError(Origin, I,
                       "'unless_environment' must be an object of strings");
    for (const auto &Item : Env.items()) {
      if (!Item.value().is_string())
        return ruleError(Origin, I,
                         "'unless_environment' must be an object of strings");
      Rule.UnlessEnvironment[Item.key()] = Item.value().get<std::string>();
    }
  }
  return Error::success();
}

static Expected<json> parseObject(StringRef Text, StringRef Origin) {
  json Root = json::parse(Text.begin(), Text.end(), nullptr,
                          /*allow_exceptions=*/false);
  if (Root.is_discarded() || !Root.is_object())
    return createStringError(Origin + ": not a JSON object");
  if (!Root.contains("schema_version") || Root["schema_version"] != 1)
    return createStringError(Origin + ": 'schema_version' must be 1");
  return Root;
}

static Error readRules(const json &Root, StringRef Origin,
                       std::vector<PruneRule> &Rules) {
  if (!Root.contains("rules"))
    return Error::success();
  if (!Root["rules"].is_array())
    return createStringError(Origin + ": 'rules' must be an array");
  for (size_t I = 0; I < Root["rules"].size(); ++I) {
    PruneRule Rule;
    if (Error E = readRule(Root["rules"][I], Origin, I, Rule))
      return E;
    Rules.push_back(std::move(Rule));
  }
  return Error::success();
}

static Expected<PruneProfile>
buildProfile(Expected<json> Root, StringRef OursOrigin,
             ArrayRef<std::pair<std::string, std::string>> Users) {
  if (!Root)
    return Root.takeError();
  if (!Root->contains("schema_version") || (*Root)["schema_version"] != 1)
    return createStringError(OursOrigin + ": 'schema_version' must be 1");
  PruneProfile Profile;
  if (!Root->contains("name") || !(*Root)["name"].is_string())
    return createStringError(OursOrigin + ": 'name' must be a string");
  Profile.Name = (*Root)["name"].get<std::string>();
  if (Error E = readRules(*Root, OursOrigin, Profile.Rules))
    return E;
  for (const auto &[Origin, Text] : Users) {
    Expected<json> User = parseObject(Text, Origin);
    if (!User)
      return User.takeError();
    for (const auto &Item : User->items())
      if (!is_contained(
              {"schema_version", "extends", "disable", "rules", "description"},
              Item.key()))
        return createStringError(Origin + ": unknown key '" + Item.key() + "'");
    if (!User->contains("extends") || !(*User)["extends"].is_string() ||
        ((*User)["extends"] != "python" && (*User)["extends"] != "node"))
      return createStringError(Origin +
                               ": 'extends' must be \"python\" or \"node\"");
    if ((*User)["extends"] != Profile.Name)
      continue;
    if (User->contains("disable")) {
      const json &Off = (*User)["disable"];
      if (!Off.is_array() ||
          !all_of(Off, [](const json &J) { return J.is_string(); }))
        return createStringError(Origin +
                                 ": 'disable' must be an array of rule ids");
      for (const json &Id : Off) {
        std::string Name = Id.get<std::string>();
        if (none_of(Profile.Rules,
                    [&](const PruneRule &R) { return R.Id == Name; }))
          return createStringError(Origin + ": 'disable' names '" + Name +
                                   "', which is no rule of the " +
                                   Profile.Name + " profile");
        erase_if(Profile.Rules,
                 [&](const PruneRule &R) { return R.Id == Name; });
      }
    }
    if (Error E = readRules(*User, Origin, Profile.Rules))
      return E;
  }
  return Profile;
}

Expected<PruneProfile>
parsePruneProfile(StringRef Ours, StringRef OursOrigin,
                  ArrayRef<std::pair<std::string, std::string>> Users) {
  return buildProfile(parseObject(Ours, OursOrigin), OursOrigin, Users);
}

Expected<PruneProfile> loadPruneProfile(StringRef RulesDir,
                                        ManagedLanguage Language,
                                        ArrayRef<std::string> UserProfiles) {
  std::string Name = Language == ManagedLanguage::Python ? "python" : "node";
  std::string Path;
  Expected<json> Ours =
      readRulesFile(RulesDir, "prune/" + Name + ".json", Path);
  std::vector<std::pair<std::string, std::string>> Users;
  for (const std::string &File : UserProfiles) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(File);
    if (!Buf)
      return createStringError(File +
                               ": cannot read: " + Buf.getError().message());
    Users.push_back({File, (*Buf)->getBuffer().str()});
  }
  return buildProfile(std::move(Ours), Path, Users);
}

} // namespace brisk
