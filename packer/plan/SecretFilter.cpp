//===- SecretFilter.cpp - Files that must not ship by accident ------------===//

#include "plan/SecretFilter.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

using namespace llvm;

namespace brisk {

StringRef secretReason(StringRef Path) {
  SmallVector<StringRef, 8> Parts;
  Path.split(Parts, '/');
  for (StringRef Part : ArrayRef<StringRef>(Parts).drop_back())
    if (Part == ".git")
      return "git repository data (.git/)";
  StringRef Name = Parts.back();
  if (Parts.size() >= 2 && Parts[Parts.size() - 2] == ".aws" &&
      Name == "credentials")
    return "AWS credentials file";
  // Templates of .env files document variables, they hold no values.
  if (Name == ".env" ||
      (Name.starts_with(".env.") && !Name.ends_with_insensitive(".example") &&
       !Name.ends_with_insensitive(".sample") &&
       !Name.ends_with_insensitive(".template")))
    return "environment file (.env)";
  if (Name.ends_with_insensitive(".pem"))
    return "PEM key or certificate (*.pem)";
  for (StringRef Key : {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"})
    if (Name.starts_with(Key) && !Name.ends_with(".pub"))
      return "SSH private key";
  return "";
}

} // namespace brisk
